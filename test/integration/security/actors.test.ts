// Who did what: a screening started over HTTP by a signed-in case worker is recorded in that person's name — the
// run, every case it opens, their first events and the audit entries — and a download of decisions names who took it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { screeningRoutes } from '../../../src/server/routes/screening.ts';
import { insertFixtureUnits, ROUND_POPULATION } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { waitFor } from '../../support/wait-for.ts';

const WORKER = '经办员张三（zhangsan）';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`actors of started actions on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('records the case worker who started a screening and who exported its decisions', async () => {
      const store = await openStore(await backend.freshConfig());
      const clock = fixedClock('2024-08-15T01:00:00Z');
      const app = await securedApp(store, clock, [[screeningRoutes, { store, clock, params: projectParameters() }]]);
      const worker = await staffCaller(store.db, clock, {
        username: 'zhangsan',
        displayName: '经办员张三',
        roles: ['case_worker'],
      });
      expect(worker.name).toBe(WORKER);
      try {
        await insertFixtureUnits(store, ROUND_POPULATION);
        const started = await app.inject({
          method: 'POST',
          url: '/api/v1/rounds/2024/screenings',
          payload: {},
          headers: await worker.headers(),
        });
        expect(started.statusCode).toBe(202);
        const { runId } = started.json<{ runId: number }>();
        await waitFor(`筛查 ${runId} 完成`, async () => {
          const run = await store.db
            .selectFrom('screening_runs')
            .select('status')
            .where('id', '=', runId)
            .executeTakeFirstOrThrow();
          if (run.status === 'failed') throw new Error(`run ${runId} failed`);
          return run.status === 'completed' ? true : undefined;
        });

        const run = await store.db
          .selectFrom('screening_runs')
          .select('created_by')
          .where('id', '=', runId)
          .executeTakeFirstOrThrow();
        expect(run.created_by).toBe(WORKER);
        const cases = await store.db.selectFrom('refund_cases').select(['created_by', 'updated_by']).execute();
        expect(cases).toHaveLength(ROUND_POPULATION.length);
        expect(new Set(cases.flatMap((c) => [c.created_by, c.updated_by]))).toEqual(new Set([WORKER]));
        const events = await store.db.selectFrom('refund_case_events').select('actor').execute();
        expect(new Set(events.map((e) => e.actor))).toEqual(new Set([WORKER]));
        const audit = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'action'])
          .where('subject', '=', `screening_run:${runId}`)
          .orderBy('seq')
          .execute();
        expect(audit.map((a) => [a.action, a.actor])).toEqual([
          ['screening_run.start', WORKER],
          ['case.open', WORKER],
        ]);

        const exported = await app.inject({
          method: 'GET',
          url: '/api/v1/rounds/2024/decisions/export?status=eligible',
          headers: await worker.headers(),
        });
        expect(exported.statusCode).toBe(200);
        const download = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'subject', 'detail'])
          .where('action', '=', 'data.export')
          .executeTakeFirstOrThrow();
        expect(download).toMatchObject({ actor: WORKER, subject: 'refund_decisions:2024', detail: { status: 'eligible' } });
      } finally {
        await app.close();
        await store.close();
      }
    }, 120_000);
  });
}
