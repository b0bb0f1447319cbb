// Fund monitoring (鲁人社发〔2024〕8号 第八条) on both store backends, from real rows: contributions and late fees paid,
// a refund settled in the bank ledger (late on the last evening of March, Beijing time), a skill subsidy granted and
// a pilot commitment spent; the sealed balance carried forward, the months it covers, and the alerts.
import { describe, expect, it } from 'vitest';
import { fundMonitoring } from '../../../src/services/fund/fund-monitoring.ts';
import { filedRegister, HUANCUI, insertIncome, insertRefund, params, spendPilot, WENDENG } from '../../support/fund-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`fund monitoring on ${backend.name}`, () => {
    suiteWithFolder(backend, 'wengang-fund-monitor-');
    const { withStore } = backend;

    it('reports income, spending by item, the balance carried forward and the months it covers, with alerts', async () => {
      await withStore(async (store) => {
        await filedRegister(store.db, 1_000_000_000); // sealed at 2023-12-31: 10,000,000.00 元
        await insertIncome(store.db);
        await insertRefund(store.db);
        await spendPilot(store.db, 'job', 40_000_000); // posted 2024-08-15

        const report = await fundMonitoring(store.db, params, { regionCode: '371000', from: '2024-01', to: '2024-08' });
        expect(report.sealed).toEqual({ on: '2023-12-31', balanceFen: 1_000_000_000 });
        const m = Object.fromEntries(report.months.map((month) => [month.period, month]));
        expect(report.months.map((month) => month.period)).toEqual([
          '2024-01',
          '2024-02',
          '2024-03',
          '2024-04',
          '2024-05',
          '2024-06',
          '2024-07',
          '2024-08',
        ]);
        expect(m['2024-01']).toMatchObject({
          incomeFen: 50_000_000,
          spendingFen: 0,
          balanceFen: 1_050_000_000,
          monthsCovered: null,
        });
        expect(m['2024-02']).toMatchObject({
          income: { contribution: 50_000_000, late_fee: 100_000 },
          incomeFen: 50_100_000,
          spendingFen: 15_000_000,
          spending: expect.objectContaining({ skill_subsidy: 15_000_000, refund: 0 }),
          balanceFen: 1_085_100_000,
          // 1,085,100,000 ÷ (15,000,000 ÷ 2 months) = 144.68 → 144.6
          monthsCovered: 144.6,
        });
        // 835,100,000 ÷ (265,000,000 ÷ 3) = 9.45… → 9.4
        expect(m['2024-03']).toMatchObject({
          spending: expect.objectContaining({ refund: 250_000_000 }),
          balanceFen: 835_100_000,
          monthsCovered: 9.4,
        });
        // 795,100,000 ÷ (305,000,000 ÷ 8) = 20.85… → 20.8
        expect(m['2024-08']).toMatchObject({
          spending: expect.objectContaining({ pilot_job: 40_000_000 }),
          spendingFen: 40_000_000,
          balanceFen: 795_100_000,
          monthsCovered: 20.8,
        });

        expect(report.regions).toEqual(
          expect.arrayContaining([
            { regionCode: HUANCUI, regionName: '环翠区', period: '2024-03', incomeFen: 0, spendingFen: 250_000_000 },
            { regionCode: WENDENG, regionName: '文登区', period: '2024-02', incomeFen: 20_000_000, spendingFen: 15_000_000 },
            { regionCode: '371000', regionName: '威海市', period: '2024-08', incomeFen: 0, spendingFen: 40_000_000 },
          ]),
        );
        expect(report.alerts.map((a) => [a.kind, a.period, a.regionCode])).toEqual([
          ['SPENDING_JUMP', '2024-02', WENDENG],
          ['LOW_COVERAGE', '2024-03', '371000'],
          ['SPENDING_JUMP', '2024-03', HUANCUI],
          ['SPENDING_JUMP', '2024-08', '371000'],
        ]);
        expect(report.alerts[1]!.message).toBe('2024-03 末基金结余 8,351,000.00 元，可支付 9.4 个月，低于预警线 12 个月');
        expect(report.alerts[2]!.message).toBe('环翠区 2024-03 支出 2,500,000.00 元，较上月 0.00 元增幅超过 50%');
        expect(report.unrecorded).toEqual([]);

        // A narrower range gives the same figures for its months.
        const march = await fundMonitoring(store.db, params, { regionCode: '371000', from: '2024-03', to: '2024-03' });
        expect(march.months).toEqual([m['2024-03']]);
        await expect(fundMonitoring(store.db, params, { regionCode: HUANCUI, from: '2024-01', to: '2024-02' })).rejects.toThrow(
          '不是统筹地区',
        );
        const untilToday = await fundMonitoring(store.db, params, {
          regionCode: '371000',
          from: '2024-01',
          to: '2024-12',
          today: '2024-08-31',
        });
        expect(untilToday.months.at(-1)).toEqual(m['2024-08']);
      });
    });

    it('shows no balance and no cover without a sealed balance, rather than a zero', async () => {
      await withStore(async (store) => {
        await insertIncome(store.db);
        const report = await fundMonitoring(store.db, params, { regionCode: '371000', from: '2024-01', to: '2024-02' });
        expect(report.sealed).toBeNull();
        expect(report.months.map((m) => [m.incomeFen, m.balanceFen, m.monthsCovered])).toEqual([
          [50_000_000, null, null],
          [50_100_000, null, null],
        ]);
      });
    });
  });
}
