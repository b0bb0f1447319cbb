// Commitments against a fund's pilot cap (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条), later spent or released.
// The spending-cap rule decides and words the answer from the register's figures; the database enforces it: one
// conditional UPDATE raises the budget row's committed total only while it stays within the cap and a reviewed plan
// filed on or before the commitment's date exists. Concurrent commitments queue on that row, and PostgreSQL checks
// each against the total the one before it left, so together they never pass the cap (and a CHECK refuses any row
// over it). Every change takes the budget row before the audit lock, as every fund change does, so none deadlocks.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FundPilotBudgetsTable, FundPilotCommitmentsTable } from '../../adapters/store/schema-fund.ts';
import { pilotItemLabels, pilotItems, type CommitmentStatus, type PilotItem } from '../../domain/vocabulary/fund.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { isValidDate, type IsoDate } from '../../policy/core/dates.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { evaluateSpendingCap } from '../../policy/spending-cap.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { postPilotSpending } from '../ledger/post.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName } from '../round/case-transitions.ts';
import { assertFundRecorder } from './fund-actor.ts';
import { findBudget, type FundKey } from './pilot-budget.ts';
import { capRefusal } from './pilot-refusal.ts';

type Trx = Transaction<Database>;

export interface PilotCommitment extends FundKey {
  id: number;
  item: PilotItem;
  amountFen: Fen;
  committedOn: IsoDate;
  description: string;
  status: CommitmentStatus;
  spentFen: Fen | null;
  createdBy: string;
  settledBy: string | null;
  settledNote: string | null;
}

function commitmentView(row: Selectable<FundPilotCommitmentsTable>): PilotCommitment {
  return {
    id: row.id,
    regionCode: row.region_code,
    year: row.year,
    item: row.item,
    amountFen: row.amount_fen,
    committedOn: row.committed_on,
    description: row.description,
    status: row.status,
    spentFen: row.spent_fen,
    createdBy: row.created_by,
    settledBy: row.settled_by,
    settledNote: row.settled_note,
  };
}

export interface CommitRequest extends FundKey {
  item: PilotItem;
  amountFen: Fen;
  description: string;
  /** The commitment's date (default: today in Asia/Shanghai). */
  committedOn?: IsoDate;
  actor: Actor;
  clock: Clock;
}

export interface CommitResult {
  commitment: PilotCommitment;
  committedFen: Fen;
  /** Headroom left under the cap (null for the provincial fund). */
  remainingFen: Fen | null;
}

function checkRequest(request: CommitRequest, committedOn: IsoDate): void {
  if (!pilotItems.includes(request.item)) throw new Refusal('INVALID', `没有这个试点支出项目：${request.item}`);
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen <= 0)
    throw new Refusal('INVALID', '承诺金额须为正整数（分）');
  if (!request.description.trim()) throw new Refusal('INVALID', '请填写承诺事由（补贴对象或项目）');
  if (!isValidDate(committedOn)) throw new Refusal('INVALID', `承诺日期 ${committedOn} 不是有效日期`);
  if (Number(committedOn.slice(0, 4)) !== request.year)
    throw new Refusal('INVALID', `承诺日期 ${committedOn} 不在 ${request.year} 年度内`);
}

/** Whether the fund has a reviewed plan filed on or before `date` (the provincial fund needs none). */
async function planFiledBy(trx: Trx, budget: Selectable<FundPilotBudgetsTable>, date: IsoDate): Promise<boolean> {
  if (budget.level === 'province') return true;
  const plan = await trx
    .selectFrom('fund_pilot_plans')
    .select('id')
    .where('region_code', '=', budget.region_code)
    .where('year', '=', budget.year)
    .where('status', '=', 'reviewed')
    .where('filed_on', '<=', date)
    .executeTakeFirst();
  return plan !== undefined;
}

/** The spending-cap rule on the register's figures; a refusal is thrown in its words. */
function judge(
  params: ParameterStore,
  budget: Selectable<FundPilotBudgetsTable>,
  request: CommitRequest,
  committedOn: IsoDate,
  planFiled: boolean,
): void {
  if (budget.level === 'province') return;
  const decision = evaluateSpendingCap(
    {
      id: `${budget.region_code}:${budget.year}`,
      asOf: committedOn,
      sealedBalanceFen: budget.sealed_balance_fen,
      committedFen: budget.committed_fen,
      requestFen: request.amountFen,
      planFiled,
    },
    params,
  );
  if (decision.status !== 'eligible') throw capRefusal(decision);
}

/** Raises the committed total by `amountFen` only within the cap and after a filed plan; undefined when refused. */
function raiseWithinCap(trx: Trx, key: FundKey, amountFen: Fen, committedOn: IsoDate) {
  return trx
    .updateTable('fund_pilot_budgets as b')
    .set({ committed_fen: sql`b.committed_fen + ${amountFen}` })
    .where('b.region_code', '=', key.regionCode)
    .where('b.year', '=', key.year)
    .where((eb) => eb.or([eb('b.cap_fen', 'is', null), eb(sql`b.committed_fen + ${amountFen}`, '<=', eb.ref('b.cap_fen'))]))
    .where((eb) =>
      eb.or([
        eb('b.level', '=', 'province'),
        eb.exists(
          eb
            .selectFrom('fund_pilot_plans as p')
            .select('p.id')
            .whereRef('p.region_code', '=', 'b.region_code')
            .whereRef('p.year', '=', 'b.year')
            .where('p.status', '=', 'reviewed')
            .where('p.filed_on', '<=', committedOn),
        ),
      ]),
    )
    .returning(['b.committed_fen', 'b.cap_fen'])
    .executeTakeFirst();
}

/** Commits an amount of one pilot item against the fund's cap, or refuses with the rule's Chinese reason. */
export async function commitPilotSpending(
  db: Kysely<Database>,
  params: ParameterStore,
  request: CommitRequest,
): Promise<CommitResult> {
  const { actor, clock, amountFen } = request;
  assertFundRecorder(actor);
  const committedOn = request.committedOn ?? clock.today();
  checkRequest(request, committedOn);
  return db.transaction().execute(async (trx) => {
    const budget = await findBudget(trx, request);
    judge(params, budget, request, committedOn, await planFiledBy(trx, budget, committedOn));
    const raised = await raiseWithinCap(trx, request, amountFen, committedOn);
    if (!raised) {
      // Another commitment took the headroom since it was read: the rule says why on the figures as they are now.
      const now = await findBudget(trx, request);
      judge(params, now, request, committedOn, await planFiledBy(trx, now, committedOn));
      throw new Refusal('CONFLICT', '支出额度已被同时提交的其他承诺占用，请刷新后重试');
    }
    const row = await trx
      .insertInto('fund_pilot_commitments')
      .values({
        region_code: request.regionCode,
        year: request.year,
        item: request.item,
        amount_fen: amountFen,
        committed_on: committedOn,
        description: request.description.trim(),
        status: 'committed',
        created_by: actorName(actor),
        created_at: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'fund_pilot.commit',
      subject: auditSubject.pilotCommitment(row.id),
      clock,
      detail: {
        regionCode: request.regionCode,
        year: request.year,
        item: request.item,
        amountFen,
        committedFen: raised.committed_fen,
      },
    });
    return {
      commitment: commitmentView(row),
      committedFen: raised.committed_fen,
      remainingFen: raised.cap_fen === null ? null : Math.max(0, raised.cap_fen - raised.committed_fen),
    };
  });
}

export interface SettleRequest extends FundKey {
  commitmentId: number;
  /** Spending: the amount paid, at most the commitment (default all of it); the rest goes back under the cap. */
  spentFen?: Fen;
  note?: string;
  actor: Actor;
  clock: Clock;
}

async function settle(db: Kysely<Database>, request: SettleRequest, outcome: 'spent' | 'released'): Promise<CommitResult> {
  const { commitmentId, actor, clock } = request;
  assertFundRecorder(actor);
  const note = request.note?.trim() || null;
  if (outcome === 'released' && !note) throw new Refusal('INVALID', '释放承诺须填写原因');
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('fund_pilot_commitments')
      .selectAll()
      .where('id', '=', commitmentId)
      .where('region_code', '=', request.regionCode)
      .where('year', '=', request.year)
      .forUpdate()
      .executeTakeFirst();
    if (!current)
      throw new Refusal('NOT_FOUND', `${request.regionCode} ${request.year} 年度没有编号为 ${commitmentId} 的试点支出承诺`);
    if (current.status !== 'committed')
      throw new Refusal('CONFLICT', `试点支出承诺 #${commitmentId} 已支出或已释放，不能再次办理`);
    const spentFen = outcome === 'spent' ? (request.spentFen ?? current.amount_fen) : 0;
    if (outcome === 'spent' && (!Number.isSafeInteger(spentFen) || spentFen <= 0 || spentFen > current.amount_fen)) {
      throw new Refusal('INVALID', `支出金额须为正整数（分），且不超过承诺金额 ${formatYuan(current.amount_fen)} 元`);
    }
    const by = actorName(actor);
    const at = clock.now();
    const budget = await trx
      .updateTable('fund_pilot_budgets')
      .set({ committed_fen: sql`committed_fen - ${current.amount_fen - spentFen}`, spent_fen: sql`spent_fen + ${spentFen}` })
      .where('region_code', '=', current.region_code)
      .where('year', '=', current.year)
      .returning(['committed_fen', 'cap_fen'])
      .executeTakeFirstOrThrow();
    const row = await trx
      .updateTable('fund_pilot_commitments')
      .set({
        status: outcome,
        spent_fen: outcome === 'spent' ? spentFen : null,
        settled_by: by,
        settled_at: at,
        settled_note: note,
      })
      .where('id', '=', commitmentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (outcome === 'spent') {
      await postPilotSpending(trx, {
        commitmentId,
        amountFen: spentFen,
        by,
        at,
        memo: `扩大支出范围试点${pilotItemLabels[current.item]}支出`,
      });
    }
    await recordAudit(trx, {
      actor,
      action: outcome === 'spent' ? 'fund_pilot.spend' : 'fund_pilot.release',
      subject: auditSubject.pilotCommitment(commitmentId),
      clock,
      detail: { amountFen: current.amount_fen, spentFen, releasedFen: current.amount_fen - spentFen, ...(note && { note }) },
    });
    return {
      commitment: commitmentView(row),
      committedFen: budget.committed_fen,
      remainingFen: budget.cap_fen === null ? null : Math.max(0, budget.cap_fen - budget.committed_fen),
    };
  });
}

/** The commitment is paid (in full or in part): posted to the fund ledger, the unspent rest released. */
export function spendCommitment(db: Kysely<Database>, request: SettleRequest): Promise<CommitResult> {
  return settle(db, request, 'spent');
}

/** The commitment will not be paid: its amount goes back under the cap. */
export function releaseCommitment(db: Kysely<Database>, request: SettleRequest): Promise<CommitResult> {
  return settle(db, request, 'released');
}

export async function listCommitments(
  db: Kysely<Database>,
  key: FundKey,
  filter: { status?: CommitmentStatus } = {},
): Promise<PilotCommitment[]> {
  let query = db
    .selectFrom('fund_pilot_commitments')
    .selectAll()
    .where('region_code', '=', key.regionCode)
    .where('year', '=', key.year)
    .orderBy('id');
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(commitmentView);
}
