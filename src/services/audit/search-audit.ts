// Search of the audit trail for the auditor: newest first, by actor, action, subject and Beijing-time dates, in keyset
// pages. A trailing `*` on action or subject matches by prefix (`case.*`, `refund_case:2024:*`).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { AuditEntry } from '../../domain/audit-chain.ts';
import { addDays, isValidDate, type IsoDate } from '../../policy/core/dates.ts';
import { Refusal } from '../../domain/refusal.ts';
import { entryOf } from './append-audit.ts';

export const SEARCH_LIMIT = { default: 50, max: 1_000 } as const;

export interface AuditQuery {
  actor?: string;
  action?: string;
  subject?: string;
  /** First and last day (Asia/Shanghai), inclusive. */
  from?: IsoDate;
  to?: IsoDate;
  /** Entries before this seq: the `nextBefore` of the previous page. */
  before?: number;
  limit?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: number | null;
}

/** The instant a Beijing calendar day starts, in the stored form. */
function dayStart(date: IsoDate, what: string, days = 0): string {
  if (!isValidDate(date)) throw new Refusal('INVALID', `${what}不是有效的日期（YYYY-MM-DD）：${date}`);
  return new Date(`${addDays(date, days)}T00:00:00+08:00`).toISOString();
}

/** `value*` → a LIKE prefix pattern; otherwise the value itself, matched exactly. */
function pattern(value: string): { op: '=' | 'like'; value: string } {
  if (!value.endsWith('*')) return { op: '=', value };
  return { op: 'like', value: `${value.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%` };
}

export async function searchAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  const limit = Math.min(query.limit ?? SEARCH_LIMIT.default, SEARCH_LIMIT.max);
  let select = db.selectFrom('audit_log').selectAll();
  if (query.actor) select = select.where('actor', '=', query.actor);
  for (const column of ['action', 'subject'] as const) {
    const value = query[column];
    if (!value) continue;
    const { op, value: operand } = pattern(value);
    select = select.where(column, op, operand);
  }
  if (query.from) select = select.where('at', '>=', dayStart(query.from, '起始日期'));
  if (query.to) select = select.where('at', '<', dayStart(query.to, '截止日期', 1));
  if (query.before) select = select.where('seq', '<', query.before);
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const entries = rows.slice(0, limit).map(entryOf);
  return { entries, nextBefore: rows.length > limit ? entries.at(-1)!.seq : null };
}
