// The risk-rule catalogue, in the order of the stages they guard.
import type { RiskRuleCode } from '../../../domain/vocabulary/risk.ts';
import type { RiskRule } from '../risk-rule.ts';
import { bankAccountChangedBeforePayment } from './bank-account-changed-before-payment.ts';
import { benefitReceivedElsewhere } from './benefit-received-elsewhere.ts';
import { benefitWithNewEmployer } from './benefit-with-new-employer.ts';
import { dispatchWorkerPaymentsMismatch } from './dispatch-worker-payments-mismatch.ts';
import { duplicatePaymentAcrossDistricts } from './duplicate-payment-across-districts.ts';
import { headcountSurgeBeforeBaseYearEnd } from './headcount-surge-before-base-year-end.ts';
import { personDeceasedImprisonedOrPensioned } from './person-deceased-imprisoned-or-pensioned.ts';
import { sharedBankAccount } from './shared-bank-account.ts';
import { unitFlaggedAfterDecision } from './unit-flagged-after-decision.ts';

export const riskRules: ReadonlyMap<RiskRuleCode, RiskRule> = new Map(
  [
    headcountSurgeBeforeBaseYearEnd,
    bankAccountChangedBeforePayment,
    sharedBankAccount,
    personDeceasedImprisonedOrPensioned,
    unitFlaggedAfterDecision,
    dispatchWorkerPaymentsMismatch,
    duplicatePaymentAcrossDistricts,
    benefitWithNewEmployer,
    benefitReceivedElsewhere,
  ].map((rule) => [rule.code, rule]),
);
