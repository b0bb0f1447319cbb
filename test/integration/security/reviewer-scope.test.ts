// Regional scope, through the real server on both store backends: a reviewer scoped to 环翠区 (371002) signs in
// with a password and approves a review batch of units in 371002, and is refused a batch of units in 文登区 (371003),
// which stays proposed for a reviewer whose scope covers it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { staffCaller } from '../../support/staff-session.ts';
import { makeStaff, signedIn, withServer } from './security-fixtures.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`reviewer region scope on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('lets a 371002 reviewer approve a batch of 371002 units and refuses them a batch of 371003 units', () =>
      withServer(backend, async (harness) => {
        const { app, store, clock } = harness;
        const run = await insertRun(store.db);
        const huancui = await insertUnitWithCase(
          store.db,
          run,
          { name: '威海环翠甲有限公司', regionCode: '371002' },
          { state: 'eligible', amountFen: 120_000 },
        );
        const wendeng = await insertUnitWithCase(
          store.db,
          run,
          { name: '文登乙有限公司', regionCode: '371003' },
          { state: 'eligible', amountFen: 80_000 },
        );
        const maker = await staffCaller(store.db, clock, {
          username: 'jingban',
          displayName: '经办员张三',
          roles: ['case_worker'],
          regionCode: '371000',
        });
        const propose = async (unitId: number) => {
          const answer = await app.inject({
            method: 'POST',
            url: '/api/v1/review/batches',
            headers: await maker.headers(),
            payload: { round: ROUND, unitIds: [unitId] },
          });
          expect(answer.statusCode).toBe(201);
          return answer.json().batchId as number;
        };
        const inHuancui = await propose(huancui.id);
        const inWendeng = await propose(wendeng.id);

        await makeStaff(harness, {
          username: 'fuhe.huancui',
          displayName: '环翠区复核员赵六',
          roles: ['reviewer'],
          regionCode: '371002',
        });
        const reviewer = await signedIn(app, 'fuhe.huancui');

        const approved = await app.inject({
          method: 'POST',
          url: `/api/v1/review/batches/${inHuancui}/approve`,
          headers: reviewer,
          payload: {},
        });
        expect(approved.statusCode).toBe(200);
        expect(approved.json()).toMatchObject({ status: 'approved', unitCount: 1 });

        const refused = await app.inject({
          method: 'POST',
          url: `/api/v1/review/batches/${inWendeng}/approve`,
          headers: reviewer,
          payload: {},
        });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error).toEqual({ code: 'OUT_OF_SCOPE', message: '超出您账号的管辖地区，无权查看或办理' });
        const returned = await app.inject({
          method: 'POST',
          url: `/api/v1/review/batches/${inWendeng}/return`,
          headers: reviewer,
          payload: { note: '退回' },
        });
        expect(returned.json().error.code).toBe('OUT_OF_SCOPE');

        const history = await app.inject({
          method: 'GET',
          url: `/api/v1/review/cases/${ROUND}/${huancui.id}/history`,
          headers: reviewer,
        });
        expect(history.json()).toContainEqual(
          expect.objectContaining({ action: 'approve', actor: '环翠区复核员赵六（fuhe.huancui）' }),
        );
        const proposed = await app.inject({
          method: 'GET',
          url: `/api/v1/review/batches?round=${ROUND}&status=proposed`,
          headers: await maker.headers(),
        });
        expect(proposed.json().map((b: { id: number }) => b.id)).toEqual([inWendeng]);

        const cityReviewer = await staffCaller(store.db, clock, { username: 'fuhe', roles: ['reviewer'], regionCode: '371000' });
        const cityApproved = await app.inject({
          method: 'POST',
          url: `/api/v1/review/batches/${inWendeng}/approve`,
          headers: await cityReviewer.headers(),
          payload: {},
        });
        expect(cityApproved.json()).toMatchObject({ status: 'approved' });
      }));
  });
}
