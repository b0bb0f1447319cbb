// Review batches of a round, newest first, for the reviewer's queue.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Fen } from '../../policy/core/money.ts';

export type BatchStatus = 'proposed' | 'approved' | 'returned';

export interface BatchSummary {
  id: number;
  round: string;
  status: BatchStatus;
  unitCount: number;
  totalFen: Fen;
  note: string | null;
  proposedBy: string;
  proposedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

export async function listBatches(
  db: Kysely<Database>,
  options: { round?: string; status?: BatchStatus } = {},
): Promise<BatchSummary[]> {
  let query = db.selectFrom('review_batches').selectAll().orderBy('id', 'desc');
  if (options.round) query = query.where('round', '=', options.round);
  if (options.status) query = query.where('status', '=', options.status);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    status: r.status,
    unitCount: r.unit_count,
    totalFen: r.total_fen,
    note: r.note,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
  }));
}
