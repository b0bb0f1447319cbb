// A run in figures: its progress, and counts and refund totals (fen and yuan) by region, size, status and reason;
// plus the round's cases a screening no longer changes because they are already proposed or further along.
import { sql, type Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { ScreeningRunsTable } from '../../adapters/store/schema-round.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { stateLabel, type RefundCaseState } from '../../domain/refund-case.ts';
import { DECISION_STATUS_LABELS } from '../../domain/vocabulary/refund.ts';
import { enterpriseSizeLabels } from '../../domain/vocabulary/units.ts';
import { SCREENING_STATES } from './sync-cases.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface Tally {
  key: string;
  label?: string;
  units: number;
  amountFen: Fen;
  amountYuan: string;
}

export interface RunSummary {
  run: Selectable<ScreeningRunsTable>;
  total: Tally;
  byRegion: Tally[];
  bySize: Tally[];
  byStatus: Tally[];
  byReason: Tally[];
  /** 已在后续环节，未变更: cases of the run's units past the screening stage (at most 100 listed). */
  laterStage: { label: string; count: number; units: { unitId: number; state: RefundCaseState; stateLabel: string }[] };
}

function tally(
  rows: readonly { key: string | null; units: number; amount: number }[],
  labels?: (key: string) => string | undefined,
): Tally[] {
  return rows.map((r) => {
    const key = r.key ?? 'unknown';
    const label = labels?.(key);
    return {
      key,
      ...(label && { label }),
      units: Number(r.units),
      amountFen: Number(r.amount),
      amountYuan: formatYuan(Number(r.amount)),
    };
  });
}

export class RunNotFoundError extends Refusal {
  constructor(runId: number) {
    super('NOT_FOUND', `没有编号为 ${runId} 的筛查批次`);
  }
}

export async function runSummary(db: Kysely<Database>, runId: number): Promise<RunSummary> {
  const run = await db.selectFrom('screening_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new RunNotFoundError(runId);
  const decisions = db.selectFrom('refund_decisions').where('run_id', '=', runId);
  const figures = sql<number>`count(*)::bigint`.as('units');
  const amount = sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('amount');
  const [regions, total, byRegion, bySize, byStatus, byReason, laterCount, laterUnits] = await Promise.all([
    db.selectFrom('regions').select(['code', 'name']).execute(),
    decisions.select([sql<string>`'total'`.as('key'), figures, amount]).execute(),
    decisions.select(['region_code as key', figures, amount]).groupBy('region_code').orderBy('region_code').execute(),
    decisions.select(['size as key', figures, amount]).groupBy('size').orderBy('size').execute(),
    decisions.select(['status as key', figures, amount]).groupBy('status').orderBy('status').execute(),
    db
      .selectFrom(
        sql<{ run_id: number; amount_fen: number; reason: string }>`(SELECT d.run_id, d.amount_fen, r.reason
        FROM refund_decisions d CROSS JOIN LATERAL jsonb_array_elements_text(d.reasons) AS r(reason)
        WHERE d.run_id = ${runId})`.as('x'),
      )
      .select(['reason as key', figures, amount])
      .groupBy('reason')
      .orderBy('reason')
      .execute(),
    laterStageCases(db, run.round, runId)
      .select(sql<number>`count(*)::bigint`.as('n'))
      .executeTakeFirstOrThrow(),
    laterStageCases(db, run.round, runId).select(['c.unit_id as unitId', 'c.state']).orderBy('c.unit_id').limit(100).execute(),
  ]);
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  return {
    run,
    total: tally(total, () => '合计')[0]!,
    byRegion: tally(byRegion, (k) => regionNames.get(k)),
    bySize: tally(bySize, (k) => (enterpriseSizeLabels as Record<string, string>)[k]),
    byStatus: tally(byStatus, (k) => (DECISION_STATUS_LABELS as Record<string, string>)[k]),
    byReason: tally(byReason),
    laterStage: {
      label: '已在后续环节，未变更',
      count: Number(laterCount.n),
      units: laterUnits.map((u) => ({ ...u, stateLabel: stateLabel(u.state) })),
    },
  };
}

function laterStageCases(db: Kysely<Database>, round: string, runId: number) {
  return db
    .selectFrom('refund_cases as c')
    .innerJoin('refund_decisions as d', (join) => join.onRef('d.unit_id', '=', 'c.unit_id').on('d.run_id', '=', runId))
    .where('c.round', '=', round)
    .where('c.state', 'not in', SCREENING_STATES);
}
