// A case worker completes or corrects a unit's data (e.g. the missing enterprise size) with a note; the unit is
// decided again by the same rule (鲁人社发〔2024〕8号 第二条), the new decision kept as a one-unit manual screening run
// (created_by = the case worker), and the case follows it (action resolve) with before and after recorded.
import type { Kysely } from 'kysely';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor, RefundCaseState } from '../../domain/refund-case.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { jobRetentionRefundInput } from '../../policy/job-retention-refund.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName, applyCaseTransition, CaseNotFoundError } from '../round/case-transitions.ts';
import { decideUnit } from '../screening/decide.ts';
import { storeOneUnitRun } from '../screening/one-unit-run.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface ResolveCase {
  round: string;
  unitId: number;
  actor: Actor;
  /** Input fields by dotted path, e.g. `{ 'unit.size': 'small' }`. */
  overrides: Readonly<Record<string, unknown>>;
  note: string;
  clock: Clock;
  params?: ParameterStore;
}

export interface ResolvedCase {
  runId: number;
  state: RefundCaseState;
  amountFen: Fen;
  reasons: string[];
}

/** The fields a case worker may enter: the unit's data and its headcounts (the ledger comes from imports). */
const OVERRIDABLE: ReadonlySet<string> = new Set([
  ...Object.keys(jobRetentionRefundInput.shape.unit.shape)
    .filter((key) => key !== 'creditCode')
    .map((key) => `unit.${key}`),
  ...Object.keys(jobRetentionRefundInput.shape.headcount.shape).map((key) => `headcount.${key}`),
]);

function valueAt(input: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], input) ?? null;
}

function checkRequest(request: ResolveCase): string {
  const note = request.note.trim();
  if (!note) throw new Refusal('INVALID', '人工处理须填写说明');
  const fields = Object.keys(request.overrides);
  if (!fields.length) throw new Refusal('INVALID', '请至少补录或更正一项数据');
  const unknown = fields.filter((field) => !OVERRIDABLE.has(field));
  if (unknown.length)
    throw new Refusal('INVALID', `不能人工补录的字段：${unknown.join('、')}；可补录：${[...OVERRIDABLE].join('、')}`);
  return note;
}

/** Stores the decision as the only decision of a new completed run; returns the run's id. */
export async function resolveCase(db: Kysely<Database>, request: ResolveCase): Promise<ResolvedCase> {
  const note = checkRequest(request);
  const { round, unitId, actor } = request;
  const params = request.params ?? projectParameters();
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('refund_cases as c')
      .innerJoin('screening_runs as r', 'r.id', 'c.run_id')
      .select(['c.state', 'c.region_code', 'r.as_of'])
      .where('c.round', '=', round)
      .where('c.unit_id', '=', unitId)
      .executeTakeFirst();
    if (!current) throw new CaseNotFoundError(round, unitId);
    const before = await decideUnit(trx, { round, asOf: current.as_of, unitId, params });
    const entered = Object.entries(request.overrides);
    for (const [field, value] of entered) {
      await trx
        .insertInto('decision_overrides')
        .values({
          round,
          unit_id: unitId,
          field,
          value: JSON.stringify(value),
          note,
          entered_by: actorName(actor),
          entered_at: request.clock.now(),
        })
        .onConflict((oc) =>
          oc.columns(['round', 'unit_id', 'field']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            note: eb.ref('excluded.note'),
            entered_by: eb.ref('excluded.entered_by'),
            entered_at: eb.ref('excluded.entered_at'),
          })),
        )
        .execute();
    }
    const decided = await decideUnit(trx, { round, asOf: current.as_of, unitId, params });
    const runId = await storeOneUnitRun(trx, {
      round,
      asOf: current.as_of,
      regionCode: current.region_code,
      unitId,
      decision: decided.decision,
      inputHash: decided.inputHash,
      policyVersion: params.version,
      createdBy: actorName(actor),
      at: request.clock.now(),
    });
    const changes = entered.map(
      ([field, value]) => `${field}：${JSON.stringify(valueAt(before.input, field))} → ${JSON.stringify(value)}`,
    );
    const state = await applyCaseTransition(trx, {
      round,
      unitId,
      action: 'resolve',
      actor,
      decided: decided.decision.status,
      expectedState: current.state,
      patch: { run_id: runId, amount_fen: decided.decision.amountFen },
      note: `人工补录（${changes.join('；')}）：${note}`,
      at: request.clock.now(),
    });
    return { runId, state, amountFen: decided.decision.amountFen, reasons: decided.decision.reasons };
  });
}
