import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { generateIntoStore } from '../../../src/demo/generate/generate-into-store.ts';
import { recordBudget } from '../../../src/services/fund/pilot-budget.ts';
import { changedUnits, impactRun } from '../../../src/services/simulation/impact-read.ts';
import { runImpact } from '../../../src/services/simulation/impact-run.ts';
import { saveReform } from '../../../src/services/simulation/reforms.ts';
import { startScreeningRun } from '../../../src/services/screening/screening-run.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const params = projectParameters();
const clock = fixedClock('2024-08-20T02:00:00Z');
const caseWorker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员甲' };
const finance: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };
const YEAR = { from: '2024-01-01', to: '2024-12-31' } as const;
const WEIHAI = '371000';

/** round_half_up(base × bp / 10000) in integers, written here rather than taken from the money helpers. */
const halfUp = (baseFen: number, bp: number) => Number((BigInt(baseFen) * BigInt(bp) * 2n + 10_000n) / 20_000n);

const smeReform = (name: string, bp: number) => ({
  name,
  changes: [{ rule: 'job-retention-refund', key: 'smeRatioBp', ...YEAR, value: bp }],
});

/** Each unit's 2023 refund base straight from the ledger: 2023 contributions paid within 2023. */
async function basesFromLedger(store: Store): Promise<Map<number, number>> {
  const { rows } = await sql<{ unit_id: number; base: number }>`SELECT unit_id, sum(amount_fen)::bigint AS base FROM unit_payments
    WHERE kind = 'contribution' AND period BETWEEN '2023-01' AND '2023-12' AND paid_on BETWEEN '2023-01-01' AND '2023-12-31'
    GROUP BY unit_id`.execute(store.db);
  return new Map(rows.map((r) => [r.unit_id, Number(r.base)]));
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`what-if runs on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      await backend.setup();
      store = await openStore(await backend.freshConfig());
      await generateIntoStore(store, {
        scale: { units: 300, regions: 'weihai', people: { unitShare: 0 } },
        seed: 17,
        cipher: testCipher,
        params,
      });
      await recordBudget(store.db, params, {
        regionCode: WEIHAI,
        year: 2024,
        sealedBalanceFen: 1_000_000_000,
        actor: finance,
        clock,
      });
    }, 180_000);
    afterAll(async () => {
      await store?.close();
      await backend.teardown();
    });

    it('a reform that restates the law in force changes nothing', async () => {
      const saved = await saveReform(store.db, params, { reform: smeReform('原样方案', 6000), actor: caseWorker, clock });
      const { runId, tally } = await runImpact(store, params, {
        reformId: saved.id,
        round: '2024',
        actor: caseWorker,
        clock,
        cipher: testCipher,
      });
      expect(tally.total.units).toBe(300);
      expect(tally.total.baselineEligible).toBeGreaterThan(0);
      expect(tally.total.reformFen).toBe(tally.total.baselineFen);
      expect([tally.total.changed, tally.total.newlyEligible, tally.total.noLongerEligible]).toEqual([0, 0, 0]);
      expect(await changedUnits(store.db, runId, { limit: 10 })).toEqual([]);
    });

    it('an SME ratio of 50% lowers every SME refund by exactly the expected fen and leaves large enterprises alone', async () => {
      const saved = await saveReform(store.db, params, { reform: smeReform('中小微企业50%', 5000), actor: caseWorker, clock });
      const { runId, tally } = await runImpact(store, params, {
        reformId: saved.id,
        round: '2024',
        actor: caseWorker,
        clock,
        cipher: testCipher,
      });
      const bases = await basesFromLedger(store);
      const changed = await changedUnits(store.db, runId, { limit: 10_000 });
      expect(changed.length).toBeGreaterThan(0);
      for (const unit of changed) {
        const base = bases.get(unit.unitId)!;
        expect([unit.baselineStatus, unit.reformStatus, unit.shift]).toEqual(['eligible', 'eligible', 'amount_down']);
        expect([unit.baselineFen, unit.reformFen]).toEqual([halfUp(base, 6000), halfUp(base, 5000)]);
      }
      // Every unit the screening finds eligible that the reform left alone is refunded at the large-enterprise ratio.
      const changedIds = new Set(changed.map((u) => u.unitId));
      const screening = await startScreeningRun(store, { round: '2024', clock, params });
      const eligible = await store.db
        .selectFrom('refund_decisions')
        .select(['unit_id', 'amount_fen'])
        .where('run_id', '=', screening.runId)
        .where('status', '=', 'eligible')
        .execute();
      const untouched = eligible.filter((d) => !changedIds.has(d.unit_id));
      expect(untouched.length).toBeGreaterThan(0);
      for (const d of untouched) expect(d.amount_fen).toBe(halfUp(bases.get(d.unit_id)!, 3000));
      expect(eligible.length).toBe(tally.total.baselineEligible);
      const expectedDrop = changed.reduce(
        (sum, u) => sum + halfUp(bases.get(u.unitId)!, 6000) - halfUp(bases.get(u.unitId)!, 5000),
        0,
      );
      expect(tally.total.baselineFen - tally.total.reformFen).toBe(expectedDrop);
      expect(tally.total.changed).toBe(changedIds.size);
      expect(Object.values(tally.region).reduce((sum, b) => sum + b.reformFen, 0)).toBe(tally.total.reformFen);
    });

    it('holds the total against the city cap, under the reform’s own cap ratio', async () => {
      const saved = await saveReform(store.db, params, {
        reform: { name: '额度比例20%', changes: [{ rule: 'spending-cap', key: 'capRatioBp', ...YEAR, value: 2000 }] },
        actor: caseWorker,
        clock,
      });
      const { runId, tally } = await runImpact(store, params, {
        reformId: saved.id,
        round: '2024',
        actor: caseWorker,
        clock,
        cipher: testCipher,
      });
      const view = await impactRun(store.db, params, runId);
      expect(view.cap).toMatchObject({
        regionCode: WEIHAI,
        sealedBalanceFen: 1_000_000_000,
        committedFen: 0,
        baseline: {
          capRatioBp: 1500,
          capFen: 150_000_000,
          remainingFen: 150_000_000,
          fits: tally.total.baselineFen <= 150_000_000,
        },
        reform: { capRatioBp: 2000, capFen: 200_000_000, remainingFen: 200_000_000, fits: tally.total.reformFen <= 200_000_000 },
      });
    });

    it('saves each version anew and refuses a value the declaration does not allow', async () => {
      const again = await saveReform(store.db, params, { reform: smeReform('中小微企业50%', 4500), actor: caseWorker, clock });
      expect(again.version).toBe(2);
      await expect(
        saveReform(store.db, params, { reform: smeReform('坏方案', 20_000), actor: caseWorker, clock }),
      ).rejects.toThrow(/smeRatioBp/);
    });
  });
}
