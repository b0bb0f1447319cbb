// A what-if run: every unit of a round (or of one region) decided under the baseline parameters and under a saved
// reform, reading the units' figures the way a screening does (screening/refund-inputs.ts), in chunks. Only the
// tallies and the units whose decision moves are stored; each chunk's changed units, the tallies so far and the
// cursor are committed in one transaction, so a run killed anywhere resumes after its last chunk. The persons' benefit
// claims and skill-subsidy applications of the same scope are re-decided once the units are done (impact-persons.ts).
import type { Kysely } from 'kysely';
import { bulkWriterFor } from '../../adapters/store/bulk-writer.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { isWithin, type IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName } from '../round/case-transitions.ts';
import { refundRound } from '../rounds.ts';
import { regionScope } from '../screening/region-scope.ts';
import { loadRefundInputs, type UnitInput } from '../screening/refund-inputs.ts';
import { emptyTally, tallyUnit, UNKNOWN_KEY, type ImpactTally } from './impact-tally.ts';
import { decideForImpact } from './impact-decide.ts';
import { personImpact } from './impact-persons.ts';
import { getReform, reformParameters } from './reforms.ts';

export interface ImpactRequest {
  reformId: number;
  round: string;
  asOf?: IsoDate;
  region?: string;
  actor: Actor;
  clock: Clock;
}

const CHUNK = 5_000;
const CHANGED_COLUMNS = [
  'run_id',
  'unit_id',
  'region_code',
  'baseline_status',
  'reform_status',
  'baseline_fen',
  'reform_fen',
  'baseline_reasons',
  'reform_reasons',
] as const;

async function countUnits(db: Kysely<Database>, regionCodes: readonly string[] | undefined): Promise<number> {
  let q = db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'));
  if (regionCodes) q = q.where('region_code', 'in', regionCodes);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Records the run (nothing decided yet); the reform must still apply to the current parameters. */
export async function createImpactRun(db: Kysely<Database>, base: ParameterStore, request: ImpactRequest): Promise<number> {
  const round = refundRound(request.round);
  const asOf = request.asOf ?? round.defaultAsOf;
  if (!isWithin(asOf, `${round.baseYear + 1}-01-01`, `${round.baseYear + 1}-12-31`)) {
    throw new Refusal('INVALID', `测算日期 ${asOf} 不在 ${round.round} 年度内`);
  }
  const saved = await getReform(db, request.reformId);
  reformParameters(base, saved);
  const regionCodes = request.region ? await regionScope(db, request.region) : undefined;
  const totalUnits = await countUnits(db, regionCodes);
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('simulation_runs')
      .values({
        reform_id: saved.id,
        round: round.round,
        as_of: asOf,
        region_code: request.region ?? null,
        status: 'running',
        policy_version: base.version,
        total_units: totalUnits,
        aggregates: JSON.stringify(emptyTally()),
        created_by: actorName(request.actor),
        started_at: request.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'simulation.run',
      subject: auditSubject.simulationRun(run.id),
      clock: request.clock,
      detail: { reformId: saved.id, round: round.round, asOf, region: request.region ?? null },
    });
    return run.id;
  });
}

function changedRow(runId: number, unit: UnitInput, outcome: ReturnType<typeof decideForImpact>): CellValue[] {
  const { baseline: b, reform: r } = outcome;
  return [
    runId,
    unit.unitId,
    unit.regionCode,
    b.status,
    r.status,
    b.amountFen,
    r.amountFen,
    JSON.stringify(b.reasons),
    JSON.stringify(r.reasons),
  ];
}

/** Decides one chunk both ways into the tally; returns the rows of the units whose decision moved. */
function decideChunk(
  runId: number,
  units: readonly UnitInput[],
  tally: ImpactTally,
  params: { baseline: ParameterStore; reform: ParameterStore },
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const unit of units) {
    const outcome = decideForImpact(unit.input, params);
    const shift = tallyUnit(tally, {
      regionCode: unit.regionCode,
      size: outcome.size ?? UNKNOWN_KEY,
      industry: unit.input.unit.industry ?? UNKNOWN_KEY,
      people: unit.input.headcount.end,
      baseline: outcome.baseline,
      reform: outcome.reform,
    });
    if (shift) rows.push(changedRow(runId, unit, outcome));
  }
  return rows;
}

/**
 * Runs (or resumes) the run to the end: the units chunk by chunk, then the persons' claims and applications in one go
 * (stored with the completed status); returns its final tally.
 */
export async function continueImpactRun(
  store: Store,
  base: ParameterStore,
  runId: number,
  /** `cipher` opens the skill-subsidy applicants' ID numbers for the rule's ID check (impact-persons.ts). */
  options: { clock: Clock; cipher: FieldCipher },
): Promise<ImpactTally> {
  const { clock } = options;
  const { db } = store;
  const run = await db.selectFrom('simulation_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new Refusal('NOT_FOUND', `没有编号为 ${runId} 的测算`);
  if (run.status === 'completed') return run.aggregates as ImpactTally;
  if (run.policy_version !== base.version)
    throw new Refusal('CONFLICT', `测算 #${runId} 使用参数版本 ${run.policy_version}，当前为 ${base.version}，请重新测算`);
  const params = { baseline: base, reform: reformParameters(base, await getReform(db, run.reform_id)) };
  const round = refundRound(run.round);
  const regionCodes = run.region_code ? await regionScope(db, run.region_code) : undefined;
  const tally = run.aggregates as ImpactTally;
  const started = performance.now();
  const load = (afterId: number) => {
    const chunk = loadRefundInputs(db, {
      round: run.round,
      asOf: run.as_of,
      baseYear: round.baseYear,
      afterId,
      limit: CHUNK,
      regionCodes,
    });
    chunk.catch(() => undefined); // awaited in turn; a failure while the chunk before is written must not go unhandled
    return chunk;
  };
  let cursor = run.cursor_unit_id;
  if (run.status === 'failed')
    await db.updateTable('simulation_runs').set({ status: 'running', error: null }).where('id', '=', runId).execute();
  try {
    let reading = load(cursor);
    for (;;) {
      const units = await reading;
      if (units.length === 0) break;
      const next = units.at(-1)!.unitId;
      if (store.backend === 'postgres') reading = load(next);
      const rows = decideChunk(runId, units, tally, params);
      await db.transaction().execute(async (trx) => {
        await bulkWriterFor(trx).copyRows('simulation_changed_units', CHANGED_COLUMNS, rows);
        const moved = await trx
          .updateTable('simulation_runs')
          .set((eb) => ({
            cursor_unit_id: next,
            processed_units: eb('processed_units', '+', units.length),
            aggregates: JSON.stringify(tally),
          }))
          .where('id', '=', runId)
          .where('cursor_unit_id', '=', cursor)
          .executeTakeFirst();
        if (moved.numUpdatedRows !== 1n) throw new Refusal('CONFLICT', `测算 #${runId} 正由另一进程处理`);
      });
      if (store.backend !== 'postgres') reading = load(next);
      cursor = next;
    }
    const persons = await personImpact(db, params, options.cipher, regionCodes);
    tally.persons = persons.impact;
    const seconds = (performance.now() - started) / 1000;
    await db.transaction().execute(async (trx) => {
      if (persons.idNumbersRead > 0)
        await appendAudit(trx, {
          actor: run.created_by,
          action: 'simulation.read_id_numbers',
          subject: auditSubject.simulationRun(runId),
          at: clock.now(),
          detail: { idNumbersRead: persons.idNumbersRead, purpose: '技能提升补贴申请重新判定（身份证号校验）' },
        });
      await trx
        .updateTable('simulation_runs')
        .set({
          status: 'completed',
          aggregates: JSON.stringify(tally),
          finished_at: clock.now(),
          seconds: +seconds.toFixed(2),
        })
        .where('id', '=', runId)
        .execute();
    });
    return tally;
  } catch (error) {
    await db
      .updateTable('simulation_runs')
      .set({ status: 'failed', error: (error as Error).message })
      .where('id', '=', runId)
      .execute();
    throw error;
  }
}

export async function runImpact(
  store: Store,
  base: ParameterStore,
  request: ImpactRequest & { cipher: FieldCipher },
): Promise<{ runId: number; tally: ImpactTally }> {
  const runId = await createImpactRun(store.db, base, request);
  return { runId, tally: await continueImpactRun(store, base, runId, request) };
}
