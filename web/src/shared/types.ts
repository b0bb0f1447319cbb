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

// Staff accounts, regions, the audit log and labour-dispatch applications (src/server/routes/{accounts,regions,audit,dispatch}.ts).
export type StaffAccount = z.input<typeof staffAccount>;

export type Region = z.input<typeof region>;

export type AuditEntry = z.input<typeof auditEntry>;
export type AuditPage = z.input<typeof auditPage>;
export type AuditVerdict = import('../../../src/domain/audit-chain.ts').ChainVerdict & {
  checkpoints: { seq: number; hash: string }[];
};

export interface DispatchAllocation {
  recipient: string;
  recipientName: string | null;
  role: 'dispatch_unit' | 'user_unit';
  baseFen: number;
  amountFen: number;
}

export interface DispatchPreview {
  round: string;
  unitId: number;
  unitName: string;
  status: DecisionStatus;
  reasons: string[];
  amountFen: number;
  excludedFen: number;
  allocations: DispatchAllocation[];
  paymentsSource: 'store' | 'upload';
  workerCount: number;
  paymentCount: number;
  trace: TraceStep[];
  paymentsFileIgnored: boolean;
}
export interface SubmittedDispatch extends DispatchPreview {
  applicationId: number;
  runId: number;
  caseState: RefundCaseState;
}

export interface DispatchUploadProblem {
  file: string;
  row: number;
  column: string;
  value: string;
  message: string;
}
/** A rejected upload (422): every problem of the sheets. */
export interface DispatchRejection {
  error: { code: string; message: string };
  problems: DispatchUploadProblem[];
}

export interface DispatchApplication {
  id: number;
  round: string;
  unitId: number;
  unitName: string;
  status: 'submitted' | 'decided' | 'withdrawn';
  amountFen: number;
  excludedFen: number;
  workerCount: number;
  submittedBy: string;
  submittedAt: string;
  decidedAt: string | null;
  allocations: DispatchAllocation[];
}
export interface WithdrawnDispatch {
  applicationId: number;
  runId: number;
  caseState: RefundCaseState;
  amountFen: number;
}

// Payments, bank files, reconciliation, account corrections and the fund ledger (src/server/routes/{payments,bank}.ts).
export type PaymentStatus = 'pending' | 'in_batch' | 'sent' | 'paid' | 'failed' | 'returned';
export type PaymentBatchStatus = 'proposed' | 'authorised' | 'rejected' | 'exported' | 'reconciled';
export type AccountKind = 'corporate_account' | 'contribution_account';

/** One workflow state of the round (GET /rounds/:round/progress). */
export interface StateTally {
  state: RefundCaseState;
  label: string;
  units: number;
  amountFen: number;
  amountYuan: string;
}

export interface PaymentItem {
  id: number;
  idempotencyKey: string;
  unitId: number;
  recipientCreditCode: string;
  recipientName: string;
  role: 'unit' | 'dispatch_unit' | 'user_unit';
  amountFen: number;
  accountKind: AccountKind;
  bankName: string | null;
  accountMasked: string;
  status: PaymentStatus;
  attempt: number;
  batchId: number | null;
}

export interface ManualPayment {
  unitId: number;
  unitName: string;
  recipientCreditCode: string;
  recipientName: string;
  amountFen: number;
  reason: string;
}
export interface CreatedPayments {
  caseCount: number;
  paymentCount: number;
  totalFen: number;
  manual: ManualPayment[];
}

export interface PaymentBatchSummary {
  batchId: number;
  status: PaymentBatchStatus;
  paymentCount: number;
  totalFen: number;
}
export interface PaymentBatch extends PaymentBatchSummary {
  round: string;
  note: string | null;
  proposedBy: string;
  proposedAt: string;
  authorisedBy: string | null;
  authorisedAt: string | null;
}

export interface PaymentProgress extends PaymentBatchSummary {
  byStatus: Record<PaymentStatus, number>;
  sentFen: number;
  remaining: number;
  readyToExport: boolean;
  running: boolean;
}

export interface BankRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}
export type ReturnImport =
  | {
      status: 'accepted';
      fileId: number;
      batchId: number;
      lineCount: number;
      totalFen: number;
      paid: number;
      failed: number;
      returned: number;
      casesPaid: number;
    }
  | { status: 'duplicate'; fileId: number; batchId: number; message: string }
  | { status: 'rejected'; message: string; errorCount: number; errors: BankRowError[] };

export type DifferenceKind = 'unanswered' | 'failed' | 'returned' | 'unknown' | 'amount' | 'invalid' | 'totals';
export interface ReconciliationTally {
  count: number;
  totalFen: number;
}
export interface Reconciliation {
  batchId: number;
  batchStatus: PaymentBatchStatus;
  source: 'imported' | 'file';
  instructed: ReconciliationTally;
  answered: Record<'paid' | 'failed' | 'returned', ReconciliationTally>;
  unanswered: ReconciliationTally;
  balanced: boolean;
  differences: {
    kind: DifferenceKind;
    reference: string | null;
    recipientName: string | null;
    instructedFen: number | null;
    answeredFen: number | null;
    message: string;
  }[];
}

export interface AccountCorrection {
  correctionId: number;
  paymentId: number;
  recipientName: string;
  amountFen: number;
  paymentStatus: PaymentStatus;
  accountKind: AccountKind;
  bankName: string | null;
  accountMasked: string;
  reason: string;
  status: 'proposed' | 'approved' | 'rejected';
  proposedBy: string;
  proposedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export interface LedgerBalance {
  account: 'fund' | 'payable' | 'bank_in_transit' | 'bank';
  label: string;
  debitFen: number;
  creditFen: number;
  balanceFen: number;
}
export interface LedgerCheck {
  ok: boolean;
  violations: { code: string; message: string; paymentId?: number; transactionKey?: string }[];
  balances: LedgerBalance[];
  paymentCount: number;
  transactionCount: number;
}

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
export type ComparisonImport = z.input<typeof comparisonImport>;
export type ComparisonFinding = z.input<typeof comparisonFinding>;
