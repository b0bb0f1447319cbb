import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { TransitionError } from '../../../src/domain/refund-case.ts';
import { applyCaseTransition, CaseNotFoundError } from '../../../src/services/round/case-transitions.ts';
import { creditCodeOf, insertFixtureUnits } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const worker = { kind: 'staff', role: 'case_worker', name: '王经办' } as const;
const reviewer = { kind: 'staff', role: 'reviewer', name: '李复核' } as const;

async function storeWithCase(config: Parameters<typeof openStore>[0]): Promise<Store> {
  const store = await openStore(config);
  await insertFixtureUnits(store, [{ id: 1 }]);
  const run = await store.db
    .insertInto('screening_runs')
    .values({ round: '2024', as_of: '2024-08-15', status: 'completed', policy_version: 'v' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto('refund_cases')
    .values({ round: '2024', unit_id: 1, region_code: '371002', state: 'eligible', run_id: run.id, amount_fen: 360_000 })
    .execute();
  return store;
}

const caseRow = (store: Store) =>
  store.db.selectFrom('refund_cases').selectAll().where('unit_id', '=', 1).executeTakeFirstOrThrow();
const events = (store: Store) => store.db.selectFrom('refund_case_events').selectAll().orderBy('id').execute();

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`refund case transitions on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('moves the case, bumps its version and records who did what with before and after', async () => {
      const store = await storeWithCase(await backend.freshConfig());
      try {
        const at = new Date('2024-08-20T02:00:00Z');
        const state = await store.db.transaction().execute((trx) =>
          applyCaseTransition(trx, {
            round: '2024',
            unitId: 1,
            action: 'propose',
            actor: worker,
            note: '第一批',
            patch: { batch_id: 7 },
            at,
          }),
        );
        expect(state).toBe('proposed');
        expect(await caseRow(store)).toMatchObject({
          state: 'proposed',
          batch_id: 7,
          version: 2,
          updated_by: '王经办',
          updated_at: at,
        });
        const [event] = await events(store);
        expect(event).toMatchObject({
          action: 'propose',
          from_state: 'eligible',
          to_state: 'proposed',
          actor: '王经办',
          note: '第一批',
          at,
          before: { state: 'eligible', batch_id: null, version: 1, amount_fen: 360_000 },
          after: { state: 'proposed', batch_id: 7, version: 2, amount_fen: 360_000 },
        });

        await store.db
          .transaction()
          .execute((trx) => applyCaseTransition(trx, { round: '2024', unitId: 1, action: 'approve', actor: reviewer }));
        await store.db
          .transaction()
          .execute((trx) => applyCaseTransition(trx, { round: '2024', unitId: 1, action: 'publish', actor: reviewer }));
        await store.db
          .transaction()
          .execute((trx) =>
            applyCaseTransition(trx, { round: '2024', unitId: 1, action: 'close_notice', actor: { kind: 'system' } }),
          );
        await store.db
          .transaction()
          .execute((trx) => applyCaseTransition(trx, { round: '2024', unitId: 1, action: 'notify', actor: { kind: 'system' } }));
        await store.db.transaction().execute((trx) =>
          applyCaseTransition(trx, {
            round: '2024',
            unitId: 1,
            action: 'confirm',
            actor: { kind: 'unit', creditCode: creditCodeOf(1) },
          }),
        );
        expect((await events(store)).map((e) => e.actor)).toEqual([
          '王经办',
          '李复核',
          '李复核',
          '系统',
          '系统',
          `单位:${creditCodeOf(1)}`,
        ]);
        expect(await caseRow(store)).toMatchObject({ state: 'confirmed', version: 7 });
      } finally {
        await store.close();
      }
    });

    it('refuses a step the state machine does not allow and writes nothing', async () => {
      const store = await storeWithCase(await backend.freshConfig());
      try {
        const attempt = (change: Omit<Parameters<typeof applyCaseTransition>[1], 'round' | 'unitId'>) =>
          store.db.transaction().execute((trx) => applyCaseTransition(trx, { round: '2024', unitId: 1, ...change }));
        await expect(attempt({ action: 'approve', actor: reviewer })).rejects.toThrow(/符合条件.*不能执行此操作/);
        await expect(attempt({ action: 'propose', actor: reviewer })).rejects.toMatchObject({
          code: 'FORBIDDEN',
          reason: 'ROLE_NOT_ALLOWED',
        });
        await expect(attempt({ action: 'propose', actor: worker, expectedState: 'needs_review' })).rejects.toBeInstanceOf(
          TransitionError,
        );
        await expect(
          store.db
            .transaction()
            .execute((trx) => applyCaseTransition(trx, { round: '2024', unitId: 2, action: 'propose', actor: worker })),
        ).rejects.toBeInstanceOf(CaseNotFoundError);
        expect(await caseRow(store)).toMatchObject({ state: 'eligible', version: 1 });
        expect(await events(store)).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('re-decides a screening-stage case into the new decision status', async () => {
      const store = await storeWithCase(await backend.freshConfig());
      try {
        const state = await store.db.transaction().execute((trx) =>
          applyCaseTransition(trx, {
            round: '2024',
            unitId: 1,
            action: 'rescreen',
            actor: { kind: 'system' },
            decided: 'needs_review',
            patch: { amount_fen: 0 },
          }),
        );
        expect(state).toBe('needs_review');
        expect(await caseRow(store)).toMatchObject({ state: 'needs_review', amount_fen: 0, updated_by: '系统' });
      } finally {
        await store.close();
      }
    });
  });
}
