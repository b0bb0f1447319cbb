// 公示: approved cases published for a number of working days (鲁人社发〔2024〕8号 第八条：健全审核、公示机制;
// the period is policy/parameters/public-notice.yaml `workingDays`, counted on the Chinese working-day calendar).
import type { Kysely } from 'kysely';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { maskCreditCode } from '../../domain/masking.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { publicNoticeParameters } from '../../policy/public-notice.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { WorkingDayCalendar } from '../../domain/ports/working-day-calendar.ts';
import { refundRound } from '../rounds.ts';
import { actorName, applyCaseTransition } from '../round/case-transitions.ts';
import { nameList } from '../review/name-list.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface OpenNotice {
  round: string;
  batchIds: readonly number[];
  actor: Actor;
  clock: Clock;
  calendar: WorkingDayCalendar;
  /** Defaults to 《<round title>拟返还单位名单公示》. */
  title?: string;
  params?: ParameterStore;
}

export interface OpenedNotice {
  noticeId: number;
  openedOn: IsoDate;
  workingDays: number;
  lastDay: IsoDate;
  unitCount: number;
}

const INSERT_CHUNK = 1000;

function workingDaysAt(params: ParameterStore, date: IsoDate): number {
  const days = params.at(publicNoticeParameters, 'workingDays', date);
  if (!days) throw new Refusal('INVALID', `${date} 没有有效的公示期参数（public-notice.workingDays）`);
  return days.value;
}

async function approvedBatches(db: Kysely<Database>, round: string, batchIds: readonly number[]): Promise<void> {
  if (!batchIds.length) throw new Refusal('INVALID', '请指定要公示的复核批次');
  const batches = await db
    .selectFrom('review_batches')
    .select(['id', 'status'])
    .where('round', '=', round)
    .where('id', 'in', [...batchIds])
    .execute();
  const found = new Map(batches.map((b) => [b.id, b.status]));
  const missing = batchIds.filter((id) => !found.has(id));
  if (missing.length) throw new Refusal('NOT_FOUND', `${round} 年度没有复核批次：${nameList(missing.map(String))}`);
  const unapproved = batchIds.filter((id) => found.get(id) !== 'approved');
  if (unapproved.length)
    throw new Refusal('CONFLICT', `只有复核通过的批次才能公示，以下批次未通过复核：${nameList(unapproved.map(String))}`);
}

/** Opens a notice over the approved cases of the batches and moves each approved → in_notice. */
export async function openNotice(db: Kysely<Database>, request: OpenNotice): Promise<OpenedNotice> {
  const { round, batchIds, actor, clock, calendar } = request;
  const openedOn = clock.today();
  const workingDays = workingDaysAt(request.params ?? projectParameters(), openedOn);
  const lastDay = calendar.lastOfWorkingDays(openedOn, workingDays);
  const title = request.title?.trim() || `${refundRound(round).title}拟返还单位名单公示`;
  return db.transaction().execute(async (trx) => {
    await approvedBatches(trx, round, batchIds);
    const cases = await trx
      .selectFrom('refund_cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .leftJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
      .select(['c.unit_id', 'c.region_code', 'c.amount_fen', 'u.name', 'u.credit_code', 'd.layoff_rate'])
      .where('c.round', '=', round)
      .where('c.batch_id', 'in', [...batchIds])
      .where('c.state', '=', 'approved')
      .orderBy('c.unit_id')
      .execute();
    if (!cases.length) throw new Refusal('CONFLICT', '这些批次中没有待公示的案件（可能已公示）');
    const at = clock.now();
    const notice = await trx
      .insertInto('public_notices')
      .values({
        round,
        title,
        opened_on: openedOn,
        working_days: workingDays,
        last_day: lastDay,
        status: 'open',
        opened_by: actorName(actor),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < cases.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('notice_items')
        .values(
          cases.slice(i, i + INSERT_CHUNK).map((c) => ({
            notice_id: notice.id,
            unit_id: c.unit_id,
            unit_name: c.name,
            credit_code_masked: maskCreditCode(c.credit_code),
            region_code: c.region_code,
            layoff_rate: c.layoff_rate,
            amount_fen: c.amount_fen,
          })),
        )
        .execute();
    }
    for (const c of cases) {
      await applyCaseTransition(trx, {
        round,
        unitId: c.unit_id,
        action: 'publish',
        actor,
        patch: { notice_id: notice.id },
        expectedState: 'approved',
        at,
      });
    }
    return { noticeId: notice.id, openedOn, workingDays, lastDay, unitCount: cases.length };
  });
}
