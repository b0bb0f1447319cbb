// The rule catalogue as the console and the CLI show it (read-only): each rule's stage, severity, explanation, legal
// basis, the parameters in force with their values, and whether each city has it switched on.
import type { IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { riskRuleLabels, type RiskRuleCode, type RiskSeverity, type RiskStage } from '../../domain/vocabulary/risk.ts';
import { riskParameters } from './risk-parameters.ts';
import { ruleEnabled } from './run-rules.ts';
import { riskRules } from './rules/index.ts';

export interface CatalogueEntry {
  code: RiskRuleCode;
  label: string;
  stage: RiskStage;
  severity: RiskSeverity;
  hold: boolean;
  explanation: string;
  legalBasis: string;
  parameters: Record<string, unknown>;
  /** By city code (the cities the parameters list). */
  enabledByCity: Record<string, boolean>;
}

export function riskCatalogue(store: ParameterStore, asOf: IsoDate): CatalogueEntry[] {
  const params = riskParameters(store, asOf);
  const cities = Object.keys(params.disabledRulesByCity);
  return [...riskRules.values()].map((rule) => ({
    code: rule.code,
    label: riskRuleLabels[rule.code],
    stage: rule.stage,
    severity: rule.severity,
    hold: rule.hold,
    explanation: rule.explanation,
    legalBasis: rule.legalBasis,
    parameters: Object.fromEntries(rule.parameters.map((key) => [key, params[key]])),
    enabledByCity: Object.fromEntries(cities.map((city) => [city, ruleEnabled(params, city, rule.code)])),
  }));
}
