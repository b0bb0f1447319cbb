// The confirmation API through Fastify's inject on both store backends: a unit confirms through its texted link and
// code without signing in; signed-in staff see who has not confirmed and the SMS outbox without message bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { notifyPassedCases } from '../../../src/services/notify/notify-passed.ts';
import { deliverDueSms } from '../../../src/services/notify/outbox.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { confirmationRoutes } from '../../../src/server/routes/confirmation.ts';
import { codeInBody, recordingProvider, seedCases, testCipher, tokenInBody, UNITS } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`confirmation API on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('lets a unit confirm through its link and a texted code, and shows staff who has not confirmed', async () => {
      const store = await openStore(await backend.freshConfig());
      const clock = fixedClock('2024-09-27T02:00:00Z');
      const provider = recordingProvider();
      const app = await securedApp(store, clock, [[confirmationRoutes, { store, clock, cipher: testCipher, provider }]]);
      const worker = await staffCaller(store.db, clock, {
        username: 'zhangsan',
        displayName: '经办员张三',
        roles: ['case_worker'],
      });
      try {
        const ids = await seedCases(store.db);
        await notifyPassedCases(store.db, { round: '2024', clock, cipher: testCipher, baseUrl: 'https://wengang.example.cn' });
        await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
        const token = tokenInBody(provider.delivered[0]!.body);

        const shown = await app.inject({ method: 'GET', url: `/api/v1/confirm/${token}` });
        expect(shown.statusCode).toBe(200);
        expect(shown.json()).toMatchObject({
          unitName: UNITS[0]!.name,
          amountYuan: '12,345.67',
          payTo: '单位对公账户 **** **** **** 2345',
        });
        expect(provider.delivered).toHaveLength(2);

        const unknown = await app.inject({ method: 'GET', url: `/api/v1/confirm/${'A'.repeat(43)}` });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toEqual({ error: { code: 'LINK_INVALID', message: '确认链接无效，请核对短信中的链接' } });

        const sent = await app.inject({ method: 'POST', url: `/api/v1/confirm/${token}/code` });
        expect(sent.statusCode).toBe(200);
        expect(sent.json()).toMatchObject({ codeSentTo: '138****0001' });
        const code = codeInBody(provider.delivered.at(-1)!.body);
        const tooSoon = await app.inject({ method: 'POST', url: `/api/v1/confirm/${token}/code` });
        expect(tooSoon.statusCode).toBe(429);

        const wrong = await app.inject({
          method: 'POST',
          url: `/api/v1/confirm/${token}`,
          payload: { code: code === '000000' ? '111111' : '000000' },
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.code).toBe('CODE_WRONG');
        const ok = await app.inject({ method: 'POST', url: `/api/v1/confirm/${token}`, payload: { code } });
        expect(ok.statusCode).toBe(200);
        expect(ok.json()).toMatchObject({ unitName: UNITS[0]!.name, confirmedAt: '2024-09-27T02:00:00.000Z' });
        const again = await app.inject({ method: 'POST', url: `/api/v1/confirm/${token}`, payload: { code } });
        expect(again.statusCode).toBe(409);
        expect(again.json().error.message).toBe('您单位已确认本次稳岗返还，无需重复确认');

        expect((await app.inject({ method: 'GET', url: '/api/v1/rounds/2024/unconfirmed' })).statusCode).toBe(401);
        const unconfirmed = await app.inject({
          method: 'GET',
          url: '/api/v1/rounds/2024/unconfirmed',
          headers: await worker.headers(),
        });
        expect(unconfirmed.json().map((u: { unitId: number }) => u.unitId)).toEqual([ids[1]]);
        expect(
          (await app.inject({ method: 'GET', url: '/api/v1/rounds/1999/unconfirmed', headers: await worker.headers() }))
            .statusCode,
        ).toBe(404);

        const outbox = await app.inject({
          method: 'GET',
          url: '/api/v1/sms/outbox?status=sent',
          headers: await worker.headers(),
        });
        const rows = outbox.json() as Record<string, unknown>[];
        expect(rows.map((r) => r.template).sort()).toEqual(['confirm_code', 'refund_notice', 'refund_notice']);
        expect(rows.every((r) => !('body' in r) && !JSON.stringify(r).includes(token))).toBe(true);
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
