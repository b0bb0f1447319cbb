// An objection raised during the notice period: recorded, the unit taken off the list, and its case sent back to
// review (鲁人社发〔2024〕8号 第八条).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName, applyCaseTransition } from '../round/case-transitions.ts';
import { Refusal } from '../../domain/refusal.ts';
import { assertWithinPeriod, lockNotice } from './notice-period.ts';

export interface RecordObjection {
  noticeId: number;
  unitId: number;
  content: string;
  actor: Actor;
  clock: Clock;
}

export async function recordObjection(db: Kysely<Database>, request: RecordObjection): Promise<{ objectionId: number }> {
  const { noticeId, unitId, actor, clock } = request;
  const content = request.content.trim();
  if (!content) throw new Refusal('INVALID', '请填写异议内容');
  return db.transaction().execute(async (trx) => {
    const notice = await lockNotice(trx, noticeId);
    assertWithinPeriod(notice, clock.today());
    const item = await trx
      .selectFrom('notice_items')
      .select(['unit_name', 'withdrawn'])
      .where('notice_id', '=', noticeId)
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    if (!item) throw new Refusal('NOT_FOUND', `公示 ${noticeId} 中没有单位 ${unitId}`);
    if (item.withdrawn) throw new Refusal('CONFLICT', `${item.unit_name} 已因异议撤出公示名单，案件已退回复核`);
    const at = clock.now();
    const objection = await trx
      .insertInto('notice_objections')
      .values({ notice_id: noticeId, unit_id: unitId, content, recorded_by: actorName(actor), recorded_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('notice_items')
      .set({ withdrawn: true })
      .where('notice_id', '=', noticeId)
      .where('unit_id', '=', unitId)
      .execute();
    await applyCaseTransition(trx, {
      round: notice.round,
      unitId,
      action: 'object',
      actor,
      note: `公示异议：${content}`,
      expectedState: 'in_notice',
      at,
    });
    return { objectionId: objection.id };
  });
}
