// The shapes the API returns that the pages read. Areas whose routes have zod schemas (src/server/schemas) take their
// types from them (z.input: the JSON on the wire); the rest are still written out here until their routes move.
import type { z } from 'zod';
import type {
  campaignReport,
  campaignSummary,
  catalogueEntry,
  hitDetail,
  hitView,
  repayBody,
} from '../../../src/server/schemas/risk.ts';
import type { RefundCaseState } from '../../../src/domain/refund-case.ts';
import type { TraceStep } from '../../../src/policy/core/decision.ts';
import type { importBatch, importKind } from '../../../src/server/schemas/imports.ts';
import type { notice, noticeItem, publicNotice, publicNoticeItem } from '../../../src/server/schemas/notice.ts';
import type {
  personRecord,
  portalApplication,
  portalChecklistLine,
  portalPayment,
  portalRefundCase,
  portalRound,
  unitOverview,
} from '../../../src/server/schemas/portal.ts';
import type { auditEntry, auditPage } from '../../../src/server/schemas/audit.ts';
import type { staffAccount } from '../../../src/server/schemas/accounts.ts';
import type { region } from '../../../src/server/schemas/regions.ts';
import type { serviceStatus } from '../../../src/server/schemas/status.ts';
import type { caseEvent, proposedBatch, reviewBatch } from '../../../src/server/schemas/review.ts';
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

export type DecisionStatus = 'eligible' | 'ineligible' | 'needs_review';

export interface Tally {
  key: string;
  label?: string;
  units: number;
  amountFen: number;
  amountYuan: string;
}

export interface RunView {
  runId: number;
  status: 'running' | 'completed' | 'failed';
  error: string | null;
  progress: { done: number; total: number; percent: number };
  summary: {
    run: {
      id: number;
      round: string;
      as_of: string;
      region_code: string | null;
      started_at: string;
      finished_at: string | null;
      created_by: string;
      policy_version: string;
    };
    total: Tally;
    byRegion: Tally[];
    bySize: Tally[];
    byStatus: Tally[];
    byReason: Tally[];
    laterStage: { label: string; count: number };
  };
}

export interface DecisionItem {
  unitId: number;
  unitName: string;
  creditCodeMasked: string;
  regionCode: string;
  caseState: RefundCaseState;
  caseStateLabel: string;
  runId: number;
  status: DecisionStatus;
  amountFen: number;
  amountYuan: string;
  reasons: string[];
  size: string | null;
  layoffRate: string | null;
}

export interface DecisionPage {
  round: string;
  page: number;
  pageSize: number;
  total: number;
  items: DecisionItem[];
}

export interface DecisionDetail extends DecisionItem {
  baseFen: number;
  ratioBp: number | null;
  fullMonths: number | null;
  layoffs: number | null;
  payTo: string | null;
  inputHash: string;
  policyVersion: string;
  /** Null when it cannot be rebuilt (the unit's data changed since); traceNote says why. */
  trace: TraceStep[] | null;
  traceNote: string | null;
}

export interface DiffSide {
  status: DecisionStatus;
  amountFen: number;
  reasons: string[];
}
export interface RunDiff {
  runA: number;
  runB: number;
  changed: {
    unitId: number;
    regionCode: string;
    before: DiffSide;
    after: DiffSide;
    reasonsAdded: string[];
    reasonsRemoved: string[];
    changedSteps: { step: string; before: string | null; after: string }[];
  }[];
  onlyInA: { unitId: number; regionCode: string; status: DecisionStatus; amountFen: number }[];
  onlyInB: { unitId: number; regionCode: string; status: DecisionStatus; amountFen: number }[];
}

/** The answer to proposing a review batch (POST /review/batches). */
export type ProposedBatch = z.input<typeof proposedBatch>;
export type Batch = z.input<typeof reviewBatch>;
export type CaseEvent = z.input<typeof caseEvent>;

export type Notice = z.input<typeof notice>;
export type NoticeItem = z.input<typeof noticeItem>;
export type PublicNotice = z.input<typeof publicNotice>;
export type PublicNoticeItem = z.input<typeof publicNoticeItem>;

export interface OutboxRow {
  id: number;
  round: string | null;
  unit_id: number | null;
  phone_masked: string;
  template: string;
  status: string;
  attempts: number;
  provider: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface UnconfirmedUnit {
  unitId: number;
  unitName: string;
  creditCode: string;
  regionCode: string;
  phoneMasked: string | null;
  amountFen: number;
  notifiedAt: string;
  daysSinceNotified: number;
  remindersSent: number;
}

export interface ConfirmationView {
  round: string;
  unitName: string;
  amountFen: number;
  amountYuan: string;
  payTo: string;
  phoneMasked: string | null;
}

export type ImportKind = z.input<typeof importKind>;
export type ImportBatch = z.input<typeof importBatch>;
export interface ImportRejection {
  batchId: number;
  rowCount: number;
  errorCount: number;
  errors: { row: number; column?: string; message: string }[];
  fileError?: string;
}

export type StatusView = z.input<typeof serviceStatus>;

// Staff accounts, regions and the audit log (src/server/routes/{accounts,regions,audit}.ts).
export type StaffAccount = z.input<typeof staffAccount>;

export type Region = z.input<typeof region>;

export type AuditEntry = z.input<typeof auditEntry>;
export type AuditPage = z.input<typeof auditPage>;
export type AuditVerdict = import('../../../src/domain/audit-chain.ts').ChainVerdict & {
  checkpoints: { seq: number; hash: string }[];
};

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

/** One workflow state of the round (GET /rounds/:round/progress). */
export interface StateTally {
  state: RefundCaseState;
  label: string;
  units: number;
  amountFen: number;
  amountYuan: string;
}

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

/** A screening run as GET /rounds/:round/screenings lists them (oldest first). */
export interface ScreeningRunRow {
  id: number;
  round: string;
  as_of: string;
  region_code: string | null;
  status: 'running' | 'completed' | 'failed';
  total_units: number;
  processed_units: number;
  started_at: string;
  finished_at: string | null;
  created_by: string;
}

// The enterprise and person portals (src/server/schemas/portal.ts): what a signed-in unit or person sees of themselves.
export type PortalChecklistLine = z.input<typeof portalChecklistLine>;
export type PortalRefundCase = z.input<typeof portalRefundCase>;
export type PortalPayment = z.input<typeof portalPayment>;
export type PortalApplication = z.input<typeof portalApplication>;
export type PortalRound = z.input<typeof portalRound>;
export type UnitOverview = z.input<typeof unitOverview>;
export type PersonRecord = z.input<typeof personRecord>;

/** POST /rounds/:round/notify: the notices sent after 公示 and their delivery. */
export interface NotifyResult {
  notified: number;
  manual: { unitId: number; unitName: string; creditCode: string; reason: string }[];
  delivery: { sent: number; retrying: number; failed: number };
}

/** Risk control and push campaigns (GET /risk/…, /campaigns/…). */
export type RiskHit = z.input<typeof hitView>;
export type RiskHitDetail = z.input<typeof hitDetail>;
export type RiskCatalogueEntry = z.input<typeof catalogueEntry>;
export type CampaignSummary = z.input<typeof campaignSummary>;
export type CampaignReport = z.input<typeof campaignReport>;
export type RepaymentBody = z.input<typeof repayBody>;
