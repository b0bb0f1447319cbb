// Every rule of the notice, by its contract name.
import type { RuleDefinition } from './core/rule.ts';
import { contributionRule } from './contribution.ts';
import { dispatchAllocationRule } from './dispatch-allocation.ts';
import { enterpriseSizeRule } from './enterprise-size.ts';
import { identifierRule } from './identifier.ts';
import { jobRetentionRefundRule } from './job-retention-refund.ts';
import { skillSubsidyRule } from './skill-subsidy.ts';
import { spendingCapRule } from './spending-cap.ts';
import { unemploymentBenefitRule } from './unemployment-benefit.ts';

export const rules: ReadonlyMap<string, RuleDefinition> = new Map(
  [
    contributionRule,
    jobRetentionRefundRule,
    dispatchAllocationRule,
    enterpriseSizeRule,
    skillSubsidyRule,
    unemploymentBenefitRule,
    spendingCapRule,
    identifierRule,
  ].map((rule) => [rule.name, rule]),
);
