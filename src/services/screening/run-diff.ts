// Two runs compared unit by unit: who changed status or amount, and why (the reasons, and the trace lines that differ
// — or, where a run stored no trace (a screening since traces are rebuilt on demand), the stored figures that differ), and who was screened
// in only one of them.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Status, TraceStep } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { formatBpPercent } from '../../policy/core/ratio.ts';
import { payToLabels } from '../../domain/vocabulary/pay-to.ts';
import { enterpriseSizeLabels } from '../../domain/vocabulary/units.ts';

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
  /**
   * Trace lines of the later run whose text differs from the earlier run's line of the same step; the stored figures
   * (months, layoff rate, size, ratio, base, account, amount) as lines of those steps when either run kept no trace.
   */
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
  return after
    .filter((s) => earlier.get(s.step) !== s.text)
    .map((s) => ({ step: s.step, before: earlier.get(s.step) ?? null, after: s.text }));
}

interface StoredFigures {
  trace: TraceStep[] | null;
  full_months: number | null;
  layoff_rate: string | null;
  size: string | null;
  ratio_bp: number | null;
  base_fen: Fen;
  pay_to: string | null;
  amount_fen: Fen;
}

/** The stored figures as lines of the trace steps they come from. */
function figureSteps(d: StoredFigures): TraceStep[] {
  const line = (step: string, text: string) => ({ step, text }) as TraceStep;
  return [
    line('contributionMonths', `足额缴费月数 ${d.full_months ?? '未知'}`),
    line('layoffRate', `裁员率 ${d.layoff_rate ?? '未知'}`),
    line('size', `企业规模：${enterpriseSizeLabels[(d.size ?? 'unknown') as keyof typeof enterpriseSizeLabels] ?? d.size}`),
    line('ratio', `返还比例 ${d.ratio_bp === null ? '未知' : formatBpPercent(d.ratio_bp)}`),
    line('refundBase', `返还基数 ${formatYuan(d.base_fen)} 元`),
    line('payTo', `返还账户：${d.pay_to ? (payToLabels[d.pay_to as keyof typeof payToLabels] ?? d.pay_to) : '待定'}`),
    line('amount', `返还金额 ${formatYuan(d.amount_fen)} 元`),
  ];
}

function stepsOf(a: StoredFigures, b: StoredFigures): [TraceStep[], TraceStep[]] {
  return a.trace && b.trace ? [a.trace, b.trace] : [figureSteps(a), figureSteps(b)];
}

function onlyIn(db: Kysely<Database>, run: number, other: number, limit: number): Promise<OnlyInOne[]> {
  return db
    .selectFrom('refund_decisions as d')
    .select(['d.unit_id as unitId', 'd.region_code as regionCode', 'd.status', 'd.amount_fen as amountFen'])
    .where('d.run_id', '=', run)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('refund_decisions as o')
            .select('o.unit_id')
            .where('o.run_id', '=', other)
            .whereRef('o.unit_id', '=', 'd.unit_id'),
        ),
      ),
    )
    .orderBy('d.unit_id')
    .limit(limit)
    .execute();
}

/** At most `limit` units of each list (all by default are far fewer than a province's million). */
export async function diffRuns(db: Kysely<Database>, runA: number, runB: number, limit = 10_000): Promise<RunDiff> {
  const figures = (side: 'a' | 'b') => sql<StoredFigures>`json_build_object('trace', ${sql.ref(`${side}.trace`)},
    'full_months', ${sql.ref(`${side}.full_months`)}, 'layoff_rate', ${sql.ref(`${side}.layoff_rate`)}, 'size', ${sql.ref(`${side}.size`)},
    'ratio_bp', ${sql.ref(`${side}.ratio_bp`)}, 'base_fen', ${sql.ref(`${side}.base_fen`)}, 'pay_to', ${sql.ref(`${side}.pay_to`)},
    'amount_fen', ${sql.ref(`${side}.amount_fen`)})`;
  const rows = await db
    .selectFrom('refund_decisions as a')
    .innerJoin('refund_decisions as b', (join) => join.onRef('b.unit_id', '=', 'a.unit_id').on('b.run_id', '=', runB))
    .select([
      'a.unit_id',
      'b.region_code',
      'a.status as a_status',
      'a.amount_fen as a_amount',
      'a.reasons as a_reasons',
      figures('a').as('a_figures'),
      'b.status as b_status',
      'b.amount_fen as b_amount',
      'b.reasons as b_reasons',
      figures('b').as('b_figures'),
    ])
    .where('a.run_id', '=', runA)
    .where((eb) => eb.or([eb('a.status', '<>', eb.ref('b.status')), eb('a.amount_fen', '<>', eb.ref('b.amount_fen'))]))
    .orderBy('a.unit_id')
    .limit(limit)
    .execute();
  const changed = rows.map((r): ChangedUnit => ({
    unitId: r.unit_id,
    regionCode: r.region_code,
    before: side({ status: r.a_status, amount_fen: r.a_amount, reasons: r.a_reasons }),
    after: side({ status: r.b_status, amount_fen: r.b_amount, reasons: r.b_reasons }),
    reasonsAdded: r.b_reasons.filter((x) => !r.a_reasons.includes(x)),
    reasonsRemoved: r.a_reasons.filter((x) => !r.b_reasons.includes(x)),
    changedSteps: changedSteps(...stepsOf(r.a_figures, r.b_figures)),
  }));
  const [onlyInA, onlyInB] = await Promise.all([onlyIn(db, runA, runB, limit), onlyIn(db, runB, runA, limit)]);
  return { runA, runB, changed, onlyInA, onlyInB };
}
