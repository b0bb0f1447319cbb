// A unit signed in to the enterprise portal confirms its own notified refund (鲁人社发〔2024〕8号 第七条：经其确认后
// 发放). The session already proved who it is (SMS code at sign-in), so no link or further code is asked for; the
// confirmation is recorded exactly as through the SMS link (confirm-case.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { caseToConfirm, confirmationView, recordConfirmation, type ConfirmationView } from '../confirm/confirm-case.ts';
import { ConfirmError } from '../confirm/confirm-error.ts';

/** Confirms the unit's case in the round; a refusal is a ConfirmError with a Chinese message. */
export async function confirmOwnRefund(
  db: Kysely<Database>,
  options: { round: string; unitId: number; clock: Clock },
): Promise<ConfirmationView & { confirmedAt: string }> {
  const now = options.clock.now();
  return db.transaction().execute(async (trx) => {
    // The audit lock before the case row, in the order every case transition takes them.
    await lockAuditLog(trx);
    const found = await caseToConfirm(trx, options.round, options.unitId, true);
    if (!found) throw new ConfirmError('NOT_CONFIRMABLE', `您单位在${options.round}年度没有稳岗返还事项`);
    await recordConfirmation(trx, found, now);
    return { ...confirmationView(found), confirmedAt: now.toISOString() };
  });
}
