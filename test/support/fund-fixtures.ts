// Staff, clock and a filed pilot register for the fund tests: Weihai (371000) with a sealed balance and a plan
// recorded by one finance officer and reviewed by another; and a few months of the fund's income and spending in two
// districts, for monitoring and the monthly report.
import type { Kysely } from 'kysely';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import type { Database } from '../../src/adapters/store/schema.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import type { Actor } from '../../src/domain/refund-case.ts';
import type { Fen } from '../../src/policy/core/money.ts';
import { recordBudget } from '../../src/services/fund/pilot-budget.ts';
import { recordPlan, reviewPlan } from '../../src/services/fund/pilot-plan.ts';
import { commitPilotSpending, spendCommitment } from '../../src/services/fund/pilot-commitments.ts';
import type { PilotItem } from '../../src/domain/vocabulary/fund.ts';
import { postSettlement } from '../../src/services/ledger/post.ts';
import { insertConfirmedPayments, sendBatch } from './bank-fixtures.ts';
import { insertUnit } from './review-fixtures.ts';

export const WEIHAI = '371000';
export const YEAR = 2024;
export const params = projectParameters();
export const clock = fixedClock('2024-08-15T10:00:00+08:00');
export const financeA: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };
export const financeB: Actor = { kind: 'staff', role: 'finance', name: '财务乙' };
export const reviewer: Actor = { kind: 'staff', role: 'reviewer', name: '复核员丙' };
export const weihai = { regionCode: WEIHAI, year: YEAR } as const;

/** Weihai's budget with the given sealed balance and a plan filed on 2024-08-01, reviewed by a second officer. */
export async function filedRegister(db: Kysely<Database>, sealedBalanceFen: Fen): Promise<void> {
  await recordBudget(db, params, { ...weihai, sealedBalanceFen, actor: financeA, clock });
  const plan = await recordPlan(db, {
    ...weihai,
    filedOn: '2024-08-01',
    documentNo: '威人社字〔2024〕52号',
    actor: financeA,
    clock,
  });
  await reviewPlan(db, { ...weihai, planId: plan.id, outcome: 'approve', actor: financeB, clock });
}

export const HUANCUI = '371002';
export const WENDENG = '371003';

export async function insertIncome(db: Kysely<Database>): Promise<void> {
  const a = await insertUnit(db, { name: '环翠测试有限公司', regionCode: HUANCUI });
  const b = await insertUnit(db, { name: '文登测试有限公司', regionCode: WENDENG });
  await db
    .insertInto('unit_payments')
    .values([
      {
        unit_id: a.id,
        receipt_no: 'R1',
        period: '2024-01',
        paid_on: '2024-01-15',
        amount_fen: 50_000_000,
        kind: 'contribution',
        region_code: HUANCUI,
      },
      {
        unit_id: a.id,
        receipt_no: 'R2',
        period: '2024-02',
        paid_on: '2024-02-15',
        amount_fen: 30_000_000,
        kind: 'contribution',
        region_code: HUANCUI,
      },
      {
        unit_id: a.id,
        receipt_no: 'R3',
        period: '2024-01',
        paid_on: '2024-02-16',
        amount_fen: 100_000,
        kind: 'late_fee',
        region_code: HUANCUI,
      },
      {
        unit_id: b.id,
        receipt_no: 'R4',
        period: '2024-02',
        paid_on: '2024-02-20',
        amount_fen: 20_000_000,
        kind: 'contribution',
        region_code: WENDENG,
      },
      // Before the sealing: part of the sealed balance already.
      {
        unit_id: b.id,
        receipt_no: 'R0',
        period: '2023-12',
        paid_on: '2023-12-20',
        amount_fen: 99_000_000,
        kind: 'contribution',
        region_code: WENDENG,
      },
    ])
    .execute();
  const person = await db
    .insertInto('persons')
    .values({
      id_number_index: 'idx-1',
      id_number_cipher: Buffer.from('x'),
      id_number_masked: '3710**********0011',
      name: '测试人员',
      region_code: WENDENG,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('subsidy_grants')
    .values({
      person_id: person.id,
      type: 'skill_subsidy',
      occupation_code: '4-01-02-01',
      level: 4,
      granted_on: '2024-02-20',
      amount_fen: 15_000_000,
      region_code: WENDENG,
    })
    .execute();
}

/** A refund of 2,500,000 元 paid to a unit in 环翠区, settled at 23:30 Beijing time on 2024-03-31. */
export async function insertRefund(db: Kysely<Database>): Promise<void> {
  const [payment] = await insertConfirmedPayments(db, [250_000_000]);
  await sendBatch(db, [payment!.paymentId]);
  await postSettlement(db, {
    paymentId: payment!.paymentId,
    attempt: 1,
    amountFen: 250_000_000,
    by: '系统',
    at: new Date('2024-03-31T23:30:00+08:00'),
  });
}

/** A pilot commitment of Weihai's, spent in full at the fixtures' clock (2024-08-15). */
export async function spendPilot(db: Kysely<Database>, item: PilotItem, amountFen: Fen): Promise<void> {
  const { commitment } = await commitPilotSpending(db, params, {
    ...weihai,
    item,
    amountFen,
    description: '试点补贴',
    actor: financeA,
    clock,
  });
  await spendCommitment(db, { ...weihai, commitmentId: commitment.id, actor: financeA, clock });
}
