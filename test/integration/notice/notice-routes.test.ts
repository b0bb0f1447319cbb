// The 公示 and review API through Fastify's inject, on both store backends: staff open and close a notice, the
// public reads it with masked credit codes and no staff names.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { noticeRoutes } from '../../../src/server/routes/notice.ts';
import { reviewRoutes } from '../../../src/server/routes/review.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';

function server(store: Store, clock: ReturnType<typeof fixedClock>): Promise<FastifyInstance> {
  return securedApp(store, clock, [
    [reviewRoutes, { store, clock }],
    [noticeRoutes, { store, clock }],
  ]);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`review and 公示 API on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('runs review and notice over HTTP, and the public list shows masked credit codes only', async () => {
      const store = await openStore(await backend.freshConfig());
      const clock = fixedClock('2024-09-27T10:00:00+08:00');
      const app = await server(store, clock);
      const maker = await staffCaller(store.db, clock, {
        username: 'zhangsan',
        displayName: '经办员张三',
        roles: ['case_worker'],
      });
      const checker = await staffCaller(store.db, clock, { username: 'lisi', displayName: '复核员李四', roles: ['reviewer'] });
      try {
        const run = await insertRun(store.db);
        const a = await insertUnitWithCase(
          store.db,
          run,
          { name: '威海甲有限公司' },
          { state: 'eligible', amountFen: 88_884, layoffRate: '0.0425' },
        );
        await insertUnitWithCase(store.db, run, { name: '荣成乙有限公司' }, { state: 'eligible', amountFen: 10_000 });

        const proposed = await app.inject({
          method: 'POST',
          url: '/api/v1/review/batches',
          payload: { round: ROUND, regionCode: '371000' },
          headers: await maker.headers(),
        });
        expect(proposed.statusCode).toBe(201);
        const { batchId } = proposed.json();
        expect(proposed.json()).toMatchObject({ unitCount: 2, totalFen: 98_884 });

        const own = await app.inject({
          method: 'POST',
          url: `/api/v1/review/batches/${batchId}/approve`,
          payload: {},
          headers: await maker.headers(),
        });
        expect(own.statusCode).toBe(403);
        expect(own.json().error.message).toContain('无权');
        const noNote = await app.inject({
          method: 'POST',
          url: `/api/v1/review/batches/${batchId}/return`,
          payload: {},
          headers: await checker.headers(),
        });
        expect(noNote.statusCode).toBe(400);
        expect(
          (
            await app.inject({
              method: 'POST',
              url: `/api/v1/review/batches/${batchId}/approve`,
              payload: {},
              headers: await checker.headers(),
            })
          ).json(),
        ).toMatchObject({ status: 'approved', unitCount: 2 });

        const opened = await app.inject({
          method: 'POST',
          url: '/api/v1/notices',
          payload: { round: ROUND, batchIds: [batchId] },
          headers: await maker.headers(),
        });
        expect(opened.statusCode).toBe(201);
        const { noticeId, lastDay } = opened.json();
        expect(lastDay).toBe('2024-10-09');

        const list = await app.inject({ method: 'GET', url: '/api/v1/public/notices' });
        expect(list.json()).toEqual([
          expect.objectContaining({ id: noticeId, status: 'open', unitCount: 2, totalYuan: '988.84' }),
        ]);
        expect(list.body).not.toContain('经办员张三');
        const items = await app.inject({
          method: 'GET',
          url: `/api/v1/public/notices/${noticeId}/items?q=${encodeURIComponent('威海')}`,
        });
        expect(items.json()).toEqual([
          {
            unitName: '威海甲有限公司',
            creditCode: expect.stringMatching(/^913710\*{8}\d{3}X$/),
            layoffRate: '4.25%',
            amountFen: 88_884,
            amountYuan: '888.84',
          },
        ]);
        expect(items.body).not.toContain(a.creditCode);

        const early = await app.inject({
          method: 'POST',
          url: `/api/v1/notices/${noticeId}/close`,
          headers: await maker.headers(),
        });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.message).toContain('2024年10月10日');
        clock.set('2024-10-10T09:00:00+08:00');
        expect(
          (await app.inject({ method: 'POST', url: `/api/v1/notices/${noticeId}/close`, headers: await maker.headers() })).json(),
        ).toEqual({ noticeId, passedCount: 2 });

        const history = await app.inject({
          method: 'GET',
          url: `/api/v1/review/cases/${ROUND}/${a.id}/history`,
          headers: await maker.headers(),
        });
        expect(history.json().map((e: { action: string }) => e.action)).toEqual([
          'propose',
          'approve',
          'publish',
          'close_notice',
        ]);

        const xlsx = await app.inject({
          method: 'GET',
          url: `/api/v1/notices/${noticeId}/export`,
          headers: await maker.headers(),
        });
        expect(xlsx.headers['content-type']).toContain('spreadsheetml');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
        expect(workbook.worksheets[0]!.rowCount).toBe(4);

        expect((await app.inject({ method: 'GET', url: '/api/v1/public/notices/999/items' })).statusCode).toBe(404);
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
