// 鲁人社发〔2024〕8号 第七条 through the screening: a unit without a corporate account is paid into its contribution
// account only when small or micro; a medium unit goes to review. A re-screening shows the change in the run diff and
// leaves the earlier run's decisions as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { diffRuns } from '../../../src/services/screening/run-diff.ts';
import { startScreeningRun } from '../../../src/services/screening/screening-run.ts';
import { insertFixtureUnits } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { openStore } from '../../../src/adapters/store/open-store.ts';

const options = { round: '2024', clock: fixedClock('2024-08-15T01:00:00Z'), params: projectParameters(), chunkSize: 2 };
const MEDIUM = 1;
const SMALL = 2;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`pay route after a lost corporate account on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('sends the medium unit to review, pays the small one into its contribution account, and keeps the first run as it was', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await insertFixtureUnits(store, [
          { id: MEDIUM, size: 'medium' },
          { id: SMALL, size: 'small' },
        ]);
        const decisions = (runId: number) =>
          store.db
            .selectFrom('refund_decisions')
            .select(['unit_id', 'status', 'amount_fen', 'pay_to', 'reasons'])
            .where('run_id', '=', runId)
            .orderBy('unit_id')
            .execute();
        const first = await startScreeningRun(store, options);
        // 12 × 500.00 元 paid in 2023, 60% = 3,600.00 元 each.
        const before = [
          { unit_id: MEDIUM, status: 'eligible', amount_fen: 360_000, pay_to: 'corporate_account', reasons: [] },
          { unit_id: SMALL, status: 'eligible', amount_fen: 360_000, pay_to: 'corporate_account', reasons: [] },
        ];
        expect(await decisions(first.runId)).toEqual(before);

        await store.db.updateTable('units').set({ corporate_account_cipher: null, corporate_account_masked: null }).execute();
        const second = await startScreeningRun(store, options);
        expect(await decisions(second.runId)).toEqual([
          { unit_id: MEDIUM, status: 'needs_review', amount_fen: 0, pay_to: null, reasons: ['NO_CORPORATE_ACCOUNT'] },
          { unit_id: SMALL, status: 'eligible', amount_fen: 360_000, pay_to: 'contribution_account', reasons: [] },
        ]);
        expect(await decisions(first.runId)).toEqual(before);
        const diff = await diffRuns(store.db, first.runId, second.runId);
        expect(diff.changed.find((c) => c.unitId === MEDIUM)).toMatchObject({
          before: { status: 'eligible' },
          after: { status: 'needs_review', amountFen: 0 },
          reasonsAdded: ['NO_CORPORATE_ACCOUNT'],
        });
        const cases = await store.db.selectFrom('refund_cases').select(['unit_id', 'state']).orderBy('unit_id').execute();
        expect(cases).toEqual([
          { unit_id: MEDIUM, state: 'needs_review' },
          { unit_id: SMALL, state: 'eligible' },
        ]);
      } finally {
        await store.close();
      }
    });
  });
}
