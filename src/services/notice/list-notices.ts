// Notices, current and past, and the units listed on one, for the staff console and the public page.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import { formatPercent } from '../../policy/core/ratio.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface NoticeSummary {
  id: number;
  round: string;
  title: string;
  openedOn: IsoDate;
  workingDays: number;
  lastDay: IsoDate;
  status: 'open' | 'closed';
  openedBy: string;
  closedAt: Date | null;
  closedBy: string | null;
  /** Units still listed (objections withdraw a unit). */
  unitCount: number;
  withdrawnCount: number;
  /** Proposed amount of the units still listed. */
  totalFen: Fen;
}

export interface NoticeItem {
  unitId: number;
  unitName: string;
  creditCodeMasked: string;
  regionCode: string;
  /** Layoff rate as a decimal string (e.g. `0.042`), null when it was not decided. */
  layoffRate: string | null;
  amountFen: Fen;
  withdrawn: boolean;
}

/** A decimal layoff rate for people: `0.0425` → `4.25%`; `—` when unknown. */
export function layoffRatePercent(rate: string | null): string {
  if (rate === null) return '—';
  const [whole = '0', fraction = ''] = rate.split('.');
  return formatPercent(Number(whole + fraction), 10 ** fraction.length);
}

type Db = Kysely<Database>;

export async function listNotices(
  db: Db,
  options: { round?: string; status?: 'open' | 'closed'; noticeId?: number } = {},
): Promise<NoticeSummary[]> {
  let query = db
    .selectFrom('public_notices as n')
    .leftJoin('notice_items as i', 'i.notice_id', 'n.id')
    .select([
      'n.id',
      'n.round',
      'n.title',
      'n.opened_on',
      'n.working_days',
      'n.last_day',
      'n.status',
      'n.opened_by',
      'n.closed_at',
      'n.closed_by',
      sql<number>`count(i.unit_id) filter (where not i.withdrawn)::int`.as('unit_count'),
      sql<number>`count(i.unit_id) filter (where i.withdrawn)::int`.as('withdrawn_count'),
      sql<number>`coalesce(sum(i.amount_fen) filter (where not i.withdrawn), 0)::bigint`.as('total_fen'),
    ])
    .groupBy('n.id')
    .orderBy('n.id', 'desc');
  if (options.round) query = query.where('n.round', '=', options.round);
  if (options.status) query = query.where('n.status', '=', options.status);
  if (options.noticeId !== undefined) query = query.where('n.id', '=', options.noticeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    title: r.title,
    openedOn: r.opened_on,
    workingDays: r.working_days,
    lastDay: r.last_day,
    status: r.status,
    openedBy: r.opened_by,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    unitCount: r.unit_count,
    withdrawnCount: r.withdrawn_count,
    totalFen: r.total_fen,
  }));
}

/** One notice; refused when it does not exist. */
export async function getNotice(db: Db, noticeId: number): Promise<NoticeSummary> {
  const [notice] = await listNotices(db, { noticeId });
  if (!notice) throw new Refusal('NOT_FOUND', `公示 ${noticeId} 不存在`);
  return notice;
}

export interface ItemQuery {
  /** Part of the unit name. */
  q?: string;
  /** Withdrawn units are shown to staff, never on the public list. */
  includeWithdrawn?: boolean;
  limit?: number;
  offset?: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The units on a notice in unit order, optionally searched by name. */
export async function noticeItems(db: Db, noticeId: number, options: ItemQuery = {}): Promise<NoticeItem[]> {
  await getNotice(db, noticeId);
  let query = db.selectFrom('notice_items').selectAll().where('notice_id', '=', noticeId).orderBy('unit_id');
  const q = options.q?.trim();
  if (q) query = query.where('unit_name', 'ilike', likePattern(q));
  if (!options.includeWithdrawn) query = query.where('withdrawn', '=', false);
  if (options.limit !== undefined) query = query.limit(options.limit);
  if (options.offset) query = query.offset(options.offset);
  const rows = await query.execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    creditCodeMasked: r.credit_code_masked,
    regionCode: r.region_code,
    layoffRate: r.layoff_rate,
    amountFen: r.amount_fen,
    withdrawn: r.withdrawn,
  }));
}
