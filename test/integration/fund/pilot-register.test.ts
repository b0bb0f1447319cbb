// The pilot spending register (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条) on both store backends: the cap is
// 15% of the sealed balance rounded down; nothing is committed before the plan filing is reviewed by a second
// person; a commitment over the cap is refused in Chinese; concurrent commitments never pass the cap together; a
// spent commitment is posted to the ledger with an audit entry, a released one frees its headroom.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import type { PilotItem } from '../../../src/domain/vocabulary/fund.ts';
import { recordBudget } from '../../../src/services/fund/pilot-budget.ts';
import { commitPilotSpending, releaseCommitment, spendCommitment } from '../../../src/services/fund/pilot-commitments.ts';
import { recordPlan, reviewPlan } from '../../../src/services/fund/pilot-plan.ts';
import { pilotRegister } from '../../../src/services/fund/pilot-register.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { clock, filedRegister, financeA, financeB, params, reviewer, weihai } from '../../support/fund-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const commit = (store: Store, amountFen: number, item: PilotItem = 'job') =>
  commitPilotSpending(store.db, params, { ...weihai, item, amountFen, description: '岗位补贴（测试）', actor: financeA, clock });

/** Settles every promise; the fulfilled values and the rejection messages. */
async function settleAll<T>(work: Promise<T>[]) {
  const results = await Promise.allSettled(work);
  return {
    fulfilled: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    refusals: results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : [])),
  };
}

async function committedTotals(store: Store) {
  const budget = await store.db.selectFrom('fund_pilot_budgets').select(['committed_fen', 'cap_fen']).executeTakeFirstOrThrow();
  const rows = await store.db
    .selectFrom('fund_pilot_commitments')
    .select([sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('sum')])
    .executeTakeFirstOrThrow();
  return { committed: budget.committed_fen, cap: budget.cap_fen!, count: rows.count, sum: rows.sum };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`pilot spending register on ${backend.name}`, () => {
    suiteWithFolder(backend, 'wengang-fund-');
    const { withStore } = backend;

    it('sets the cap at 15% of the sealed balance, rounded down to the fen, and the province outside any cap', async () => {
      await withStore(async (store) => {
        const city = await recordBudget(store.db, params, { ...weihai, sealedBalanceFen: 1_234_567_89, actor: financeA, clock });
        // 1,234,567.89 元 × 15% = 185,185.1835 元 → 185,185.18 元.
        expect(city).toMatchObject({
          level: 'city',
          sealedOn: '2023-12-31',
          capRatioBp: 1500,
          capFen: 18_518_518,
          remainingFen: 18_518_518,
        });
        const province = await recordBudget(store.db, params, {
          regionCode: '370000',
          year: 2024,
          sealedBalanceFen: 500_000_00,
          actor: financeA,
          clock,
        });
        expect(province).toMatchObject({ level: 'province', capFen: null, remainingFen: null });
        const again = recordBudget(store.db, params, { ...weihai, sealedBalanceFen: 1, actor: financeA, clock });
        await expect(again).rejects.toThrow('已登记，不能重复登记');
        await expect(
          recordBudget(store.db, params, { regionCode: '371002', year: 2024, sealedBalanceFen: 1, actor: financeA, clock }),
        ).rejects.toThrow('不是设区市或省本级');
      });
    });

    it('refuses commitments until a second person has reviewed the plan filing, and before its filing date', async () => {
      await withStore(async (store) => {
        await recordBudget(store.db, params, { ...weihai, sealedBalanceFen: 1_000_000_00, actor: financeA, clock });
        await expect(commit(store, 100)).rejects.toThrow('实施方案已向省人力资源社会保障厅、省财政厅备案，不符合');
        const plan = await recordPlan(store.db, {
          ...weihai,
          filedOn: '2024-08-01',
          documentNo: '威人社字〔2024〕52号',
          actor: financeA,
          clock,
        });
        await expect(commit(store, 100)).rejects.toThrow('不予承诺');
        await expect(
          reviewPlan(store.db, { ...weihai, planId: plan.id, outcome: 'approve', actor: financeA, clock }),
        ).rejects.toThrow('双人复核');
        await reviewPlan(store.db, { ...weihai, planId: plan.id, outcome: 'approve', actor: reviewer, clock });
        const early = commitPilotSpending(store.db, params, {
          ...weihai,
          item: 'vocational_training',
          amountFen: 100,
          description: '培训补贴',
          committedOn: '2024-07-31',
          actor: financeA,
          clock,
        });
        await expect(early).rejects.toThrow('备案');
        expect((await commit(store, 100)).commitment).toMatchObject({
          status: 'committed',
          amountFen: 100,
          committedOn: '2024-08-15',
        });
        const register = await pilotRegister(store.db, weihai);
        expect(register).toMatchObject({
          planFiled: true,
          plans: [{ status: 'reviewed', recordedBy: '财务甲', reviewedBy: '复核员丙' }],
        });
      });
    });

    it("refuses a commitment over the cap with the rule's Chinese reason and accepts one that fits exactly", async () => {
      await withStore(async (store) => {
        await filedRegister(store.db, 1_000_000); // cap 150,000 fen = 1,500.00 元
        await commit(store, 100_000);
        await expect(commit(store, 50_001)).rejects.toThrow(
          '不予承诺：已承诺 1,000.00 元 + 本次申请 500.01 元 = 1,500.01 元，不得超过额度 1,500.00 元，不符合（鲁人社发〔2024〕8号 第六条',
        );
        const last = await commit(store, 50_000);
        expect(last).toMatchObject({ committedFen: 150_000, remainingFen: 0 });
        await expect(commit(store, 1)).rejects.toThrow('不得超过额度 1,500.00 元');
      });
    });

    it(
      `never lets concurrent commitments pass the cap together (${backend.name === 'postgres' ? 1000 : 60} at once)`,
      { timeout: 120_000 },
      async () => {
        await withStore(async (store) => {
          const n = backend.name === 'postgres' ? 1000 : 60;
          // Cap 150,000 fen; 200 fen each fit exactly 750 times, so with 1,000 requests 250 must be refused (PGlite: 60 × 3,000).
          const amount = backend.name === 'postgres' ? 200 : 3_000;
          await filedRegister(store.db, 1_000_000);
          const { fulfilled, refusals } = await settleAll(Array.from({ length: n }, () => commit(store, amount)));
          const fits = Math.floor(150_000 / amount);
          expect(fulfilled).toHaveLength(fits);
          expect(refusals).toHaveLength(n - fits);
          expect(new Set(refusals.map((m) => m.includes('不得超过额度 1,500.00 元')))).toEqual(new Set([true]));
          expect(await committedTotals(store)).toEqual({ committed: 150_000, cap: 150_000, count: fits, sum: 150_000 });
        });
      },
    );

    it(
      'keeps mixed concurrent amounts within the cap: every refused amount exceeds the headroom left',
      { timeout: 120_000 },
      async () => {
        await withStore(async (store) => {
          await filedRegister(store.db, 1_000_000);
          const amounts = Array.from({ length: backend.name === 'postgres' ? 400 : 40 }, (_, i) => 1_000 + ((i * 7_919) % 9_000));
          const results = await Promise.allSettled(amounts.map((a) => commit(store, a)));
          const totals = await committedTotals(store);
          const accepted = amounts.filter((_, i) => results[i]!.status === 'fulfilled');
          const refused = amounts.filter((_, i) => results[i]!.status === 'rejected');
          expect(totals.committed).toBeLessThanOrEqual(150_000);
          expect(totals.sum).toBe(totals.committed);
          expect(accepted.reduce((a, b) => a + b, 0)).toBe(totals.committed);
          expect(refused.length).toBeGreaterThan(0);
          for (const amount of refused) expect(amount).toBeGreaterThan(150_000 - totals.committed);
        });
      },
    );

    it('posts a spent commitment to the ledger with an audit entry, and gives back released and unspent amounts', async () => {
      await withStore(async (store) => {
        await filedRegister(store.db, 1_000_000);
        const a = (await commit(store, 60_000)).commitment;
        const b = (await commit(store, 40_000, 'social_insurance')).commitment;
        const spent = await spendCommitment(store.db, {
          ...weihai,
          commitmentId: a.id,
          spentFen: 55_000,
          actor: financeB,
          clock,
        });
        expect(spent).toMatchObject({
          committedFen: 95_000,
          remainingFen: 55_000,
          commitment: { status: 'spent', spentFen: 55_000 },
        });
        const released = await releaseCommitment(store.db, {
          ...weihai,
          commitmentId: b.id,
          note: '补贴对象放弃申领',
          actor: financeA,
          clock,
        });
        expect(released).toMatchObject({ committedFen: 55_000, remainingFen: 95_000 });
        await expect(spendCommitment(store.db, { ...weihai, commitmentId: b.id, actor: financeA, clock })).rejects.toThrow(
          '已支出或已释放',
        );

        const lines = await store.db
          .selectFrom('ledger_transactions as t')
          .innerJoin('ledger_lines as l', 'l.transaction_id', 't.id')
          .select(['t.key', 't.kind', 't.pilot_commitment_id', 'l.account', 'l.debit_fen', 'l.credit_fen'])
          .orderBy('l.line_no')
          .execute();
        expect(lines).toEqual([
          {
            key: `pilot-spend:${a.id}`,
            kind: 'pilot_spending',
            pilot_commitment_id: a.id,
            account: 'pilot_spending',
            debit_fen: 55_000,
            credit_fen: 0,
          },
          {
            key: `pilot-spend:${a.id}`,
            kind: 'pilot_spending',
            pilot_commitment_id: a.id,
            account: 'pilot_bank',
            debit_fen: 0,
            credit_fen: 55_000,
          },
        ]);
        expect((await checkLedger(store.db)).ok).toBe(true);

        // A voucher that disagrees with the register is found: the amount posted, then a second voucher.
        const voucher = await store.db
          .selectFrom('ledger_transactions')
          .select('id')
          .where('key', '=', `pilot-spend:${a.id}`)
          .executeTakeFirstOrThrow();
        await store.db
          .updateTable('ledger_lines')
          .set({ debit_fen: 50_000 })
          .where('transaction_id', '=', voucher.id)
          .where('account', '=', 'pilot_spending')
          .execute();
        await store.db
          .updateTable('ledger_lines')
          .set({ credit_fen: 50_000 })
          .where('transaction_id', '=', voucher.id)
          .where('account', '=', 'pilot_bank')
          .execute();
        expect((await checkLedger(store.db)).violations.map((v) => v.message)).toEqual([
          `试点支出承诺 #${a.id} 入账 500.00 元，与登记的支出金额 550.00 元不符`,
          '试点支出科目余额 500.00 元，与登记的试点支出合计 550.00 元不符',
        ]);
        await store.db
          .updateTable('ledger_lines')
          .set({ debit_fen: 55_000 })
          .where('transaction_id', '=', voucher.id)
          .where('account', '=', 'pilot_spending')
          .execute();
        await store.db
          .updateTable('ledger_lines')
          .set({ credit_fen: 55_000 })
          .where('transaction_id', '=', voucher.id)
          .where('account', '=', 'pilot_bank')
          .execute();
        expect((await checkLedger(store.db)).ok).toBe(true);
        const actions = await store.db.selectFrom('audit_log').select(['action', 'subject', 'actor']).orderBy('seq').execute();
        expect(actions.map((e) => e.action)).toEqual([
          'fund_pilot.record_budget',
          'fund_pilot.record_plan',
          'fund_pilot.approve_plan',
          'fund_pilot.commit',
          'fund_pilot.commit',
          'fund_pilot.spend',
          'fund_pilot.release',
        ]);
        expect(actions[5]).toEqual({ action: 'fund_pilot.spend', subject: `fund_pilot_commitment:${a.id}`, actor: '财务乙' });
        expect((await verifyAudit(store.db)).ok).toBe(true);
        const register = await pilotRegister(store.db, weihai);
        expect(register.byItem.find((i) => i.item === 'job')).toMatchObject({ label: '岗位补贴', spentFen: 55_000, openFen: 0 });
        expect(register.budget).toMatchObject({ committedFen: 55_000, spentFen: 55_000, remainingFen: 95_000 });
      });
    });

    it('records provincial items against the provincial fund, outside the city cap', async () => {
      await withStore(async (store) => {
        await filedRegister(store.db, 1_000_000);
        const province = { regionCode: '370000', year: 2024 };
        await recordBudget(store.db, params, { ...province, sealedBalanceFen: 10_000_000, actor: financeA, clock });
        const result = await commitPilotSpending(store.db, params, {
          ...province,
          item: 'skill_evaluation',
          amountFen: 200_000,
          description: '省本级技能评价',
          actor: financeA,
          clock,
        });
        expect(result).toMatchObject({ committedFen: 200_000, remainingFen: null });
        expect((await pilotRegister(store.db, weihai)).budget.committedFen).toBe(0);
      });
    });
  });
}
