// The shapes the API returns that the pages read. Areas whose routes have zod schemas (src/server/schemas) take their
// types from them (z.input: the JSON on the wire); the rest are still written out here until their routes move.
import type { z } from 'zod';
import type {
  campaignReport,
  campaignSummary,
  catalogueEntry,
  comparisonFinding,
  comparisonImport,
  hitDetail,
  hitView,
  repayBody,
} from '../../../src/server/schemas/risk.ts';
import type { acceptedImport, importBatch, importKind, rejectedImport } from '../../../src/server/schemas/imports.ts';
import type { notice, noticeItem, publicNotice, publicNoticeItem } from '../../../src/server/schemas/notice.ts';
import type {
  personRecord,
  portalApplication,
  portalChecklistLine,
  portalPayment,
  portalRefundCase,
  portalRound,
  pushPreference,
  unitOverview,
} from '../../../src/server/schemas/portal.ts';
import type { auditEntry, auditPage, auditVerdict } from '../../../src/server/schemas/audit.ts';
import type { staffAccount } from '../../../src/server/schemas/accounts.ts';
import type { region } from '../../../src/server/schemas/regions.ts';
import type { serviceStatus } from '../../../src/server/schemas/status.ts';
import type { caseEvent, proposedBatch, reviewBatch } from '../../../src/server/schemas/review.ts';
import type {
  codeSent,
  confirmationView,
  confirmed,
  outboxRow,
  unconfirmedUnit,
} from '../../../src/server/schemas/confirmation.ts';
import type { notifyResult, stateTally } from '../../../src/server/schemas/round.ts';
import type {
  decisionDetail,
  decisionItem,
  decisionPage,
  runDiff,
  runView,
  screeningRun,
  startedRun,
  tally,
} from '../../../src/server/schemas/screening.ts';
import type {
  dispatchAllocation,
  dispatchApplication,
  dispatchPreview,
  dispatchRejection,
  dispatchUploadProblem,
  submittedDispatch,
  withdrawnDispatch,
} from '../../../src/server/schemas/dispatch.ts';
import type {
  accountKind,
  createdPayments,
  manualPayment,
  paymentBatch,
  paymentBatchStatus,
  paymentBatchSummary,
  paymentItem,
  paymentProgress,
  paymentStatus,
} from '../../../src/server/schemas/payments.ts';
import type {
  acceptedReturn,
  accountCorrection,
  approvedCorrection,
  correctionBody,
  duplicateReturn,
  ledgerBalance,
  ledgerCheck,
  proposedCorrection,
  reconciliation,
  rejectedReturn,
} from '../../../src/server/schemas/bank.ts';

// Screening runs, the round's decisions, its progress and notices (src/server/schemas/{screening,round}.ts).
export type DecisionStatus = z.input<typeof decisionItem>['status'];
export type Tally = z.input<typeof tally>;
export type RunView = z.input<typeof runView>;
export type StartedRun = z.input<typeof startedRun>;
/** A screening run as GET /rounds/:round/screenings lists them (oldest first). */
export type ScreeningRunRow = z.input<typeof screeningRun>;
export type DecisionItem = z.input<typeof decisionItem>;
export type DecisionPage = z.input<typeof decisionPage>;
export type DecisionDetail = z.input<typeof decisionDetail>;
export type RunDiff = z.input<typeof runDiff>;
/** One workflow state of the round (GET /rounds/:round/progress). */
export type StateTally = z.input<typeof stateTally>;
/** POST /rounds/:round/notify: the notices sent after 公示 and their delivery. */
export type NotifyResult = z.input<typeof notifyResult>;

/** The answer to proposing a review batch (POST /review/batches). */
export type ProposedBatch = z.input<typeof proposedBatch>;
export type Batch = z.input<typeof reviewBatch>;
export type CaseEvent = z.input<typeof caseEvent>;

export type Notice = z.input<typeof notice>;
export type NoticeItem = z.input<typeof noticeItem>;
export type PublicNotice = z.input<typeof publicNotice>;
export type PublicNoticeItem = z.input<typeof publicNoticeItem>;

// The SMS outbox and the units' confirmation (src/server/schemas/confirmation.ts).
export type OutboxRow = z.input<typeof outboxRow>;
export type UnconfirmedUnit = z.input<typeof unconfirmedUnit>;
export type ConfirmationView = z.input<typeof confirmationView>;
export type CodeSent = z.input<typeof codeSent>;
export type Confirmed = z.input<typeof confirmed>;

export type ImportKind = z.input<typeof importKind>;
export type ImportBatch = z.input<typeof importBatch>;
/** An upload refused whole (422). */
export type ImportRejection = z.input<typeof rejectedImport>;
export type AcceptedImport = z.input<typeof acceptedImport>;

export type StatusView = z.input<typeof serviceStatus>;

// Staff accounts, regions and the audit log (src/server/routes/{accounts,regions,audit}.ts).
export type StaffAccount = z.input<typeof staffAccount>;

export type Region = z.input<typeof region>;

export type AuditEntry = z.input<typeof auditEntry>;
export type AuditPage = z.input<typeof auditPage>;
export type AuditVerdict = z.input<typeof auditVerdict>;

// Labour-dispatch applications (src/server/schemas/dispatch.ts).
export type DispatchAllocation = z.input<typeof dispatchAllocation>;
export type DispatchPreview = z.input<typeof dispatchPreview>;
export type SubmittedDispatch = z.input<typeof submittedDispatch>;
export type DispatchUploadProblem = z.input<typeof dispatchUploadProblem>;
/** A rejected upload (422): every problem of the sheets. */
export type DispatchRejection = z.input<typeof dispatchRejection>;
export type DispatchApplication = z.input<typeof dispatchApplication>;
export type WithdrawnDispatch = z.input<typeof withdrawnDispatch>;

// Payments, bank files, reconciliation, account corrections and the fund ledger (src/server/schemas/{payments,bank}.ts).
export type PaymentStatus = z.input<typeof paymentStatus>;
export type PaymentBatchStatus = z.input<typeof paymentBatchStatus>;
export type AccountKind = z.input<typeof accountKind>;

export type PaymentItem = z.input<typeof paymentItem>;
export type ManualPayment = z.input<typeof manualPayment>;
export type CreatedPayments = z.input<typeof createdPayments>;
export type PaymentBatchSummary = z.input<typeof paymentBatchSummary>;
export type PaymentBatch = z.input<typeof paymentBatch>;
export type PaymentProgress = z.input<typeof paymentProgress>;
export type ReturnImport = z.input<typeof acceptedReturn> | z.input<typeof duplicateReturn> | z.input<typeof rejectedReturn>;
export type Reconciliation = z.input<typeof reconciliation>;
export type ReconciliationTally = Reconciliation['instructed'];
export type CorrectionBody = z.input<typeof correctionBody>;
export type ProposedCorrection = z.input<typeof proposedCorrection>;
export type ApprovedCorrection = z.input<typeof approvedCorrection>;
export type AccountCorrection = z.input<typeof accountCorrection>;
export type LedgerBalance = z.input<typeof ledgerBalance>;
export type LedgerCheck = z.input<typeof ledgerCheck>;

// The enterprise and person portals (src/server/schemas/portal.ts): what a signed-in unit or person sees of themselves.
export type PortalChecklistLine = z.input<typeof portalChecklistLine>;
export type PortalRefundCase = z.input<typeof portalRefundCase>;
export type PortalPayment = z.input<typeof portalPayment>;
export type PortalApplication = z.input<typeof portalApplication>;
export type PortalRound = z.input<typeof portalRound>;
export type UnitOverview = z.input<typeof unitOverview>;
export type PersonRecord = z.input<typeof personRecord>;
export type PushPreference = z.input<typeof pushPreference>;

/** Risk control and push campaigns (GET /risk/…, /campaigns/…). */
export type RiskHit = z.input<typeof hitView>;
export type RiskHitDetail = z.input<typeof hitDetail>;
export type RiskCatalogueEntry = z.input<typeof catalogueEntry>;
export type CampaignSummary = z.input<typeof campaignSummary>;
export type CampaignReport = z.input<typeof campaignReport>;
export type RepaymentBody = z.input<typeof repayBody>;
export type ComparisonImport = z.input<typeof comparisonImport>;
export type ComparisonFinding = z.input<typeof comparisonFinding>;
