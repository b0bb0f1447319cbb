// Chinese names of the codes the API returns, for screens and filters: every label comes from the one vocabulary
// (src/domain/vocabulary); this module adds only what is the console's own (tag colours, display helpers).
import { refundCaseStates, stateLabel, type RefundCaseState } from '../../../src/domain/refund-case.ts';
import {
  auditActionLabel,
  auditActionLabels,
  auditAreaLabels,
  auditSubjectIdLabels,
  auditSubjectKindLabels,
} from '../../../src/domain/vocabulary/audit.ts';
import { caseActionLabels } from '../../../src/domain/vocabulary/cases.ts';
import { certificateLevelLabels, grantTypeLabels } from '../../../src/domain/vocabulary/certificates.ts';
import { allocationRoleLabels, dispatchStatusLabels } from '../../../src/domain/vocabulary/dispatch.ts';
import { importKindLabels } from '../../../src/domain/vocabulary/imports.ts';
import { noticeStatusLabels } from '../../../src/domain/vocabulary/notices.ts';
import { accountKindLabels, payToLabels } from '../../../src/domain/vocabulary/pay-to.ts';
import {
  accountCorrectionStatusLabels,
  bankFileFormatLabels,
  bankOutcomeLabels,
  paymentBatchStatusLabels,
  paymentRoleLabels,
  paymentStatusLabel,
} from '../../../src/domain/vocabulary/payments.ts';
import { personalDataFieldLabels } from '../../../src/domain/vocabulary/personal-data.ts';
import { differenceLabels } from '../../../src/domain/vocabulary/reconciliation.ts';
import { DECISION_STATUS_LABELS, REFUND_REASON_LABELS, refundReasonLabel } from '../../../src/domain/vocabulary/refund.ts';
import { regionKindLabels } from '../../../src/domain/vocabulary/regions.ts';
import { reviewBatchStatusLabels } from '../../../src/domain/vocabulary/review.ts';
import { runStatusLabels } from '../../../src/domain/vocabulary/runs.ts';
import { smsStatusLabels, smsTemplateLabels } from '../../../src/domain/vocabulary/sms.ts';
import { enterpriseSizeLabels } from '../../../src/domain/vocabulary/units.ts';

import { maskCreditCode } from '../../../src/domain/masking.ts';

export { refundCaseStates, stateLabel, type RefundCaseState, auditActionLabel };

export const STATUS_LABELS: Record<string, string> = DECISION_STATUS_LABELS;
export const STATUS_COLORS: Record<string, string> = { eligible: 'green', ineligible: 'default', needs_review: 'orange' };

export const SIZE_LABELS: Record<string, string> = enterpriseSizeLabels;

/** Why a refund decision is not simply eligible (the reasons of the job-retention refund rule). */
export const REASON_LABELS: Record<string, string> = REFUND_REASON_LABELS;
export const reasonLabel = refundReasonLabel;

export { ownRegionFilter, regionLabel, regionsWithin } from './regions.ts';

export const BATCH_STATUS_LABELS: Record<string, string> = reviewBatchStatusLabels;
export const BATCH_STATUS_COLORS: Record<string, string> = { proposed: 'processing', approved: 'success', returned: 'warning' };

export const NOTICE_STATUS_LABELS: Record<string, string> = noticeStatusLabels;

export const SMS_STATUS_LABELS: Record<string, string> = smsStatusLabels;
export const SMS_TEMPLATE_LABELS: Record<string, string> = smsTemplateLabels;

export const RUN_STATUS_LABELS: Record<string, string> = runStatusLabels;

export const ACTION_LABELS: Record<string, string> = caseActionLabels;

export const PAY_TO_LABELS: Record<string, string> = payToLabels;

/** Any payment's account kind: a unit's accounts and a person's social security card account. */
export const ACCOUNT_KIND_LABELS: Record<string, string> = accountKindLabels;

export const REGION_KIND_LABELS: Record<string, string> = regionKindLabels;

/** What each audited action is (src/services: sign-ins, accounts, case transitions, reveals of personal data, checkpoints). */
export const AUDIT_ACTION_LABELS: Record<string, string> = auditActionLabels;

/** The areas of audited actions, for prefix searches (`case.*`) and actions not named above. */
export const AUDIT_AREA_LABELS: Record<string, string> = auditAreaLabels;

/** The kinds of audit subjects (`kind:id`, src/services/audit/audit-subject.ts) and what their id is. */
export const AUDIT_SUBJECT_KINDS: Record<string, { label: string; id: string }> = Object.fromEntries(
  Object.entries(auditSubjectKindLabels).map(([kind, label]) => [kind, { label, id: auditSubjectIdLabels[kind] ?? '' }]),
);

/** `refund_case:2024:7` → 返还案件 2024年度 单位编号 7. */
export function auditSubjectLabel(subject: string): string {
  const [kind = '', ...rest] = subject.split(':');
  const known = AUDIT_SUBJECT_KINDS[kind];
  if (!known) return '其他对象';
  if (kind === 'refund_case') return `${known.label} ${rest[0]}年度 ${known.id} ${rest[1] ?? ''}`.trim();
  return rest.length ? `${known.label} ${rest.join(':')}` : known.label;
}

/**
 * Who acted, as people read it: staff as recorded (显示名（用户名）) and 系统 unchanged, a unit (`单位:<credit code>`)
 * by its masked credit code, a person (`个人:<id>`) by number.
 */
export function actorLabel(actor: string): string {
  if (actor.startsWith('单位:')) return `单位 ${maskCreditCode(actor.slice('单位:'.length))}`;
  if (actor.startsWith('个人:')) return `个人（编号 ${actor.slice('个人:'.length)}）`;
  return actor;
}

/** The kinds of data files the agency imports (src/services/imports/kinds, `kind` and `title`). */
export const IMPORT_KIND_LABELS: Record<string, string> = importKindLabels;

/** The file formats of bank payment instructions. */
export const BANK_FILE_FORMAT_LABELS: Record<string, string> = bankFileFormatLabels;

export const PERSONAL_DATA_FIELD_LABELS: Record<string, string> = personalDataFieldLabels;

export const DISPATCH_STATUS_LABELS: Record<string, string> = dispatchStatusLabels;
export const ALLOCATION_ROLE_LABELS: Record<string, string> = allocationRoleLabels;

// Payments, payment batches, bank answers, reconciliation differences and account corrections.
export const PAYMENT_STATUS_LABELS: Record<string, string> = paymentStatusLabel;
export const PAYMENT_STATUS_COLORS: Record<string, string> = {
  pending: 'default',
  in_batch: 'processing',
  sent: 'blue',
  paid: 'success',
  failed: 'error',
  returned: 'warning',
};
export const PAYMENT_BATCH_STATUS_LABELS: Record<string, string> = paymentBatchStatusLabels;
export const PAYMENT_BATCH_STATUS_COLORS: Record<string, string> = {
  proposed: 'processing',
  authorised: 'blue',
  rejected: 'warning',
  exported: 'cyan',
  reconciled: 'success',
};
export const PAYMENT_ROLE_LABELS: Record<string, string> = paymentRoleLabels;
export const BANK_OUTCOME_LABELS: Record<string, string> = bankOutcomeLabels;
export const DIFFERENCE_LABELS: Record<string, string> = differenceLabels;
export const CORRECTION_STATUS_LABELS: Record<string, string> = accountCorrectionStatusLabels;

// The person portal: certificate levels (国家职业资格 / 职业技能等级) and the subsidies a person may have been granted.
export const CERTIFICATE_LEVEL_LABELS: Record<number, string> = certificateLevelLabels;
export const GRANT_TYPE_LABELS: Record<string, string> = grantTypeLabels;
