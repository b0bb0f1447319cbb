// A screening run (鲁人社发〔2024〕8号 第二条 "免申即享"): every insured unit of a round (or of one region) decided in
// chunks. Each chunk's decisions, its new cases and the run's cursor are committed in one transaction, so a run killed
// at any point resumes after the last committed unit with nothing written twice, and memory stays flat however many
// units there are. On PostgreSQL the next chunk is read (on another pooled connection) and decided while the one before
// is written; PGlite has one connection, so there the chunks follow one another.
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { bulkWriterFor } from '../../adapters/store/bulk-writer.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { isWithin } from '../../policy/core/dates.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { refundRound } from '../rounds.ts';
import { outcomeOfLoaded } from './decide.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { SYSTEM_NAME } from './sync-cases.ts';
import { DECISION_COLUMNS, decisionCells } from './decision-row.ts';
import { regionScope } from './region-scope.ts';
import { loadRefundInputs, type UnitInput } from './refund-inputs.ts';
import { openChunkCases, rescreenChangedCases, type CaseSync } from './sync-cases.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface ScreeningProgress {
  done: number;
  total: number;
  unitsPerSecond: number;
}

export interface RunOptions {
  clock: Clock;
  params: ParameterStore;
  /** Units per chunk at most (one transaction each); the first chunks are smaller and double up to it. */
  chunkSize?: number;
  /** Called after each committed chunk; an error thrown here stops the run (it can be resumed). */
  onProgress?: (progress: ScreeningProgress) => void | Promise<void>;
}

export interface StartOptions extends RunOptions {
  round: string;
  asOf?: IsoDate;
  region?: string;
  /** Who starts the run (the signed-in staff member, or the CLI's --user): its cases are opened in that name. */
  createdBy?: string;
}

export interface RunOutcome extends CaseSync {
  runId: number;
  processedUnits: number;
  totalUnits: number;
  seconds: number;
}

/** Measured on the city population (docs/BENCHMARKS.md): 5,000 units a chunk ran 24% faster than 2,000. */
const DEFAULT_CHUNK = 5_000;
const FIRST_CHUNK = 500;

async function countUnits(db: Kysely<Database>, regionCodes: readonly string[] | undefined): Promise<number> {
  let q = db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'));
  if (regionCodes) q = q.where('region_code', 'in', regionCodes);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Records a new run (status running, units counted up front) with its audit entry; returns its id. Nothing is decided yet. */
export async function createScreeningRun(
  db: Kysely<Database>,
  options: Omit<StartOptions, 'onProgress' | 'chunkSize'>,
): Promise<number> {
  const round = refundRound(options.round);
  const asOf = options.asOf ?? round.defaultAsOf;
  if (!isWithin(asOf, `${round.baseYear + 1}-01-01`, `${round.baseYear + 1}-12-31`)) {
    throw new Refusal('INVALID', `筛查日期 ${asOf} 不在 ${round.round} 年度内`);
  }
  const regionCodes = options.region ? await regionScope(db, options.region) : undefined;
  const totalUnits = await countUnits(db, regionCodes);
  const by = options.createdBy ?? SYSTEM_NAME;
  const at = options.clock.now();
  return db.transaction().execute(async (trx) => {
    const run = await trx
      .insertInto('screening_runs')
      .values({
        round: round.round,
        as_of: asOf,
        region_code: options.region ?? null,
        status: 'running',
        policy_version: options.params.version,
        total_units: totalUnits,
        started_at: at,
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: by,
      action: 'screening_run.start',
      subject: auditSubject.screeningRun(run.id),
      detail: { round: round.round, asOf, region: options.region ?? null, totalUnits },
      at,
    });
    return run.id;
  });
}

/** Units decided between two turns of the event loop, so the previous chunk's write keeps moving meanwhile. */
const DECIDE_SLICE = 500;

async function decisionRows(
  runId: number,
  policyVersion: string,
  units: readonly UnitInput[],
  params: ParameterStore,
): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && i % DECIDE_SLICE === 0) await setImmediate();
    const { unitId, regionCode } = units[i]!;
    const { outcome: decision, inputHash } = outcomeOfLoaded(units[i]!, params);
    rows.push(decisionCells({ runId, unitId, regionCode, decision, inputHash, policyVersion }));
  }
  return rows;
}

/** A chunk's write in flight: its transaction, how many units it holds and the cursor it moves to. */
interface ChunkWrite {
  promise: Promise<number>;
  units: number;
  next: number;
}

/** Decides the run's remaining units chunk by chunk, then opens and updates the round's cases; marks it completed. */
export async function continueScreeningRun(store: Store, runId: number, options: RunOptions): Promise<RunOutcome> {
  const { db } = store;
  const run = await db.selectFrom('screening_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run) throw new Refusal('NOT_FOUND', `没有编号为 ${runId} 的筛查批次`);
  if (run.status === 'completed') throw new Refusal('CONFLICT', `筛查批次 #${runId} 已完成，无需续跑`);
  if (run.policy_version !== options.params.version) {
    throw new Refusal(
      'CONFLICT',
      `筛查批次 #${runId} 使用参数版本 ${run.policy_version}，当前为 ${options.params.version}，不能续跑；请重新发起筛查`,
    );
  }
  const round = refundRound(run.round);
  const regionCodes = run.region_code ? await regionScope(db, run.region_code) : undefined;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  // The first chunks are small and grow to chunkSize, so reading, deciding and writing overlap from the start.
  let nextLimit = Math.min(chunkSize, FIRST_CHUNK);
  const readAhead = store.backend === 'postgres';
  const started = performance.now();
  let { cursor_unit_id: cursor, processed_units: done } = run;
  const doneAtStart = done;
  let casesOpened = 0;
  const load = (afterId: number) => {
    const chunk = loadRefundInputs(db, {
      round: run.round,
      asOf: run.as_of,
      baseYear: round.baseYear,
      afterId,
      limit: nextLimit,
      regionCodes,
    });
    nextLimit = Math.min(chunkSize, nextLimit * 2);
    chunk.catch(() => undefined); // awaited in turn; a failure while the chunk before is written must not go unhandled
    return chunk;
  };
  if (run.status === 'failed')
    await db.updateTable('screening_runs').set({ status: 'running', error: null }).where('id', '=', runId).execute();
  /** Stores a decided chunk, its new cases and the run's cursor in one transaction; returns the cases opened. */
  const write = (rows: CellValue[][], fromUnit: number, toUnit: number, after: number) =>
    db.transaction().execute(async (trx) => {
      await bulkWriterFor(trx).copyRows('refund_decisions', DECISION_COLUMNS, rows);
      const opened = await openChunkCases(trx, {
        runId,
        round: run.round,
        fromUnit,
        toUnit,
        at: options.clock.now(),
        by: run.created_by,
      });
      const moved = await trx
        .updateTable('screening_runs')
        .set((eb) => ({ cursor_unit_id: toUnit, processed_units: eb('processed_units', '+', rows.length) }))
        .where('id', '=', runId)
        .where('cursor_unit_id', '=', after)
        .executeTakeFirst();
      if (moved.numUpdatedRows !== 1n) throw new Refusal('CONFLICT', `筛查批次 #${runId} 正由另一进程处理`);
      return opened;
    });
  /** Waits for a chunk's write, then counts it and reports progress (which may stop the run). */
  const committed = async ({ promise, units, next }: ChunkWrite) => {
    casesOpened += await promise;
    cursor = next;
    done += units;
    const seconds = (performance.now() - started) / 1000;
    await options.onProgress?.({
      done,
      total: run.total_units,
      unitsPerSecond: seconds > 0 ? (done - doneAtStart) / seconds : 0,
    });
  };
  // On PostgreSQL three chunks are in hand at once: one being read, one decided, one written. A chunk's write starts
  // only after the one before it is committed and reported, so a run stopped from onProgress has written nothing more.
  let writing: ChunkWrite | undefined;
  try {
    let reading = load(cursor);
    for (;;) {
      const units = await reading;
      if (units.length === 0) break;
      const next = units.at(-1)!.unitId;
      if (readAhead) reading = load(next);
      const rows = await decisionRows(runId, run.policy_version, units, options.params);
      if (writing) await committed(writing);
      const promise = write(rows, units[0]!.unitId, next, cursor);
      promise.catch(() => undefined); // awaited in turn, after the next chunk is decided
      writing = { promise, units: units.length, next };
      if (!readAhead) {
        await committed(writing);
        writing = undefined;
        reading = load(next);
      }
    }
    if (writing) await committed(writing);
    writing = undefined;
    const casesRescreened = await rescreenChangedCases(db, { runId, round: run.round, clock: options.clock, by: run.created_by });
    await db
      .updateTable('screening_runs')
      .set({ status: 'completed', finished_at: options.clock.now() })
      .where('id', '=', runId)
      .execute();
    return {
      runId,
      processedUnits: done,
      totalUnits: run.total_units,
      seconds: (performance.now() - started) / 1000,
      casesOpened,
      casesRescreened,
    };
  } catch (error) {
    await writing?.promise.catch(() => undefined); // a chunk still being written commits whole or not at all first
    await db
      .updateTable('screening_runs')
      .set({ status: 'failed', error: (error as Error).message })
      .where('id', '=', runId)
      .execute();
    throw error;
  }
}

export async function startScreeningRun(store: Store, options: StartOptions): Promise<RunOutcome> {
  const runId = await createScreeningRun(store.db, options);
  return continueScreeningRun(store, runId, options);
}

/** Continues a run that was interrupted (failed, or still marked running after its process died). */
export async function resumeScreeningRun(store: Store, runId: number, options: RunOptions): Promise<RunOutcome> {
  return continueScreeningRun(store, runId, options);
}
