// A case worker stops a claim by hand (失业保险条例 第十五条: e.g. conscription, emigration, refusing suitable work,
// which no feed reports), from a month and with a reason; the months from then on are never paid.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { isValidPeriod, type Period } from '../../policy/core/dates.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { stopClaim } from './stops.ts';

export async function stopClaimByHand(
  db: Kysely<Database>,
  request: { claimId: number; stoppedFrom: Period; note: string; by: string; clock: Clock },
): Promise<{ stoppedMonths: number }> {
  const note = request.note.trim();
  if (!note) throw new Refusal('INVALID', '停发须填写原因');
  if (!isValidPeriod(request.stoppedFrom)) throw new Refusal('INVALID', '停发起始月份须为 YYYY-MM');
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const claim = await trx
      .selectFrom('benefit_claims')
      .select('status')
      .where('id', '=', request.claimId)
      .forUpdate()
      .executeTakeFirst();
    if (!claim) throw new Refusal('NOT_FOUND', `失业保险金申领 ${request.claimId} 不存在`);
    if (claim.status !== 'approved') throw new Refusal('CONFLICT', '只有发放中的申领可以停发');
    const stoppedMonths = await stopClaim(trx, {
      claimId: request.claimId,
      reason: 'manual',
      stoppedFrom: request.stoppedFrom,
      by: request.by,
      note,
      at: request.clock.now(),
    });
    return { stoppedMonths };
  });
}
