// Opting out of policy push SMS through the portals, on both store backends: a unit and a person each switch off
// 接收政策推送短信; the next push skips them as opted out; switching off again changes nothing; they switch it back on
// and the next push reaches them; each change is in the audit log under the unit's or person's own name. A case
// worker records a request made by telephone.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { CampaignAudience } from '../../../src/domain/vocabulary/risk.ts';
import { createCampaign } from '../../../src/services/campaigns/campaigns.ts';
import { changePushPreference, pushPreference } from '../../../src/services/campaigns/push-opt-outs.ts';
import { portalRoutes } from '../../../src/server/routes/portal.ts';
import { idNumberOf } from '../../support/dispatch-fixtures.ts';
import { insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';
import { pushAsCaseWorker, caseWorker, CITY, clock, HUANCUI, reviewer } from '../../support/risk-fixtures.ts';
import { insertCertificateHolder } from '../../support/skill-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { securedApp, sessionHeaders, type Headers } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';

let serial = 0;

async function notifiedUnitWithPhone(db: Kysely<Database>) {
  const unit = await insertUnitWithCase(
    db,
    await insertRun(db),
    { name: '退订测试有限公司', regionCode: HUANCUI },
    { state: 'notified', amountFen: 120_000 },
  );
  await db
    .updateTable('units')
    .set({ contact_phone_cipher: testCipher.encrypt('13806311234'), contact_phone_masked: '138****1234' })
    .where('id', '=', unit.id)
    .execute();
  return unit;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`push SMS opt-out through the portals on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    const pushNew = async (db: Kysely<Database>, audience: CampaignAudience) => {
      const { campaignId } = await createCampaign(db, {
        code: `optout-${audience.replace(/_/g, '-')}-${++serial}`,
        name: `退订测试${serial}`,
        audience,
        round: ROUND,
        cityCode: CITY,
        actor: caseWorker,
        clock,
      });
      const result = await pushAsCaseWorker(db, campaignId);
      return { campaignId, result };
    };
    const setPreference = (app: FastifyInstance, who: 'unit' | 'person', headers: Headers, receivesPush: boolean) =>
      app.inject({ method: 'POST', url: `/api/v1/${who}/me/push-preference`, payload: { receivesPush }, headers });
    const getPreference = async (app: FastifyInstance, who: 'unit' | 'person', headers: Headers) =>
      (await app.inject({ method: 'GET', url: `/api/v1/${who}/me/push-preference`, headers })).json();

    it('a unit and a person opt out in their portals, are skipped by the next push, opt back in and are reached again', () =>
      backend.withStore(async (store) => {
        const { db } = store;
        const app = await securedApp(store, clock, [[portalRoutes, { store, clock, params: projectParameters() }]]);
        try {
          const { id: unitId, creditCode } = await notifiedUnitWithPhone(db);
          const { personId } = await insertCertificateHolder(db, { idNumber: idNumberOf(7_001), issueDate: '2024-05-01' });
          const unit = await sessionHeaders(db, clock, { kind: 'unit', unitId });
          const person = await sessionHeaders(db, clock, { kind: 'person', personId });

          expect(await getPreference(app, 'unit', unit)).toEqual({ receivesPush: true, optedOutAt: null });
          for (const [who, headers] of [
            ['unit', unit],
            ['person', person],
          ] as const) {
            const off = await setPreference(app, who, headers, false);
            expect(off.statusCode).toBe(200);
            expect(off.json()).toEqual({ receivesPush: false, optedOutAt: clock.now().toISOString() });
            expect((await setPreference(app, who, headers, false)).json()).toEqual(off.json());
            expect(await getPreference(app, who, headers)).toEqual(off.json());
          }
          // Without the CSRF header the change is refused and nothing is recorded.
          const { 'x-csrf-token': _csrf, ...cookieOnly } = person;
          expect((await setPreference(app, 'person', cookieOnly, true)).statusCode).toBe(403);

          const unitsSkipped = await pushNew(db, 'units_unconfirmed');
          const personsSkipped = await pushNew(db, 'persons_skill');
          expect(unitsSkipped.result).toEqual({ targets: 1, queued: 0, skipped: { opted_out: 1 } });
          expect(personsSkipped.result).toEqual({ targets: 1, queued: 0, skipped: { opted_out: 1 } });
          expect(await db.selectFrom('sms_outbox').select('id').execute()).toEqual([]);

          for (const [who, headers] of [
            ['unit', unit],
            ['person', person],
          ] as const)
            expect((await setPreference(app, who, headers, true)).json()).toEqual({ receivesPush: true, optedOutAt: null });

          // Nothing was sent while they were opted out, so no repeat window holds the next push back.
          const unitsReached = await pushNew(db, 'units_unconfirmed');
          const personsReached = await pushNew(db, 'persons_skill');
          expect(unitsReached.result).toEqual({ targets: 1, queued: 1, skipped: {} });
          expect(personsReached.result).toEqual({ targets: 1, queued: 1, skipped: {} });
          const outbox = await db.selectFrom('sms_outbox').select(['unit_id', 'person_id']).orderBy('id').execute();
          expect(outbox).toEqual([
            { unit_id: unitId, person_id: null },
            { unit_id: null, person_id: personId },
          ]);

          const audit = await db
            .selectFrom('audit_log')
            .select(['actor', 'action', 'subject'])
            .where('action', 'in', ['campaign.opt_out', 'campaign.opt_in'])
            .orderBy('seq')
            .execute();
          expect(audit).toEqual([
            { actor: `单位:${creditCode}`, action: 'campaign.opt_out', subject: `unit:${unitId}` },
            { actor: `个人:${personId}`, action: 'campaign.opt_out', subject: `person:${personId}` },
            { actor: `单位:${creditCode}`, action: 'campaign.opt_in', subject: `unit:${unitId}` },
            { actor: `个人:${personId}`, action: 'campaign.opt_in', subject: `person:${personId}` },
          ]);
        } finally {
          await app.close();
        }
      }));

    it('a case worker records a request made by telephone; other staff may not', () =>
      backend.withStore(async ({ db }) => {
        const { id: unitId } = await notifiedUnitWithPhone(db);
        const change = { recipient: { unitId }, receivesPush: false, clock };
        await expect(changePushPreference(db, { ...change, actor: reviewer })).rejects.toMatchObject({ code: 'FORBIDDEN' });
        expect(await pushPreference(db, { unitId })).toEqual({ receivesPush: true, optedOutAt: null });
        expect(await changePushPreference(db, { ...change, actor: caseWorker })).toMatchObject({
          receivesPush: false,
          changed: true,
        });
        const recorded = await db.selectFrom('push_opt_outs').select('recorded_by').where('unit_id', '=', unitId).execute();
        expect(recorded).toEqual([{ recorded_by: caseWorker.name }]);
        await expect(
          changePushPreference(db, { recipient: { personId: 999_999 }, receivesPush: false, actor: caseWorker, clock }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }));
  });
}
