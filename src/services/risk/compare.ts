// Running the national comparison system's extracts against the agency's decisions, benefit schedules and payments
// (鲁人社发〔2024〕8号 第八条): once an extract is imported (src/services/imports/kinds/comparison-records.ts), the rules
// that read comparison records run for the city. A death holds the person's next payment and opens a hit — the case.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { RiskRuleCode } from '../../domain/vocabulary/risk.ts';
import { riskParameters } from './risk-parameters.ts';
import { ruleEnabled, runRiskRules, type RiskRunRequest, type RiskRunResult } from './run-rules.ts';

export const COMPARISON_RULES: readonly RiskRuleCode[] = [
  'person_deceased_imprisoned_or_pensioned',
  'benefit_with_new_employer',
  'benefit_received_elsewhere',
];

export function runComparisons(db: Kysely<Database>, request: Omit<RiskRunRequest, 'only'>): Promise<RiskRunResult> {
  const params = riskParameters(request.parameters, request.asOf);
  const only = COMPARISON_RULES.filter((code) => ruleEnabled(params, request.cityCode, code));
  return runRiskRules(db, { ...request, only });
}
