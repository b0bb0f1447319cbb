import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { startScreeningRun } from '../../../src/services/screening/screening-run.ts';
import { unitCounterfactual } from '../../../src/services/simulation/unit-counterfactual.ts';
import { insertFixtureUnits, ROUND_POPULATION } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const params = projectParameters();
const clock = fixedClock('2024-08-15T01:00:00Z');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`what would make a screened unit eligible, on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      await backend.setup();
      store = await openStore(await backend.freshConfig());
      await insertFixtureUnits(store, ROUND_POPULATION);
      await startScreeningRun(store, { round: '2024', clock, params });
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await backend.teardown();
    });

    it('a unit that laid off 18 of 100 would qualify with 13 fewer layoffs, and would then get 60% of 12 × 4,000 yuan', async () => {
      // The 5.5% limit allows 5 layoffs of 100 (5.5 rounded down); 18 − 5 = 13.
      const answer = await unitCounterfactual(store.db, params, '2024', 2);
      expect(answer?.remedies).toEqual([
        { reason: 'LAYOFF_RATE_EXCEEDED', kind: 'change', text: '裁员率 18% — 少裁减 13 人即符合条件' },
      ]);
      expect(answer?.flipped).toMatchObject({ status: 'eligible', amountFen: (12 * 400_000 * 6) / 10 });
    });

    it('says so when nothing the unit does can change it, and has nothing to say to an eligible unit or a stranger', async () => {
      const agency = await unitCounterfactual(store.db, params, '2024', 5);
      expect(agency?.remedies.map((r) => [r.reason, r.kind])).toEqual([['ORG_TYPE_NOT_COVERED', 'fixed']]);
      expect(agency?.flipped).toBeNull();
      expect(await unitCounterfactual(store.db, params, '2024', 1)).toBeNull();
      expect(await unitCounterfactual(store.db, params, '2024', 999)).toBeUndefined();
    });
  });
}
