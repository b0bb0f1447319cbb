// Staff, clock and a filed pilot register for the fund tests: Weihai (371000) with a sealed balance and a plan
// recorded by one finance officer and reviewed by another.
import type { Kysely } from 'kysely';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import type { Database } from '../../src/adapters/store/schema.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import type { Actor } from '../../src/domain/refund-case.ts';
import type { Fen } from '../../src/policy/core/money.ts';
import { recordBudget } from '../../src/services/fund/pilot-budget.ts';
import { recordPlan, reviewPlan } from '../../src/services/fund/pilot-plan.ts';

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
  const plan = await recordPlan(db, { ...weihai, filedOn: '2024-08-01', documentNo: '威人社字〔2024〕52号', actor: financeA, clock });
  await reviewPlan(db, { ...weihai, planId: plan.id, outcome: 'approve', actor: financeB, clock });
}
