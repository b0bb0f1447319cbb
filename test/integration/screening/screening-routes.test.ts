// The screening API through Fastify's inject on both store backends, as a signed-in case worker: a background run with
// its progress and summary, the paged decision list, a unit's decision with its trace, a diff, and Chinese refusals.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { screeningRoutes } from '../../../src/server/routes/screening.ts';
import { creditCodeOf, insertFixtureUnits, ROUND_POPULATION } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { securedApp, staffCaller, type Headers } from '../../support/staff-session.ts';
import { waitFor } from '../../support/wait-for.ts';

/** The routes behind the security layer, and a signed-in case worker's headers (a fresh session each call). */
async function serverOn(store: Store): Promise<{ app: FastifyInstance; as: () => Promise<Headers> }> {
  const clock = fixedClock('2024-08-15T01:00:00Z');
  const app = await securedApp(store, clock, [[screeningRoutes, { store, clock, params: projectParameters() }]]);
  const worker = await staffCaller(store.db, clock, { username: 'zhangsan', displayName: '经办员张三', roles: ['case_worker'] });
  return { app, as: worker.headers };
}

async function screened({ app, as }: { app: FastifyInstance; as: () => Promise<Headers> }, body: object = {}): Promise<number> {
  const started = await app.inject({ method: 'POST', url: '/api/v1/rounds/2024/screenings', payload: body, headers: await as() });
  expect(started.statusCode).toBe(202);
  const { runId } = started.json<{ runId: number }>();
  return waitFor(`筛查 ${runId} 完成`, async () => {
    const { status } = (await app.inject({ method: 'GET', url: `/api/v1/screenings/${runId}`, headers: await as() })).json<{
      status: string;
    }>();
    if (status === 'failed') throw new Error(`run ${runId} failed`);
    return status === 'completed' ? runId : undefined;
  });
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`screening routes on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('starts a run in the background, reports its progress and summary, and lists the decisions', async () => {
      const store = await openStore(await backend.freshConfig());
      const server = await serverOn(store);
      const { app, as } = server;
      try {
        await insertFixtureUnits(store, ROUND_POPULATION);
        const runId = await screened(server);
        const run = (await app.inject({ method: 'GET', url: `/api/v1/screenings/${runId}`, headers: await as() })).json();
        expect(run).toMatchObject({
          status: 'completed',
          progress: { done: 8, total: 8, percent: 100 },
          summary: { total: { units: 8, amountYuan: '67,200.00' } },
        });

        const eligible = (
          await app.inject({
            method: 'GET',
            url: '/api/v1/rounds/2024/decisions?status=eligible&pageSize=2',
            headers: await as(),
          })
        ).json();
        expect(eligible).toMatchObject({ total: 3, page: 1, pageSize: 2 });
        expect(eligible.items.map((d: { unitId: number }) => d.unitId)).toEqual([1, 6]);
        expect(eligible.items[0]).toMatchObject({
          creditCodeMasked: '913710********001X',
          caseState: 'eligible',
          amountYuan: '3,600.00',
        });
        expect(JSON.stringify(eligible)).not.toContain(creditCodeOf(1));
        const secondPage = (
          await app.inject({
            method: 'GET',
            url: '/api/v1/rounds/2024/decisions?status=eligible&pageSize=2&page=2',
            headers: await as(),
          })
        ).json();
        expect(secondPage.items.map((d: { unitId: number }) => d.unitId)).toEqual([8]);

        const byReason = (
          await app.inject({
            method: 'GET',
            url: '/api/v1/rounds/2024/decisions?reason=DISPATCH_MUST_APPLY',
            headers: await as(),
          })
        ).json();
        expect(byReason.items.map((d: { unitId: number; status: string }) => [d.unitId, d.status])).toEqual([
          [4, 'needs_review'],
        ]);
        const rongcheng = (
          await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?region=371082', headers: await as() })
        ).json();
        expect(rongcheng.total).toBe(3);

        expect((await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions' })).statusCode).toBe(401);
        const detail = (
          await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/units/6/decision', headers: await as() })
        ).json();
        expect(detail).toMatchObject({ unitId: 6, status: 'eligible', amountFen: 6_000_000, ratioBp: 3000, baseFen: 20_000_000 });
        expect(detail.trace.find((s: { step: string }) => s.step === 'refundBase').text).toContain('未计入');
      } finally {
        await app.close();
        await store.close();
      }
    });

    it('compares two runs and answers mistakes in Chinese', async () => {
      const store = await openStore(await backend.freshConfig());
      const server = await serverOn(store);
      const { app, as } = server;
      try {
        await insertFixtureUnits(store, ROUND_POPULATION);
        const first = await screened(server);
        await store.db.updateTable('units').set({ size: 'small' }).where('id', '=', 3).execute();
        const second = await screened(server, { asOf: '2024-08-15' });
        const diff = (
          await app.inject({ method: 'GET', url: `/api/v1/screenings/${first}/diff/${second}`, headers: await as() })
        ).json();
        expect(diff.changed.map((c: { unitId: number }) => c.unitId)).toEqual([3]);

        const answers = await Promise.all([
          app.inject({ method: 'POST', url: '/api/v1/rounds/2019/screenings', payload: {}, headers: await as() }),
          app.inject({
            method: 'POST',
            url: '/api/v1/rounds/2024/screenings',
            payload: { region: '999999' },
            headers: await as(),
          }),
          app.inject({
            method: 'POST',
            url: '/api/v1/rounds/2024/screenings',
            payload: { asOf: '2025-01-02' },
            headers: await as(),
          }),
          app.inject({ method: 'GET', url: '/api/v1/screenings/99', headers: await as() }),
          app.inject({ method: 'GET', url: `/api/v1/screenings/${first}/diff/99`, headers: await as() }),
          app.inject({ method: 'GET', url: '/api/v1/rounds/2024/units/42/decision', headers: await as() }),
          app.inject({ method: 'GET', url: '/api/v1/rounds/2024/decisions?pageSize=501', headers: await as() }),
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
