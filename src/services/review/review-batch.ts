// Checker: a reviewer who did not propose the batch approves it or returns it with a note (maker-checker,
// 鲁人社发〔2024〕8号 第八条). The database refuses a batch reviewed by its proposer as well.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { assertDifferentPerson, type Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { reviewBatchStatusLabels } from '../../domain/vocabulary/review.ts';
import { actorName, transitionGroup } from '../round/case-transitions.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface ReviewRequest {
  batchId: number;
  actor: Actor;
  /** Required when returning: what the case worker must look at. */
  note?: string;
  clock: Clock;
}

export interface ReviewedBatch {
  batchId: number;
  status: 'approved' | 'returned';
  unitCount: number;
}

async function review(db: Kysely<Database>, request: ReviewRequest, outcome: 'approve' | 'return'): Promise<ReviewedBatch> {
  const { batchId, actor, clock } = request;
  const note = request.note?.trim() || undefined;
  if (outcome === 'return' && !note) throw new Refusal('INVALID', '退回复核批次须填写退回意见');
  return db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('review_batches').selectAll().where('id', '=', batchId).forUpdate().executeTakeFirst();
    if (!batch) throw new Refusal('NOT_FOUND', `复核批次 ${batchId} 不存在`);
    if (batch.status !== 'proposed') {
      throw new Refusal('CONFLICT', `复核批次 ${batchId} ${reviewBatchStatusLabels[batch.status]}，不能再次复核`);
    }
    const reviewer = actorName(actor);
    assertDifferentPerson(batch.proposed_by, reviewer);
    const status = outcome === 'approve' ? 'approved' : 'returned';
    const at = clock.now();
    await trx
      .updateTable('review_batches')
      .set({ status, reviewed_by: reviewer, reviewed_at: at, review_note: note ?? null })
      .where('id', '=', batchId)
      .execute();
    const unitCount = await transitionGroup(trx, {
      round: batch.round,
      group: { batch_id: batchId },
      from: 'proposed',
      action: outcome,
      actor,
      note,
      at,
    });
    return { batchId, status, unitCount };
  });
}

/** Every case of the batch proposed → approved. */
export function approveBatch(db: Kysely<Database>, request: ReviewRequest): Promise<ReviewedBatch> {
  return review(db, request, 'approve');
}

/** Every case of the batch proposed → needs_review, with the reviewer's note. */
export function returnBatch(db: Kysely<Database>, request: ReviewRequest): Promise<ReviewedBatch> {
  return review(db, request, 'return');
}
