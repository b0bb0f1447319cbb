// Staff sign-in through the real server, on both store backends: a password account made as the administrator makes
// it (argon2id) signs in and gets an HttpOnly, SameSite=Strict cookie; wrong passwords never say whether the username
// exists, five in a row lock the account for 15 minutes; every attempt is audited in the hash chain; sign-in is
// rate-limited per address.
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
        await makeStaff(harness, { username: 'zhangsan', displayName: '经办员张三', roles: ['case_worker'], regionCode: '371002' });
        const stored = await store.db.selectFrom('staff_accounts').select('password_hash').where('username', '=', 'zhangsan').executeTakeFirstOrThrow();
        expect(stored.password_hash).toMatch(/^\$argon2id\$/);
        expect(stored.password_hash).not.toContain(PASSWORD);

        const answer = await staffSignIn(app, 'ZhangSan ', PASSWORD);
        expect(answer.statusCode).toBe(200);
        expect(answer.body).not.toContain(answer.cookies[0]!.value);
        const cookie = answer.cookies.find((c) => c.name === SESSION_COOKIE)!;
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
        expect(String(answer.headers['set-cookie'])).toMatch(/HttpOnly/);

        const session = await app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
        expect(session.json()).toMatchObject({
          kind: 'staff', username: 'zhangsan', name: '经办员张三（zhangsan）', roles: ['case_worker'], roleNames: ['经办员'], regionCode: '371002',
          csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
        });
        expect(await sessionStatus(app, {})).toBe(401);
        expect(await auditActions(store, subject)).toEqual(['account.create', 'auth.sign_in']);
      }));

    it('counts wrong passwords sent all at once: ten at the same moment still lock the account', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'lisi', roles: ['reviewer'] });
        const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => staffSignIn(app, 'lisi', `Wrong#burst${i}`, `10.0.1.${i}`)));
        expect(burst.filter((r) => r.statusCode === 423).length).toBeGreaterThan(0);
        expect((await staffSignIn(app, 'lisi', PASSWORD, '10.0.1.99')).statusCode).toBe(423);
      }));

    it('refuses a wrong password and an unknown username alike, locks after five failures, and lets the account in again 15 minutes later', () =>
      withServer(backend, async (harness) => {
        const { app, store } = harness;
        await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });

        const unknown = await staffSignIn(app, 'nobody', PASSWORD);
        const wrong = await staffSignIn(app, 'zhangsan', 'Wrong#pass2024');
        expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
        expect(wrong.json()).toEqual(unknown.json());
        expect(wrong.json().error.message).toBe('用户名或密码错误（连续错误5次将锁定账号）');
        expect(wrong.cookies).toEqual([]);

        for (let i = 2; i <= 4; i++) expect((await staffSignIn(app, 'zhangsan', `Wrong#pass${i}`)).statusCode).toBe(401);
        const fifth = await staffSignIn(app, 'zhangsan', 'Wrong#pass5');
        expect(fifth.statusCode).toBe(423);
        expect(fifth.json().error).toEqual({ code: 'LOCKED', message: '密码连续错误5次，账号已锁定15分钟' });

        harness.advance(10);
        const rightButLocked = await staffSignIn(app, 'zhangsan', PASSWORD);
        expect(rightButLocked.statusCode).toBe(423);
        expect(rightButLocked.json().error.message).toBe('密码错误次数过多，账号已锁定，请5分钟后再试或联系系统管理员解锁');
        expect(rightButLocked.cookies).toEqual([]);

        harness.advance(5);
        const after = await staffSignIn(app, 'zhangsan', PASSWORD);
        expect(after.statusCode).toBe(200);

        expect(await auditActions(store, subject)).toEqual([
          'account.create', 'auth.sign_in_failed', 'auth.sign_in_failed', 'auth.sign_in_failed', 'auth.sign_in_failed', 'auth.locked',
          'auth.sign_in_failed', 'auth.sign_in',
        ]);
        expect(await auditActions(store, auditSubject.staffAccount(UNKNOWN_ACTOR))).toEqual(['auth.sign_in_failed']);
        expect(await auditActions(store, auditSubject.staffAccount('nobody'))).toEqual([]);
        const failed = await store.db.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'auth.sign_in_failed').where('subject', '=', subject).executeTakeFirstOrThrow();
        expect(failed).toEqual({ actor: 'zhangsan', detail: { ip: '127.0.0.1' } });
        expect(JSON.stringify(await store.db.selectFrom('audit_log').select('detail').execute())).not.toContain('Wrong#pass');
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      }));

    it("clears a lock when an administrator unlocks the account, and the administrator's unlock is audited", () =>
      withServer(backend, async (harness) => {
        const { app, store } = harness;
        const locked = await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        await makeStaff(harness, { username: 'admin', displayName: '系统管理员', roles: ['administrator'] });
        for (let i = 1; i <= 5; i++) await staffSignIn(app, 'zhangsan', `Wrong#pass${i}`, '10.0.0.7');
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.0.0.7')).statusCode).toBe(423);
        const list = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: await signedIn(app, 'admin') });
        expect(list.json()).toContainEqual(expect.objectContaining({ username: 'zhangsan', locked: true }));

        const admin = await signedIn(app, 'admin');
        const unlock = await app.inject({ method: 'POST', url: `/api/v1/accounts/${locked.id}/unlock`, headers: admin });
        expect(unlock.statusCode).toBe(200);
        expect(unlock.json()).toMatchObject({ username: 'zhangsan', locked: false });
        expect((await staffSignIn(app, 'zhangsan', PASSWORD, '10.0.0.7')).statusCode).toBe(200);

        const unlocked = await store.db.selectFrom('audit_log').select('actor').where('action', '=', 'account.unlock').executeTakeFirstOrThrow();
        expect(unlocked.actor).toBe('系统管理员（admin）');
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      }));

    it('answers the 11th sign-in attempt within a minute from one address with 429 in Chinese, and not other addresses', () =>
      withServer(backend, async ({ app }) => {
        for (let i = 1; i <= 10; i++) expect((await staffSignIn(app, 'nobody', `Wrong#pass${i}`, '10.0.0.9')).statusCode).toBe(401);
        const eleventh = await staffSignIn(app, 'nobody', 'Wrong#pass11', '10.0.0.9');
        expect(eleventh.statusCode).toBe(429);
        expect(eleventh.json().error).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^操作过于频繁，请\d+秒后再试$/) });
        expect((await staffSignIn(app, 'nobody', 'Wrong#pass12', '10.0.0.10')).statusCode).toBe(401);
      }));
  });
}
