// The notice period: objections are taken up to and including its last day; the notice closes from the day after.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { addDays, formatChineseDate, type IsoDate } from '../../policy/core/dates.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface NoticePeriod {
  id: number;
  round: string;
  status: 'open' | 'closed';
  last_day: IsoDate;
}

/** The first day the notice may be closed. */
export function closableFrom(lastDay: IsoDate): IsoDate {
  return addDays(lastDay, 1);
}

/** The notice, locked for the rest of the transaction; refused when it does not exist. */
export async function lockNotice(db: Kysely<Database>, noticeId: number): Promise<NoticePeriod> {
  const notice = await db
    .selectFrom('public_notices')
    .select(['id', 'round', 'status', 'last_day'])
    .where('id', '=', noticeId)
    .forUpdate()
    .executeTakeFirst();
  if (!notice) throw new Refusal('NOT_FOUND', `公示 ${noticeId} 不存在`);
  return notice;
}

/** Refuses unless the notice is open and `today` is within its period. */
export function assertWithinPeriod(notice: NoticePeriod, today: IsoDate): void {
  if (notice.status !== 'open' || today > notice.last_day) {
    throw new Refusal('CONFLICT', `公示 ${notice.id} 的公示期已于 ${formatChineseDate(notice.last_day)} 结束，不能再登记异议`);
  }
}

/** Refuses unless the notice is open and its period has ended before `today`. */
export function assertClosable(notice: NoticePeriod, today: IsoDate): void {
  if (notice.status !== 'open') throw new Refusal('CONFLICT', `公示 ${notice.id} 已结束`);
  if (today <= notice.last_day) {
    throw new Refusal(
      'CONFLICT',
      `公示期至 ${formatChineseDate(notice.last_day)} 止，${formatChineseDate(closableFrom(notice.last_day))} 起方可结束公示`,
    );
  }
}
