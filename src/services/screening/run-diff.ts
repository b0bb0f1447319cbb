// Two runs compared unit by unit: who changed status or amount, and why (the reasons and trace lines that differ),
// and who was screened in only one of them.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Status, TraceStep } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import { formatYuan } from '../../policy/core/money.ts';

export interface DecisionSide {
  status: Status;
  amountFen: Fen;
  amountYuan: string;
  reasons: string[];
}

export interface ChangedUnit {
  unitId: number;
  regionCode: string;
  before: DecisionSide;
  after: DecisionSide;
  reasonsAdded: string[];
  reasonsRemoved: string[];
  /** Trace lines of the later run whose text differs from the earlier run's line of the same step. */
  changedSteps: { step: string; before: string | null; after: string }[];
}

export interface OnlyInOne {
  unitId: number;
  regionCode: string;
  status: Status;
  amountFen: Fen;
}

export interface RunDiff {
  runA: number;
  runB: number;
  changed: ChangedUnit[];
  onlyInA: OnlyInOne[];
  onlyInB: OnlyInOne[];
}

function side(d: { status: Status; amount_fen: Fen; reasons: string[] }): DecisionSide {
  return { status: d.status, amountFen: d.amount_fen, amountYuan: formatYuan(d.amount_fen), reasons: d.reasons };
}

function changedSteps(before: readonly TraceStep[], after: readonly TraceStep[]): ChangedUnit['changedSteps'] {
  const earlier = new Map(before.map((s) => [s.step, s.text]));
  return after.filter((s) => earlier.get(s.step) !== s.text).map((s) => ({ step: s.step, before: earlier.get(s.step) ?? null, after: s.text }));
}

function onlyIn(db: Kysely<Database>, run: number, other: number, limit: number): Promise<OnlyInOne[]> {
  return db.selectFrom('refund_decisions as d')
    .select(['d.unit_id as unitId', 'd.region_code as regionCode', 'd.status', 'd.amount_fen as amountFen'])
    .where('d.run_id', '=', run)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('refund_decisions as o').select('o.unit_id')
      .where('o.run_id', '=', other).whereRef('o.unit_id', '=', 'd.unit_id'))))
    .orderBy('d.unit_id').limit(limit).execute();
}

/** At most `limit` units of each list (all by default are far fewer than a province's million). */
export async function diffRuns(db: Kysely<Database>, runA: number, runB: number, limit = 10_000): Promise<RunDiff> {
  const rows = await db.selectFrom('refund_decisions as a')
    .innerJoin('refund_decisions as b', (join) => join.onRef('b.unit_id', '=', 'a.unit_id').on('b.run_id', '=', runB))
    .select([
      'a.unit_id', 'b.region_code', 'a.status as a_status', 'a.amount_fen as a_amount', 'a.reasons as a_reasons', 'a.trace as a_trace',
      'b.status as b_status', 'b.amount_fen as b_amount', 'b.reasons as b_reasons', 'b.trace as b_trace',
    ])
    .where('a.run_id', '=', runA)
    .where((eb) => eb.or([eb('a.status', '<>', eb.ref('b.status')), eb('a.amount_fen', '<>', eb.ref('b.amount_fen'))]))
    .orderBy('a.unit_id').limit(limit).execute();
  const changed = rows.map((r): ChangedUnit => ({
    unitId: r.unit_id,
    regionCode: r.region_code,
    before: side({ status: r.a_status, amount_fen: r.a_amount, reasons: r.a_reasons }),
    after: side({ status: r.b_status, amount_fen: r.b_amount, reasons: r.b_reasons }),
    reasonsAdded: r.b_reasons.filter((x) => !r.a_reasons.includes(x)),
    reasonsRemoved: r.a_reasons.filter((x) => !r.b_reasons.includes(x)),
    changedSteps: changedSteps(r.a_trace, r.b_trace),
  }));
  const [onlyInA, onlyInB] = await Promise.all([onlyIn(db, runA, runB, limit), onlyIn(db, runB, runA, limit)]);
  return { runA, runB, changed, onlyInA, onlyInB };
}
