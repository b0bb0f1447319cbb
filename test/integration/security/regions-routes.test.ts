// GET /api/v1/regions through Fastify's inject, on both store backends: any signed-in member of staff (the system
// administrator too, who picks an account's region from it) reads the seeded regions with their parents and kinds;
// without a session the list is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { regionRoutes } from '../../../src/server/routes/regions.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`regions API on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('lists the regions with parent and kind for staff, and refuses a caller without a session', () =>
      backend.withStore(async (store) => {
        const clock = fixedClock('2024-09-27T10:00:00+08:00');
        const app = await securedApp(store, clock, [[regionRoutes, { store }]]);
        try {
          const admin = await staffCaller(store.db, clock, {
            username: 'admin',
            displayName: '系统管理员',
            roles: ['administrator'],
          });
          const worker = await staffCaller(store.db, clock, {
            username: 'zhangsan',
            roles: ['case_worker'],
            regionCode: '371002',
          });

          const listed = await app.inject({ method: 'GET', url: '/api/v1/regions', headers: await admin.headers() });
          expect(listed.statusCode).toBe(200);
          const regions = listed.json() as { code: string; name: string; parentCode: string | null; kind: string }[];
          expect(regions).toContainEqual({ code: '370000', name: '山东省', parentCode: null, kind: 'province' });
          expect(regions).toContainEqual({ code: '371000', name: '威海市', parentCode: '370000', kind: 'city' });
          expect(regions).toContainEqual({ code: '371082', name: '荣成市', parentCode: '371000', kind: 'county_city' });
          expect(regions.filter((r) => r.parentCode === '371000')).toHaveLength(7);

          expect((await app.inject({ method: 'GET', url: '/api/v1/regions', headers: await worker.headers() })).json()).toEqual(
            regions,
          );
          const anonymous = await app.inject({ method: 'GET', url: '/api/v1/regions' });
          expect(anonymous.statusCode).toBe(401);
          expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
        } finally {
          await app.close();
        }
      }));
  });
}
