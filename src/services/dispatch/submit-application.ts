// A labour-dispatch unit applies (鲁人社发〔2024〕8号 第三条): the application is decided at once with the
// dispatch-allocation rule and stored with its allocations; the unit-level decision becomes a one-unit run and the
// unit's refund case follows it (action resolve), so the case then goes through the same review and 公示 as screened
// units. One open application per unit and round (the database enforces it too); a withdrawn one can be replaced.
import type { Kysely } from 'kysely';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor, RefundCaseState } from '../../domain/refund-case.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { dispatchStatusLabels } from '../../domain/vocabulary/dispatch.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName, applyCaseTransition } from '../round/case-transitions.ts';
import { decideUnit } from '../screening/decide.ts';
import { decideDispatchApplication, type DispatchApplicationRequest, type DispatchPreview } from './decide-application.ts';
import { storeOneUnitRun } from '../screening/one-unit-run.ts';

type Db = Kysely<Database>;

export interface SubmitDispatchApplication extends DispatchApplicationRequest {
  actor: Actor;
  clock: Clock;
}

export interface SubmittedApplication extends DispatchPreview {
  applicationId: number;
  runId: number;
  caseState: RefundCaseState;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

async function refuseOpenApplication(db: Db, round: string, unitId: number): Promise<void> {
  const open = await db
    .selectFrom('dispatch_applications')
    .select(['id', 'status'])
    .where('round', '=', round)
    .where('unit_id', '=', unitId)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
  if (open) {
    throw new Refusal(
      'CONFLICT',
      `该单位 ${round} 年度已有申请（编号 ${open.id}，${dispatchStatusLabels[open.status]}），同一年度只能有一份有效申请；如需重新申请，请先撤回原申请`,
    );
  }
}

export async function submitDispatchApplication(db: Db, request: SubmitDispatchApplication): Promise<SubmittedApplication> {
  const { round, unitId, actor, clock } = request;
  const params = request.params ?? projectParameters();
  try {
    return await db.transaction().execute(async (trx) => {
      await refuseOpenApplication(trx, round, unitId);
      const decided = await decideDispatchApplication(trx, { ...request, params });
      const at = clock.now();
      const by = actorName(actor);
      const runId = await storeOneUnitRun(trx, {
        round,
        asOf: decided.asOf,
        regionCode: decided.regionCode,
        unitId,
        decision: decided.decision,
        inputHash: decided.inputHash,
        policyVersion: decided.policyVersion,
        createdBy: by,
        at,
      });
      const { decision, preview } = decided;
      const { id: applicationId } = await trx
        .insertInto('dispatch_applications')
        .values({
          round,
          unit_id: unitId,
          status: 'decided',
          workers: JSON.stringify(request.workers),
          worker_payments: JSON.stringify(decided.workerPayments),
          decision: JSON.stringify({
            ...decision,
            runId,
            inputHash: decided.inputHash,
            policyVersion: decided.policyVersion,
            paymentsSource: preview.paymentsSource,
          }),
          amount_fen: decision.amountFen,
          excluded_fen: decision.excludedBaseFen,
          submitted_by: by,
          submitted_at: at,
          decided_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (preview.allocations.length) {
        await trx
          .insertInto('dispatch_allocations')
          .values(
            preview.allocations.map((a) => ({
              application_id: applicationId,
              recipient_credit_code: a.recipient,
              recipient_name: a.recipientName,
              role: a.role,
              base_fen: a.baseFen,
              amount_fen: a.amountFen,
            })),
          )
          .execute();
      }
      const caseState = await applyCaseTransition(trx, {
        round,
        unitId,
        action: actor.kind === 'unit' ? 'apply' : 'resolve',
        actor,
        decided: decision.status,
        patch: { run_id: runId, amount_fen: decision.amountFen },
        at,
        note:
          `劳务派遣单位申请 #${applicationId} 已判定：分配 ${preview.allocations.length} 个单位，合计 ${formatYuan(decision.amountFen)} 元` +
          (decision.excludedBaseFen > 0 ? `，派遣至机关事业单位部分缴费 ${formatYuan(decision.excludedBaseFen)} 元不予返还` : ''),
      });
      return { ...preview, applicationId, runId, caseState };
    });
  } catch (error) {
    // Two submissions at once: the unique index on open applications lets only one through.
    if (isUniqueViolation(error)) await refuseOpenApplication(db, round, unitId);
    throw error;
  }
}

export interface WithdrawDispatchApplication {
  applicationId: number;
  actor: Actor;
  note: string;
  clock: Clock;
  params?: ParameterStore;
}

export interface WithdrawnApplication {
  applicationId: number;
  runId: number;
  caseState: RefundCaseState;
  amountFen: Fen;
}

/**
 * Withdraws an application whose case has not gone to review yet: the unit is decided again as screening would (a
 * dispatch unit without an application needs review) and a new application may then be submitted.
 */
export async function withdrawDispatchApplication(db: Db, request: WithdrawDispatchApplication): Promise<WithdrawnApplication> {
  const note = request.note.trim();
  if (!note) throw new Refusal('INVALID', '撤回申请须填写说明');
  const params = request.params ?? projectParameters();
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('dispatch_applications as a')
      .innerJoin('refund_cases as c', (join) => join.onRef('c.round', '=', 'a.round').onRef('c.unit_id', '=', 'a.unit_id'))
      .innerJoin('screening_runs as r', 'r.id', 'c.run_id')
      .select(['a.id', 'a.round', 'a.unit_id', 'a.status', 'c.region_code', 'r.as_of'])
      .where('a.id', '=', request.applicationId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!application) throw new Refusal('NOT_FOUND', `没有编号为 ${request.applicationId} 的劳务派遣单位申请`);
    if (application.status === 'withdrawn') throw new Refusal('CONFLICT', `申请 ${application.id} 已撤回`);
    const { round, unit_id: unitId } = application;
    await trx.updateTable('dispatch_applications').set({ status: 'withdrawn' }).where('id', '=', application.id).execute();
    const decided = await decideUnit(trx, { round, asOf: application.as_of, unitId, params });
    const at = request.clock.now();
    const runId = await storeOneUnitRun(trx, {
      round,
      asOf: application.as_of,
      regionCode: application.region_code,
      unitId,
      decision: decided.decision,
      inputHash: decided.inputHash,
      policyVersion: params.version,
      createdBy: actorName(request.actor),
      at,
    });
    const caseState = await applyCaseTransition(trx, {
      round,
      unitId,
      action: request.actor.kind === 'unit' ? 'apply' : 'resolve',
      actor: request.actor,
      decided: decided.decision.status,
      at,
      patch: { run_id: runId, amount_fen: decided.decision.amountFen },
      note: `撤回劳务派遣单位申请 #${application.id}：${note}`,
    });
    return { applicationId: application.id, runId, caseState, amountFen: decided.decision.amountFen };
  });
}
