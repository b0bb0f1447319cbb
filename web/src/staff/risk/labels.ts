// The rule's Chinese name for a hit's rule code (a code the catalogue no longer knows shows as itself).
import { riskRuleLabels, type RiskRuleCode } from '../../../../src/domain/vocabulary/risk.ts';

export const ruleLabel = (code: string) => riskRuleLabels[code as RiskRuleCode] ?? code;
