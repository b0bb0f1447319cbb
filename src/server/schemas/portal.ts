// The enterprise and person portals: what a signed-in unit or person sees of themselves.
import { z } from 'zod';
import { refundCaseStates } from '../../domain/vocabulary/cases.ts';
import { decisionStatuses } from '../../domain/vocabulary/refund.ts';
import { paymentStatuses } from '../../domain/vocabulary/payments.ts';
import { fen, instant, roundText } from './common.ts';

/** The portal routes take no parameters: who is asking is the only subject there is. */
export const noQuery = z.strictObject({});
export const confirmBody = z.strictObject({ round: roundText.describe('年度，如 2024') });

const accountKind = z.enum(['corporate_account', 'contribution_account']);

export const portalChecklistLine = z.object({
  text: z.string(),
  result: z.enum(['met', 'not_met', 'missing', 'info']),
  legalBasis: z.string(),
});
export const portalRefundCase = z.object({
  state: z.enum(refundCaseStates),
  stateLabel: z.string(),
  status: z.enum(decisionStatuses),
  amountFen: fen,
  amountYuan: z.string(),
  reasons: z.array(z.string()),
  payTo: z.string().nullable(),
  explanation: z.object({
    summary: z.string(),
    nextStep: z.string(),
    checklist: z.array(portalChecklistLine),
    traceNote: z.string().nullable(),
  }),
  canConfirm: z.boolean(),
});
export const portalPayment = z.object({
  id: z.number(),
  recipientName: z.string(),
  role: z.enum(['unit', 'dispatch_unit', 'user_unit']),
  toThisUnit: z.boolean(),
  amountFen: fen,
  amountYuan: z.string(),
  status: z.enum(paymentStatuses),
  statusLabel: z.string(),
  accountKind,
  bankName: z.string().nullable(),
  accountMasked: z.string(),
  createdAt: instant,
  sentAt: instant.nullable(),
  settledAt: instant.nullable(),
});
export const portalApplication = z.object({
  id: z.number(),
  status: z.enum(['submitted', 'decided', 'withdrawn']),
  statusLabel: z.string(),
  amountFen: fen,
  amountYuan: z.string(),
  workerCount: z.number(),
  submittedAt: instant,
  allocations: z.array(
    z.object({
      recipientName: z.string().nullable(),
      role: z.enum(['dispatch_unit', 'user_unit']),
      amountFen: fen,
      amountYuan: z.string(),
    }),
  ),
});
export const portalRound = z.object({
  round: z.string(),
  title: z.string(),
  refundCase: portalRefundCase.nullable(),
  confirmation: z.object({ amountFen: fen, amountYuan: z.string(), payTo: z.string(), confirmedAt: instant }).nullable(),
  payments: z.array(portalPayment),
  application: portalApplication.nullable(),
});
export const unitOverview = z.object({
  unit: z.object({
    unitId: z.number(),
    name: z.string(),
    creditCodeMasked: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    size: z.string().nullable(),
    laborDispatch: z.boolean(),
  }),
  rounds: z.array(portalRound),
});

export const ownConfirmation = z.object({
  round: z.string(),
  unitName: z.string(),
  amountFen: fen,
  amountYuan: z.string(),
  payTo: z.string(),
  phoneMasked: z.string().nullable(),
  confirmedAt: z.string(),
});

export const personRecord = z.object({
  personId: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  insuranceSpells: z.array(z.object({ unitName: z.string(), fromPeriod: z.string(), toPeriod: z.string().nullable() })),
  certificates: z.array(
    z.object({
      number: z.string(),
      occupationCode: z.string(),
      occupationName: z.string().nullable(),
      level: z.number(),
      issueDate: z.string(),
      verified: z.boolean(),
    }),
  ),
  subsidyGrants: z.array(
    z.object({
      type: z.enum(['skill_subsidy', 'vocational_training_subsidy']),
      occupationCode: z.string(),
      level: z.number(),
      grantedOn: z.string(),
      amountFen: fen,
      amountYuan: z.string(),
    }),
  ),
  benefitPeriods: z.array(z.object({ fromDate: z.string(), toDate: z.string() })),
});

/** Whether the signed-in unit or person receives policy push SMS (精准推送), and the change they ask for. */
export const pushPreference = z.object({
  receivesPush: z.boolean(),
  optedOutAt: z.string().nullable(),
});
export const pushPreferenceBody = z.strictObject({ receivesPush: z.boolean().describe('是否接收政策推送短信') });
