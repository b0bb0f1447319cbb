// Every screened unit has a case in the round. New units get one in the state of their decision, in the transaction
// that stores the chunk's decisions; after the run, a case still at the screening stage follows the new decision when
// its status, amount or input changed (action rescreen, in the name of whoever started the run); a case already proposed or further along, or
// a dispatch unit's case decided on its application, is never touched by a screening.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor, RefundCaseState } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName, applyCaseTransition, CASE_OPENED_ACTION } from '../round/case-transitions.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';

export interface CaseSync {
  casesOpened: number;
  casesRescreened: number;
}

/** The states a screening may still change. */
export const SCREENING_STATES: readonly RefundCaseState[] = ['eligible', 'needs_review', 'ineligible'];

const SYSTEM: Actor = { kind: 'system' };
/** The name a run started by no one in particular is recorded under. */
export const SYSTEM_NAME = actorName(SYSTEM);

/**
 * The actor of a run's case changes: the case worker who started it (only case workers start runs over HTTP), or the
 * system for a run started without a name.
 */
function runActor(by: string): Actor {
  return by === SYSTEM_NAME ? SYSTEM : { kind: 'staff', role: 'case_worker', name: by };
}
const RESCREEN_CHUNK = 500;

export interface ChunkCases {
  runId: number;
  round: string;
  /** The chunk's first and last unit id. */
  fromUnit: number;
  toUnit: number;
  at: Date;
  /** Who started the run. */
  by: string;
}

/**
 * Opens a case for each of the chunk's units that has none in the round, inside the chunk's transaction: one
 * statement inserts the cases and, from the rows it inserted, their opening events.
 */
export async function openChunkCases(trx: Transaction<Database>, chunk: ChunkCases): Promise<number> {
  const { runId, round, at, by } = chunk;
  const stamp = sql<Date>`${at}::timestamptz`;
  const inserted = await trx
    .with('opened', (db) =>
      db
        .insertInto('refund_cases')
        .columns([
          'round',
          'unit_id',
          'region_code',
          'state',
          'run_id',
          'amount_fen',
          'created_at',
          'created_by',
          'updated_at',
          'updated_by',
        ])
        .expression((eb) =>
          eb
            .selectFrom('refund_decisions as d')
            .select([
              sql.lit(round).as('round'),
              'd.unit_id',
              'd.region_code',
              'd.status',
              'd.run_id',
              'd.amount_fen',
              stamp.as('created_at'),
              sql<string>`${by}::text`.as('created_by'),
              stamp.as('updated_at'),
              sql<string>`${by}::text`.as('updated_by'),
            ])
            .where('d.run_id', '=', runId)
            .where('d.unit_id', '>=', chunk.fromUnit)
            .where('d.unit_id', '<=', chunk.toUnit),
        )
        // Not "WHERE NOT EXISTS" on the table being filled: PostgreSQL would rescan its growing heap for every row.
        .onConflict((oc) => oc.columns(['round', 'unit_id']).doNothing())
        .returning(['unit_id', 'state', 'run_id', 'amount_fen']),
    )
    .insertInto('refund_case_events')
    .columns(['round', 'unit_id', 'action', 'from_state', 'to_state', 'actor', 'note', 'after', 'at'])
    .expression((eb) =>
      eb
        .selectFrom('opened as o')
        .select([
          sql.lit(round).as('round'),
          'o.unit_id',
          sql.lit(CASE_OPENED_ACTION).as('action'),
          sql<null>`null`.as('from_state'),
          'o.state',
          sql<string>`${by}::text`.as('actor'),
          sql.lit(`筛查批次 #${runId} 建立案件`).as('note'),
          sql<string>`jsonb_build_object('state', o.state, 'run_id', o.run_id, 'amount_fen', o.amount_fen, 'version', 1)`.as(
            'after',
          ),
          stamp.as('at'),
        ]),
    )
    .executeTakeFirst();
  const opened = Number(inserted.numInsertedOrUpdatedRows ?? 0n);
  // One audit entry for the chunk's set-based opening; each case's own `screen` event above names the run.
  if (opened > 0) {
    await appendAudit(trx, {
      actor: by,
      action: 'case.open',
      subject: auditSubject.screeningRun(runId),
      detail: { round, opened, units: [chunk.fromUnit, chunk.toUnit] },
      at,
    });
  }
  return opened;
}

/** Screening-stage cases of the run's units whose new decision differs from the one they stand on, by unit id. */
function changedCases(db: Kysely<Database>, runId: number, round: string, afterUnit: number) {
  return (
    db
      .selectFrom('refund_cases as c')
      .innerJoin('refund_decisions as n', (join) => join.onRef('n.unit_id', '=', 'c.unit_id').on('n.run_id', '=', runId))
      .leftJoin('refund_decisions as o', (join) => join.onRef('o.unit_id', '=', 'c.unit_id').onRef('o.run_id', '=', 'c.run_id'))
      .select(['c.unit_id', 'c.state', 'n.status', 'n.amount_fen'])
      .where('c.round', '=', round)
      .where('c.run_id', '<>', runId)
      .where('c.state', 'in', SCREENING_STATES)
      .where('c.unit_id', '>', afterUnit)
      // A labour-dispatch unit whose application was decided stands on that decision (Art. 3), not on screening's
      // "must apply".
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('dispatch_applications as a')
              .select(sql`1`.as('one'))
              .where('a.round', '=', round)
              .whereRef('a.unit_id', '=', 'c.unit_id')
              .where('a.status', '=', 'decided'),
          ),
        ),
      )
      .where((eb) =>
        eb.or([
          eb('c.state', '<>', eb.ref('n.status')),
          eb('c.amount_fen', '<>', eb.ref('n.amount_fen')),
          eb('o.input_hash', 'is', null),
          eb('o.input_hash', '<>', eb.ref('n.input_hash')),
        ]),
      )
      .orderBy('c.unit_id')
      .limit(RESCREEN_CHUNK)
      .execute()
  );
}

/** After the run: moves the screening-stage cases whose decision changed; returns how many. */
export async function rescreenChangedCases(
  db: Kysely<Database>,
  options: { runId: number; round: string; clock: Clock; by: string },
): Promise<number> {
  const { runId, round, clock } = options;
  const actor = runActor(options.by);
  let casesRescreened = 0;
  let after = 0;
  for (;;) {
    const changed = await changedCases(db, runId, round, after);
    if (changed.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const c of changed) {
        await applyCaseTransition(trx, {
          round,
          unitId: c.unit_id,
          action: 'rescreen',
          actor,
          decided: c.status,
          expectedState: c.state,
          patch: { run_id: runId, amount_fen: c.amount_fen },
          note: `筛查批次 #${runId} 重新筛查`,
          at: clock.now(),
        });
      }
    });
    casesRescreened += changed.length;
    after = changed.at(-1)!.unit_id;
  }
  return casesRescreened;
}
