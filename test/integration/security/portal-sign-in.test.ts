// Sign-in for the enterprise and person portals through the real server, on both store backends: a six-digit code
// texted to the mobile number the agency holds opens a unit (or person) session; a wrong code is counted; a credit
// code or ID number the agency does not know gets the very same answer and no SMS is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSubject } from '../../../src/services/audit/audit-subject.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { CODE_REFUSED } from '../../../src/services/identity/portal-sign-in.ts';
import { codeInBody } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import {
  auditActions,
  browserOf,
  idNumberOf,
  insertPersonWithPhone,
  insertUnitWithPhone,
  PERSON_PHONE,
  UNIT_CREDIT_CODE,
  UNIT_PHONE,
  withServer,
} from './security-fixtures.ts';

const UNKNOWN_CREDIT_CODE = '91371002MA3C999999';
const SENT = { message: '如该号码已在经办机构登记手机号码，验证码已发送，5分钟内有效' };

/** A wrong code: the real one with its last digit changed. */
const wrongCode = (code: string) => code.slice(0, 5) + String((Number(code[5]) + 1) % 10);

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`portal sign-in on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('texts a unit a code to its registered mobile, counts a wrong code, and opens a unit session with the right one', () =>
      withServer(backend, async (harness) => {
        const { app, store, sms } = harness;
        const unitId = await insertUnitWithPhone(store);

        const asked = await app.inject({
          method: 'POST',
          url: '/api/v1/session/unit/code',
          payload: { creditCode: UNIT_CREDIT_CODE.toLowerCase() },
        });
        expect(asked.json()).toEqual(SENT);
        await expect.poll(() => sms.delivered.length).toBe(1);
        expect(sms.delivered[0]!.to).toBe(UNIT_PHONE);
        const code = codeInBody(sms.delivered[0]!.body);
        expect(asked.body).not.toContain(code);

        const wrong = await app.inject({
          method: 'POST',
          url: '/api/v1/session/unit',
          payload: { creditCode: UNIT_CREDIT_CODE, code: wrongCode(code) },
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error).toEqual({ code: 'CODE_WRONG', message: CODE_REFUSED.message });
        const stranger = await app.inject({
          method: 'POST',
          url: '/api/v1/session/unit',
          payload: { creditCode: UNKNOWN_CREDIT_CODE, code: wrongCode(code) },
        });
        expect([stranger.statusCode, stranger.json()]).toEqual([wrong.statusCode, wrong.json()]);
        expect(wrong.cookies).toEqual([]);

        harness.advance(2);
        const right = await app.inject({
          method: 'POST',
          url: '/api/v1/session/unit',
          payload: { creditCode: UNIT_CREDIT_CODE, code },
        });
        expect(right.statusCode).toBe(200);
        expect(right.cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
        const browser = await browserOf(app, right);
        const session = await app.inject({ method: 'GET', url: '/api/v1/session', headers: browser });
        expect(session.json()).toMatchObject({ kind: 'unit', unitId, unitName: '威海海洋食品有限公司' });
        const staffOnly = await app.inject({ method: 'GET', url: '/api/v1/review/batches', headers: browser });
        expect(staffOnly.statusCode).toBe(403);
        expect(staffOnly.json().error.code).toBe('FORBIDDEN');

        const again = await app.inject({
          method: 'POST',
          url: '/api/v1/session/unit',
          payload: { creditCode: UNIT_CREDIT_CODE, code },
        });
        expect(again.statusCode).toBe(400);
        expect(again.json().error).toEqual({ code: 'CODE_WRONG', message: CODE_REFUSED.message });

        expect(await auditActions(store, auditSubject.unit(unitId))).toEqual([
          'auth.sign_in_failed',
          'auth.sign_in',
          'auth.sign_in_failed',
        ]);
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      }));

    it('answers an unknown credit code exactly as a known one and texts no one, also when asked again within a minute', () =>
      withServer(backend, async (harness) => {
        const { app, store, sms } = harness;
        await insertUnitWithPhone(store);
        const ask = (creditCode: string) =>
          app.inject({ method: 'POST', url: '/api/v1/session/unit/code', payload: { creditCode } });

        const unknown = await ask(UNKNOWN_CREDIT_CODE);
        expect([unknown.statusCode, unknown.json()]).toEqual([200, SENT]);
        expect(sms.delivered).toEqual([]);
        expect(await store.db.selectFrom('sms_outbox').select('id').execute()).toEqual([]);

        const known = await ask(UNIT_CREDIT_CODE);
        expect([known.statusCode, known.json()]).toEqual([200, SENT]);
        harness.advance(0.5);
        for (const creditCode of [UNIT_CREDIT_CODE, UNKNOWN_CREDIT_CODE]) {
          const repeated = await ask(creditCode);
          expect([repeated.statusCode, repeated.json()]).toEqual([200, SENT]);
        }
        await expect.poll(() => sms.delivered.length).toBe(1);
        expect(await store.db.selectFrom('sms_outbox').select('id').execute()).toHaveLength(1);

        const signIn = await app.inject({
          method: 'POST',
          url: '/api/v1/session/unit',
          payload: { creditCode: UNIT_CREDIT_CODE, code: codeInBody(sms.delivered[0]!.body) },
        });
        expect(signIn.statusCode).toBe(200);
      }));

    it('signs a person in by ID number with a code texted to their mobile; an unknown ID number gets the same answer and no SMS', () =>
      withServer(backend, async (harness) => {
        const { app, store, sms } = harness;
        const idNumber = idNumberOf(7);
        const personId = await insertPersonWithPhone(store, idNumber);

        const unknown = await app.inject({
          method: 'POST',
          url: '/api/v1/session/person/code',
          payload: { idNumber: idNumberOf(8) },
        });
        expect(unknown.json()).toEqual(SENT);
        expect(sms.delivered).toEqual([]);

        const asked = await app.inject({ method: 'POST', url: '/api/v1/session/person/code', payload: { idNumber } });
        expect(asked.json()).toEqual(SENT);
        await expect.poll(() => sms.delivered.map((m) => m.to)).toEqual([PERSON_PHONE]);
        const code = codeInBody(sms.delivered[0]!.body);

        const wrong = await app.inject({
          method: 'POST',
          url: '/api/v1/session/person',
          payload: { idNumber, code: wrongCode(code) },
        });
        expect(wrong.json().error.code).toBe('CODE_WRONG');
        const right = await app.inject({ method: 'POST', url: '/api/v1/session/person', payload: { idNumber, code } });
        expect(right.statusCode).toBe(200);
        const session = await app.inject({ method: 'GET', url: '/api/v1/session', headers: await browserOf(app, right) });
        expect(session.json()).toMatchObject({ kind: 'person', personId, name: '王小明' });
        expect(session.body).not.toContain(idNumber);

        expect(await auditActions(store, auditSubject.person(personId))).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
        const stored = await store.db.selectFrom('sms_codes').select(['code_hash', 'attempts']).execute();
        expect(stored).toEqual([{ code_hash: expect.not.stringContaining(code), attempts: 1 }]);
      }));
  });
}
