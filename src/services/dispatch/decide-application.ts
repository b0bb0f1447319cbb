// Decides a labour-dispatch unit's application with the dispatch-allocation rule (鲁人社发〔2024〕8号 第三条): the
// unit-level data come from the store exactly as screening reads them (decideUnit), the workers and placements from
// the application, the workers' base-year contributions from the store or, when it has none, from the application.
import type { Kysely } from 'kysely';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Decision } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { RefundInput } from '../../policy/refund/refund-input.ts';
import {
  dispatchAllocationInput,
  evaluateDispatchAllocation,
  type Allocation,
  type DispatchAllocationInput,
} from '../../policy/dispatch-allocation.ts';
import { Refusal } from '../../domain/refusal.ts';
import { refundRound } from '../rounds.ts';
import { decideUnit } from '../screening/decide.ts';
import { inputHash } from '../screening/input-hash.ts';
import { DISPATCH_ARTICLE } from './application-sheets.ts';
import type { UploadedWorker, WorkerPayment } from './read-upload.ts';
import { storedWorkerPayments } from './stored-records.ts';

type Db = Kysely<Database>;

export interface DispatchApplicationRequest {
  round: string;
  unitId: number;
  workers: readonly UploadedWorker[];
  /** The workers' contributions; taken from the store (person_contributions) when absent. */
  workerPayments?: readonly WorkerPayment[];
  params?: ParameterStore;
}

export interface NamedAllocation extends Allocation {
  recipientName: string | null;
}

export interface DispatchPreview {
  round: string;
  unitId: number;
  unitName: string;
  status: Decision['status'];
  reasons: string[];
  amountFen: Fen;
  excludedFen: Fen;
  allocations: NamedAllocation[];
  paymentsSource: 'store' | 'upload';
  workerCount: number;
  paymentCount: number;
  trace: Decision['trace'];
}

export interface DecidedApplication {
  preview: DispatchPreview;
  asOf: string;
  regionCode: string;
  decision: Decision & { allocations: Allocation[]; excludedBaseFen: Fen };
  workerPayments: readonly WorkerPayment[];
  inputHash: string;
  policyVersion: string;
}

/** The screening date of the unit's case in the round (the round's default before any screening). */
async function caseContext(db: Db, round: string, unitId: number) {
  const unit = await db
    .selectFrom('units')
    .select(['name', 'labor_dispatch', 'region_code'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new Refusal('NOT_FOUND', `没有编号为 ${unitId} 的参保单位`);
  if (!unit.labor_dispatch) {
    throw new Refusal(
      'INVALID',
      `${unit.name} 不是劳务派遣单位，适用免申即享，无需申请（${DISPATCH_ARTICLE}仅适用于劳务派遣单位）`,
    );
  }
  const screened = await db
    .selectFrom('refund_cases as c')
    .innerJoin('screening_runs as r', 'r.id', 'c.run_id')
    .select(['r.as_of', 'c.region_code'])
    .where('c.round', '=', round)
    .where('c.unit_id', '=', unitId)
    .executeTakeFirst();
  return {
    name: unit.name,
    asOf: screened?.as_of ?? refundRound(round).defaultAsOf,
    regionCode: screened?.region_code ?? unit.region_code,
  };
}

function ruleInput(
  base: RefundInput,
  request: DispatchApplicationRequest,
  workerPayments: readonly WorkerPayment[],
): DispatchAllocationInput {
  const input = {
    ...base,
    workers: request.workers.map((w) => ({ workerId: w.workerId, ownStaff: w.ownStaff, placements: w.placements })),
    workerPayments,
  };
  const parsed = dispatchAllocationInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Refusal('INVALID', `申请数据有误：${issue.path.map(String).join('.')}：${issue.message}`);
}

function recipientNames(request: DispatchApplicationRequest, unitCreditCode: string, unitName: string): Map<string, string> {
  const names = new Map<string, string>([[`dispatch_unit:${unitCreditCode}`, unitName]]);
  for (const worker of request.workers) {
    for (const p of worker.placements) names.set(`user_unit:${p.userUnit.creditCode}`, p.userUnit.name);
  }
  return names;
}

/** Decides the application on the given executor (a transaction when submitting); writes nothing. */
export async function decideDispatchApplication(db: Db, request: DispatchApplicationRequest): Promise<DecidedApplication> {
  const round = refundRound(request.round);
  const params = request.params ?? projectParameters();
  const context = await caseContext(db, round.round, request.unitId);
  const unitInput = (await decideUnit(db, { round: round.round, asOf: context.asOf, unitId: request.unitId, params })).input;
  const workerPayments = request.workerPayments ?? (await storedWorkerPayments(db, request.unitId, round.baseYear));
  if (workerPayments.length === 0) {
    throw new Refusal('INVALID', `系统中没有本单位 ${round.baseYear} 年度的个人缴费明细，请随申请上传缴费明细表`);
  }
  if (request.workers.length === 0) throw new Refusal('INVALID', '申请中没有派遣人员');
  const input = ruleInput(unitInput, request, workerPayments);
  const decision = evaluateDispatchAllocation(input, params) as DecidedApplication['decision'];
  const names = recipientNames(request, input.unit.creditCode, context.name);
  const preview: DispatchPreview = {
    round: round.round,
    unitId: request.unitId,
    unitName: context.name,
    status: decision.status,
    reasons: decision.reasons,
    amountFen: decision.amountFen,
    excludedFen: decision.excludedBaseFen,
    allocations: decision.allocations.map((a) => ({ ...a, recipientName: names.get(`${a.role}:${a.recipient}`) ?? null })),
    paymentsSource: request.workerPayments ? 'upload' : 'store',
    workerCount: request.workers.length,
    paymentCount: workerPayments.length,
    trace: decision.trace,
  };
  return {
    preview,
    asOf: context.asOf,
    regionCode: context.regionCode,
    decision,
    workerPayments,
    inputHash: inputHash(input, params.version),
    policyVersion: params.version,
  };
}

/** The allocation an application would get, before it is submitted: nothing is written. */
export async function previewDispatchApplication(db: Db, request: DispatchApplicationRequest): Promise<DispatchPreview> {
  return (await decideDispatchApplication(db, request)).preview;
}
