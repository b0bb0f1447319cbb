// Unemployment-benefit casework (鲁人社发〔2024〕8号 第五条、第七条): the codes of a claim's life and the transitions a
// claim may make. A claim is decided on submission, approved or returned by a second person, then paid month by month
// until it is stopped (with a dated reason) or its months are used up.
import type { StaffRole } from './staff-roles.ts';

export const benefitChannels = ['portal', 'case_worker', 'api'] as const;
export type BenefitChannel = (typeof benefitChannels)[number];

export const benefitClaimStatuses = ['submitted', 'approved', 'returned', 'stopped', 'ended'] as const;
export type BenefitClaimStatus = (typeof benefitClaimStatuses)[number];

export const separationReasons = [
  'contract_expired',
  'dismissed',
  'layoff',
  'unit_terminated',
  'unit_breach',
  'resigned',
  'other_voluntary',
] as const;
export type SeparationReason = (typeof separationReasons)[number];

/** 失业保险金申领登记办法 第四条 (非因本人意愿中断就业): every reason but resignation and other voluntary leaving. */
export function isInvoluntary(reason: SeparationReason): boolean {
  return reason !== 'resigned' && reason !== 'other_voluntary';
}

export const statusEventKinds = ['pension', 'death', 'imprisonment'] as const;
export type StatusEventKind = (typeof statusEventKinds)[number];

export const benefitStopReasons = [
  'reemployed',
  'pension',
  'death',
  'imprisonment',
  'exhausted',
  'transferred_out',
  'manual',
] as const;
export type BenefitStopReason = (typeof benefitStopReasons)[number];

export const benefitLinePurposes = ['benefit', 'medical_on_behalf', 'price_subsidy'] as const;
export type BenefitLinePurpose = (typeof benefitLinePurposes)[number];

/** waiting: not paid yet, with a reason; payable: a person payment was made for it; posted: paid to the medical fund in the ledger. */
export const benefitLineStatuses = ['waiting', 'payable', 'posted'] as const;
export type BenefitLineStatus = (typeof benefitLineStatuses)[number];

export const transferDirections = ['out', 'in'] as const;
export type TransferDirection = (typeof transferDirections)[number];

export type BenefitAction = 'submit' | 'approve' | 'return' | 'stop' | 'transfer';

/** Who may take each action (the reviewer is a different person from the submitter: checked with the names). */
export const benefitActionRoles: Readonly<Record<BenefitAction, readonly StaffRole[]>> = {
  submit: ['case_worker'],
  approve: ['reviewer'],
  return: ['reviewer'],
  stop: ['case_worker', 'reviewer'],
  transfer: ['case_worker'],
};

/** The status a claim must be in for each action. */
export const benefitActionFrom: Readonly<Record<Exclude<BenefitAction, 'submit'>, readonly BenefitClaimStatus[]>> = {
  approve: ['submitted'],
  return: ['submitted'],
  stop: ['approved'],
  transfer: ['approved', 'ended', 'stopped'],
};
