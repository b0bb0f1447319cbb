// A what-if run as the console and the CLI show it: its reform, progress, tallies and the cap beside its totals; and
// the units whose decision it moves, a page at a time, with their names and districts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { SimulationRunStatus, UnitShift } from '../../domain/vocabulary/simulation.ts';
import type { Status } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { Refusal } from '../../domain/refusal.ts';
import { capCheck, type CapCheck } from './impact-cap.ts';
import type { ImpactTally } from './impact-tally.ts';
import { getReform, reformParameters } from './reforms.ts';

export interface ImpactRunView {
  id: number;
  reform: { id: number; name: string; version: number };
  round: string;
  asOf: string;
  regionCode: string | null;
  status: SimulationRunStatus;
  totalUnits: number;
  processedUnits: number;
  tally: ImpactTally;
  cap: CapCheck | null;
  seconds: number | null;
  error: string | null;
  createdBy: string;
  startedAt: Date;
}

export async function impactRun(db: Kysely<Database>, base: ParameterStore, runId: number): Promise<ImpactRunView> {
  const run = await db.selectFrom('simulation_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new Refusal('NOT_FOUND', `没有编号为 ${runId} 的测算`);
  const saved = await getReform(db, run.reform_id);
  const tally = run.aggregates as ImpactTally;
  const cap =
    run.status === 'completed'
      ? await capCheck(
          db,
          {
            regionCode: run.region_code,
            asOf: run.as_of,
            baselineFen: tally.total.baselineFen,
            reformFen: tally.total.reformFen,
          },
          { baseline: base, reform: reformParameters(base, saved) },
        )
      : null;
  return {
    id: run.id,
    reform: { id: saved.id, name: saved.name, version: saved.version },
    round: run.round,
    asOf: run.as_of,
    regionCode: run.region_code,
    status: run.status,
    totalUnits: run.total_units,
    processedUnits: run.processed_units,
    tally,
    cap,
    seconds: run.seconds === null ? null : Number(run.seconds),
    error: run.error,
    createdBy: run.created_by,
    startedAt: run.started_at,
  };
}

export interface RunListItem {
  id: number;
  reformId: number;
  reformName: string;
  reformVersion: number;
  regionCode: string | null;
  status: SimulationRunStatus;
  baselineFen: Fen;
  reformFen: Fen;
  startedAt: Date;
}

export async function listImpactRuns(db: Kysely<Database>): Promise<RunListItem[]> {
  const rows = await db
    .selectFrom('simulation_runs as s')
    .innerJoin('policy_reforms as r', 'r.id', 's.reform_id')
    .select(['s.id', 's.reform_id', 'r.name', 'r.version', 's.region_code', 's.status', 's.aggregates', 's.started_at'])
    .orderBy('s.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => {
    const { total } = row.aggregates as ImpactTally;
    return {
      id: row.id,
      reformId: row.reform_id,
      reformName: row.name,
      reformVersion: row.version,
      regionCode: row.region_code,
      status: row.status,
      baselineFen: total.baselineFen,
      reformFen: total.reformFen,
      startedAt: row.started_at,
    };
  });
}

export interface ChangedUnit {
  unitId: number;
  unitName: string;
  regionCode: string;
  shift: UnitShift;
  baselineStatus: Status;
  reformStatus: Status;
  baselineFen: Fen;
  reformFen: Fen;
  baselineReasons: string[];
  reformReasons: string[];
}

const SHIFT_SQL = sql<UnitShift>`CASE
  WHEN c.baseline_status <> 'eligible' AND c.reform_status = 'eligible' THEN 'newly_eligible'
  WHEN c.baseline_status = 'eligible' AND c.reform_status <> 'eligible' THEN 'no_longer_eligible'
  WHEN c.reform_fen > c.baseline_fen THEN 'amount_up'
  WHEN c.reform_fen < c.baseline_fen THEN 'amount_down'
  ELSE 'status_changed' END`;

/** The run's changed units in unit order after `afterUnitId` (keyset paging), optionally of one shift only. */
export async function changedUnits(
  db: Kysely<Database>,
  runId: number,
  options: { shift?: UnitShift; afterUnitId?: number; limit: number },
): Promise<ChangedUnit[]> {
  let query = db
    .selectFrom('simulation_changed_units as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.unit_id',
      'u.name',
      'c.region_code',
      'c.baseline_status',
      'c.reform_status',
      'c.baseline_fen',
      'c.reform_fen',
      'c.baseline_reasons',
      'c.reform_reasons',
      SHIFT_SQL.as('shift'),
    ])
    .where('c.run_id', '=', runId)
    .where('c.unit_id', '>', options.afterUnitId ?? 0);
  if (options.shift) query = query.where(SHIFT_SQL, '=', options.shift);
  const rows = await query.orderBy('c.unit_id').limit(options.limit).execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.name,
    regionCode: r.region_code,
    shift: r.shift,
    baselineStatus: r.baseline_status,
    reformStatus: r.reform_status,
    baselineFen: r.baseline_fen,
    reformFen: r.reform_fen,
    baselineReasons: r.baseline_reasons,
    reformReasons: r.reform_reasons,
  }));
}
