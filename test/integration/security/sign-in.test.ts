// Staff sign-in through the real server, on both store backends: a password account made as the administrator makes
// it (argon2id) signs in and gets an HttpOnly, SameSite=Strict cookie; wrong passwords never say whether the username
// exists, at any count; after five, further attempts wait longer and longer (per username, a minute at most, and per
// address) instead of a lock-out; an administrator lifts the wait; every attempt is audited in the hash chain; sign-in
// is rate-limited per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSubject } from '../../../src/services/audit/audit-subject.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { SESSION_COOKIE } from '../../../src/server/security/guard.ts';
import { UNKNOWN_ACTOR } from '../../../src/services/identity/staff-sign-in.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { auditActions, makeStaff, PASSWORD, sessionStatus, signedIn, staffSignIn, withServer } from './security-fixtures.ts';

const subject = auditSubject.staffAccount('zhangsan');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`staff sign-in on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('signs in with a password into an HttpOnly, SameSite=Strict session that names the account, its roles and a CSRF token', () =>
      withServer(backend, async (harness) => {
        const { app, store } = harness;
        await makeStaff(harness, {
          username: 'zhangsan',
          displayName: '经办员张三',
          roles: ['case_worker'],
          regionCode: '371002',
        });
        const stored = await store.db
          .selectFrom('staff_accounts')
          .select('password_hash')
          .where('username', '=', 'zhangsan')
          .executeTakeFirstOrThrow();
        expect(stored.password_hash).toMatch(/^\$argon2id\$/);
        expect(stored.password_hash).not.toContain(PASSWORD);

        const answer = await staffSignIn(app, 'ZhangSan ', PASSWORD);
        expect(answer.statusCode).toBe(200);
        expect(answer.body).not.toContain(answer.cookies[0]!.value);
        const cookie = answer.cookies.find((c) => c.name === SESSION_COOKIE)!;
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
        expect(String(answer.headers['set-cookie'])).toMatch(/HttpOnly/);

        const session = await app.inject({
          method: 'GET',
          url: '/api/v1/session',
          headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
        });
        expect(session.json()).toMatchObject({
          kind: 'staff',
          username: 'zhangsan',
          name: '经办员张三（zhangsan）',
          roles: ['case_worker'],
          roleNames: ['经办员'],
          regionCode: '371002',
          csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
        });
        expect(await sessionStatus(app, {})).toBe(401);
        expect(await auditActions(store, subject)).toEqual(['account.create', 'auth.sign_in']);
      }));

    it('counts wrong passwords sent all at once: eight at the same moment make the next attempt wait, from any address', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'lisi', roles: ['reviewer'] });
        const burst = await Promise.all(
          Array.from({ length: 8 }, (_, i) => staffSignIn(app, 'lisi', `Wrong#burst${i}`, `10.0.1.${i}`)),
        );
        expect(burst.map((r) => r.statusCode)).toEqual(Array(8).fill(401));
        const waiting = await staffSignIn(app, 'lisi', PASSWORD, '10.0.1.99');
        expect([waiting.statusCode, waiting.json().error.code]).toEqual([429, 'THROTTLED']);
        harness.advance(1);
        expect((await staffSignIn(app, 'lisi', PASSWORD, '10.0.1.99')).statusCode).toBe(200);
      }));

    it('answers a known and an unknown username alike at every count, and makes both wait alike after five failures', () =>
      withServer(backend, async (harness) => {
        const { app, store } = harness;
        await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        const both = async (password: string) => [
          await staffSignIn(app, 'zhangsan', password, '10.0.0.1'),
          await staffSignIn(app, 'nobody', password, '10.0.0.2'),
        ];
        for (let failure = 1; failure <= 6; failure++) {
          const [known, unknown] = await both(`Wrong#pass${failure}`);
          expect([known!.statusCode, known!.json()]).toEqual([
            401,
            { error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } },
          ]);
          expect([unknown!.statusCode, unknown!.json()]).toEqual([known!.statusCode, known!.json()]);
          expect(known!.cookies).toEqual([]);
          if (failure < 5) continue;
          // From the fifth failure on, the next attempt waits (1 s, then 2 s), even with the right password.
          const [knownAgain, unknownAgain] = await both(PASSWORD);
          const wait = failure === 5 ? 1 : 2;
          expect([knownAgain!.statusCode, knownAgain!.json()]).toEqual([
            429,
            { error: { code: 'THROTTLED', message: `登录失败次数过多，请${wait}秒后再试` } },
          ]);
          expect([unknownAgain!.statusCode, unknownAgain!.json()]).toEqual([knownAgain!.statusCode, knownAgain!.json()]);
          harness.advance(1);
        }
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.0.0.1')).statusCode).toBe(200);

        const refused = [
          'auth.sign_in_failed',
          'auth.sign_in_failed',
          'auth.sign_in_failed',
          'auth.sign_in_failed',
          'auth.throttled',
          'auth.sign_in_refused',
          'auth.throttled',
          'auth.sign_in_refused',
        ];
        expect(await auditActions(store, subject)).toEqual(['account.create', ...refused, 'auth.sign_in']);
        expect(await auditActions(store, auditSubject.staffAccount(UNKNOWN_ACTOR))).toEqual(refused);
        expect(await auditActions(store, auditSubject.staffAccount('nobody'))).toEqual([]);
        const details = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'action', 'detail'])
          .where('subject', '=', subject)
          .where('action', 'like', 'auth.%')
          .orderBy('seq')
          .execute();
        expect(details.slice(0, 1)).toEqual([
          { actor: 'zhangsan', action: 'auth.sign_in_failed', detail: { ip: '10.0.0.1', failures: 1 } },
        ]);
        expect(details[4]).toEqual({
          actor: 'zhangsan',
          action: 'auth.throttled',
          detail: { ip: '10.0.0.1', failures: 5, waitSeconds: 1 },
        });
        expect(details[5]).toEqual({
          actor: 'zhangsan',
          action: 'auth.sign_in_refused',
          detail: { ip: '10.0.0.1', waitSeconds: 1 },
        });
        expect(JSON.stringify(await store.db.selectFrom('audit_log').select('detail').execute())).not.toContain('Wrong#pass');
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      }));

    it('keeps the owner out for a minute at most, however many addresses guess at the account', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        for (let i = 1; i <= 12; i++) {
          expect((await staffSignIn(app, 'zhangsan', `Wrong#guess${i}`, `10.2.0.${i}`)).statusCode).toBe(401);
          harness.advance(1);
        }
        expect((await staffSignIn(app, 'zhangsan', 'Wrong#guess13', '10.2.0.13')).statusCode).toBe(401);
        const owner = await staffSignIn(app, 'zhangsan', PASSWORD, '10.9.9.9');
        expect([owner.statusCode, owner.json().error.message]).toEqual([429, '登录失败次数过多，请60秒后再试']);
        harness.advance(1);
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.9.9.9')).statusCode).toBe(200);
      }));

    it("lets an administrator lift the wait on an account at once, and the administrator's unlock is audited", () =>
      withServer(backend, async (harness) => {
        const { app, store } = harness;
        const waiting = await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        await makeStaff(harness, { username: 'admin', displayName: '系统管理员', roles: ['administrator'] });
        for (let i = 1; i <= 6; i++) await staffSignIn(app, 'zhangsan', `Wrong#pass${i}`, '10.0.0.7');
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.0.0.8')).statusCode).toBe(429);
        const list = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: await signedIn(app, 'admin') });
        expect(list.json()).toContainEqual(expect.objectContaining({ username: 'zhangsan', locked: true }));

        const admin = await signedIn(app, 'admin');
        const unlock = await app.inject({ method: 'POST', url: `/api/v1/accounts/${waiting.id}/unlock`, headers: admin });
        expect(unlock.statusCode).toBe(200);
        expect(unlock.json()).toMatchObject({ username: 'zhangsan', locked: false });
        // The account's wait is lifted; the guessing address (10.0.0.7) still waits its own.
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.0.0.8')).statusCode).toBe(200);
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.0.0.7')).statusCode).toBe(429);

        const unlocked = await store.db
          .selectFrom('audit_log')
          .select('actor')
          .where('action', '=', 'account.unlock')
          .executeTakeFirstOrThrow();
        expect(unlocked.actor).toBe('系统管理员（admin）');
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      }));

    it('answers the 11th sign-in attempt within a minute from one address with 429 in Chinese, and not other addresses', () =>
      withServer(backend, async ({ app, advance }) => {
        // The application's clock moves on past each wait; the rate limit counts real time.
        for (let i = 1; i <= 10; i++) {
          expect((await staffSignIn(app, 'nobody', `Wrong#pass${i}`, '10.0.0.9')).statusCode).toBe(401);
          advance(1);
        }
        const eleventh = await staffSignIn(app, 'nobody', 'Wrong#pass11', '10.0.0.9');
        expect(eleventh.statusCode).toBe(429);
        expect(eleventh.json().error).toEqual({
          code: 'TOO_MANY_REQUESTS',
          message: expect.stringMatching(/^操作过于频繁，请\d+秒后再试$/),
        });
        expect((await staffSignIn(app, 'nobody', 'Wrong#pass12', '10.0.0.10')).statusCode).toBe(401);
      }));
  });
}
