// Closing a notice once its period has ended: every case still on it moves in_notice → notice_passed, the only way
// a case reaches notification (鲁人社发〔2024〕8号 第七条、第八条).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName, transitionGroup } from '../round/case-transitions.ts';
import { assertClosable, lockNotice } from './notice-period.ts';

export interface CloseNotice {
  noticeId: number;
  actor: Actor;
  clock: Clock;
}

export async function closeNotice(
  db: Kysely<Database>,
  request: CloseNotice,
): Promise<{ noticeId: number; passedCount: number }> {
  const { noticeId, actor, clock } = request;
  return db.transaction().execute(async (trx) => {
    const notice = await lockNotice(trx, noticeId);
    assertClosable(notice, clock.today());
    const at = clock.now();
    const passedCount = await transitionGroup(trx, {
      round: notice.round,
      group: { notice_id: noticeId },
      from: 'in_notice',
      action: 'close_notice',
      actor,
      at,
    });
    await trx
      .updateTable('public_notices')
      .set({ status: 'closed', closed_at: at, closed_by: actorName(actor) })
      .where('id', '=', noticeId)
      .execute();
    return { noticeId, passedCount };
  });
}

/** For a scheduler: closes, as the system, every open notice whose period ended before today. */
export async function closeDueNotices(db: Kysely<Database>, clock: Clock): Promise<{ noticeId: number; passedCount: number }[]> {
  const due = await db
    .selectFrom('public_notices')
    .select('id')
    .where('status', '=', 'open')
    .where('last_day', '<', clock.today())
    .orderBy('id')
    .execute();
  const closed = [];
  for (const notice of due) closed.push(await closeNotice(db, { noticeId: notice.id, actor: { kind: 'system' }, clock }));
  return closed;
}
