// The certificate registry as a case worker queries it over HTTP, on both store backends: by certificate number in the
// URL, and by the holder's ID number only in the request body — an ID number in a URL would stay in proxies and access
// logs, so the query string refuses it. A district case worker reaches holders of their own district only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { skillSubsidyRoutes } from '../../../src/server/routes/skill-subsidy.ts';
import { IN_SCOPE, insertTargets } from '../../support/authorization-fixtures.ts';
import { testCipher } from '../../support/sealed-accounts.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`certificate look-up on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('finds a holder’s certificates from an ID number in the body, never in the URL, within the worker’s district', () =>
      backend.withStore(async (store) => {
        const clock = fixedClock('2024-09-27T10:00:00+08:00');
        const app = await securedApp(store, clock, [
          [skillSubsidyRoutes, { store, clock, params: projectParameters(), cipher: testCipher }],
        ]);
        try {
          const targets = await insertTargets(store.db);
          const district = await staffCaller(store.db, clock, {
            username: 'huancui',
            roles: ['case_worker'],
            regionCode: IN_SCOPE,
          });
          const headers = await district.headers();
          const byHolder = (idNumber: string) =>
            app.inject({ method: 'POST', url: '/api/v1/certificates/by-holder', headers, payload: { idNumber } });

          const own = await byHolder(targets.in.idNumber);
          expect(own.statusCode).toBe(200);
          expect(own.json()).toEqual([expect.objectContaining({ number: `MATRIX-${IN_SCOPE}`, level: 3 })]);
          expect((await byHolder(targets.out.idNumber)).statusCode).toBe(403);
          const malformed = await byHolder('12345');
          expect(malformed.statusCode).toBe(400);
          expect(malformed.json().error.message).toContain('公民身份号码应为18位');

          const inUrl = await app.inject({ method: 'GET', url: `/api/v1/certificates?idNumber=${targets.in.idNumber}`, headers });
          expect(inUrl.statusCode).toBe(400);
          const byNumber = await app.inject({ method: 'GET', url: `/api/v1/certificates?number=MATRIX-${IN_SCOPE}`, headers });
          expect(byNumber.statusCode).toBe(200);
          expect(byNumber.json()).toMatchObject({ number: `MATRIX-${IN_SCOPE}`, verified: expect.any(Boolean) });
        } finally {
          await app.close();
        }
      }));
  });
}
