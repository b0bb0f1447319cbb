import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { screeningRoutes } from '../../../src/server/routes/screening.ts';
import { creditCodeOf, insertFixtureUnits, ROUND_POPULATION } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

async function serverOn(store: Store): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(screeningRoutes, { prefix: '/api/v1', store, clock: fixedClock('2024-08-15T01:00:00Z'), params: projectParameters() });
  return app;
}

async function screened(app: FastifyInstance, body: object = {}): Promise<number> {
  const started = await app.inject({ method: 'POST', url: '/api/v1/rounds/2024/screenings', payload: body });
  expect(started.statusCode).toBe(202);
  const { runId } = started.json<{ runId: number }>();
  for (let i = 0; i < 200; i++) {
    const { status } = (await app.inject({ method: 'GET', url: `/api/v1/screenings/${runId}` })).json<{ status: string }>();
    if (status === 'completed') return runId;
    if (status === 'failed') throw new Error(`run ${runId} failed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} did not finish`);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`screening routes on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('starts a run in the background, reports its progress and summary, and lists the decisions', async () => {
      const store = await openStore(await backend.freshConfig());
      const app = await serverOn(store);
      try {
        await insertFixtureUnits(store, ROUND_POPULATION);
        const runId = await screened(app);
        const run = (await app.inject({ method: 'GET', url: `/api/v1/screenings/${runId}` })).json();
        expect(run).toMatchObject({ status: 'completed', progress: { done: 8, total: 8, percent: 100 }, summary: { total: { units: 8, amountYuan: '67,200.00' } } });

        const eligible = (await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?status=eligible&pageSize=2' })).json();
        expect(eligible).toMatchObject({ total: 3, page: 1, pageSize: 2 });
        expect(eligible.items.map((d: { unitId: number }) => d.unitId)).toEqual([1, 6]);
        expect(eligible.items[0]).toMatchObject({ creditCodeMasked: '913710********001X', caseState: 'eligible', amountYuan: '3,600.00' });
        expect(JSON.stringify(eligible)).not.toContain(creditCodeOf(1));
        const secondPage = (await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?status=eligible&pageSize=2&page=2' })).json();
        expect(secondPage.items.map((d: { unitId: number }) => d.unitId)).toEqual([8]);

        const byReason = (await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?reason=DISPATCH_MUST_APPLY' })).json();
        expect(byReason.items.map((d: { unitId: number; status: string }) => [d.unitId, d.status])).toEqual([[4, 'needs_review']]);
        const rongcheng = (await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?region=371082' })).json();
        expect(rongcheng.total).toBe(3);

        const detail = (await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/units/6/decision' })).json();
        expect(detail).toMatchObject({ unitId: 6, status: 'eligible', amountFen: 6_000_000, ratioBp: 3000, baseFen: 20_000_000 });
        expect(detail.trace.find((s: { step: string }) => s.step === 'refundBase').text).toContain('未计入');
      } finally {
        await app.close();
        await store.close();
      }
    });

    it('compares two runs and answers mistakes in Chinese', async () => {
      const store = await openStore(await backend.freshConfig());
      const app = await serverOn(store);
      try {
        await insertFixtureUnits(store, ROUND_POPULATION);
        const first = await screened(app);
        await store.db.updateTable('units').set({ size: 'small' }).where('id', '=', 3).execute();
        const second = await screened(app, { asOf: '2024-08-15' });
        const diff = (await app.inject({ method: 'GET', url: `/api/v1/screenings/${first}/diff/${second}` })).json();
        expect(diff.changed.map((c: { unitId: number }) => c.unitId)).toEqual([3]);

        const answers = await Promise.all([
          app.inject({ method: 'POST', url: '/api/v1/rounds/2019/screenings', payload: {} }),
          app.inject({ method: 'POST', url: '/api/v1/rounds/2024/screenings', payload: { region: '999999' } }),
          app.inject({ method: 'POST', url: '/api/v1/rounds/2024/screenings', payload: { asOf: '2025-01-02' } }),
          app.inject({ method: 'GET', url: '/api/v1/screenings/99' }),
          app.inject({ method: 'GET', url: `/api/v1/screenings/${first}/diff/99` }),
          app.inject({ method: 'GET', url: '/api/v1/rounds/2024/units/42/decision' }),
          app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?pageSize=501' }),
        ]);
        expect(answers.map((r) => r.statusCode)).toEqual([404, 400, 400, 404, 404, 404, 400]);
        expect(answers[1]!.json().error.message).toContain('999999');
        expect(answers[2]!.json().error.message).toContain('不在 2024 年度内');
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
