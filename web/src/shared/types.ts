// The shapes the API returns that the pages read (see src/server/routes/*.ts and the services they call).
import type { RefundCaseState } from '../../../src/domain/refund-case.ts';
import type { TraceStep } from '../../../src/policy/core/decision.ts';

export type DecisionStatus = 'eligible' | 'ineligible' | 'needs_review';

export interface Tally { key: string; label?: string; units: number; amountFen: number; amountYuan: string }

export interface RunView {
  runId: number;
  status: 'running' | 'completed' | 'failed';
  error: string | null;
  progress: { done: number; total: number; percent: number };
  summary: {
    run: { id: number; round: string; as_of: string; region_code: string | null; started_at: string; finished_at: string | null; created_by: string; policy_version: string };
    total: Tally; byRegion: Tally[]; bySize: Tally[]; byStatus: Tally[]; byReason: Tally[];
    laterStage: { label: string; count: number };
  };
}

export interface DecisionItem {
  unitId: number; unitName: string; creditCodeMasked: string; regionCode: string; caseState: RefundCaseState; caseStateLabel: string;
  runId: number; status: DecisionStatus; amountFen: number; amountYuan: string; reasons: string[]; size: string | null; layoffRate: string | null;
}

export interface DecisionPage { round: string; page: number; pageSize: number; total: number; items: DecisionItem[] }

export interface DecisionDetail extends DecisionItem {
  baseFen: number; ratioBp: number | null; fullMonths: number | null; layoffs: number | null; payTo: string | null;
  inputHash: string; policyVersion: string; trace: TraceStep[];
}

export interface DiffSide { status: DecisionStatus; amountFen: number; reasons: string[] }
export interface RunDiff {
  runA: number; runB: number;
  changed: { unitId: number; regionCode: string; before: DiffSide; after: DiffSide; reasonsAdded: string[]; reasonsRemoved: string[]; changedSteps: { step: string; before: string | null; after: string }[] }[];
  onlyInA: { unitId: number; regionCode: string; status: DecisionStatus; amountFen: number }[];
  onlyInB: { unitId: number; regionCode: string; status: DecisionStatus; amountFen: number }[];
}

export interface Batch {
  id: number; round: string; status: 'proposed' | 'approved' | 'returned'; unitCount: number; totalFen: number; note: string | null;
  proposedBy: string; proposedAt: string; reviewedBy: string | null; reviewedAt: string | null; reviewNote: string | null;
}

export interface CaseEvent { id: number; at: string; action: string; fromState: string | null; toState: string; actor: string; note: string | null }

export interface Notice {
  id: number; round: string; title: string; openedOn: string; workingDays: number; lastDay: string; status: 'open' | 'closed';
  openedBy: string; closedAt: string | null; closedBy: string | null; unitCount: number; withdrawnCount: number; totalFen: number;
}

export interface NoticeItem { unitId: number; unitName: string; creditCodeMasked: string; regionCode: string; layoffRate: string | null; amountFen: number; withdrawn: boolean }

export interface PublicNotice { id: number; round: string; title: string; openedOn: string; lastDay: string; status: 'open' | 'closed'; unitCount: number; totalFen: number }
export interface PublicNoticeItem { unitName: string; creditCode: string; layoffRate: string; amountFen: number }

export interface OutboxRow {
  id: number; round: string | null; unit_id: number | null; phone_masked: string; template: string; status: string; attempts: number;
  provider: string | null; last_error: string | null; created_at: string; sent_at: string | null;
}

export interface UnconfirmedUnit {
  unitId: number; unitName: string; creditCode: string; regionCode: string; phoneMasked: string | null; amountFen: number;
  notifiedAt: string; daysSinceNotified: number; remindersSent: number;
}

export interface ConfirmationView { round: string; unitName: string; amountFen: number; amountYuan: string; payTo: string; phoneMasked: string | null }

export interface ImportKind { kind: string; title: string; description: string; columns: { header: string; required: boolean; hint: string }[] }
export interface ImportBatch { id: number; kind: string; fileName: string; rowCount: number; status: 'accepted' | 'rejected'; errorCount: number; actor: string; createdAt: string }
export interface ImportRejection { batchId: number; rowCount: number; errorCount: number; errors: { row: number; column?: string; message: string }[]; reportUrl: string; fileError?: string }

export interface StatusView { service: string; policyVersion: string; rules: { name: string; title: string; article: string; endpoint: string }[] }
