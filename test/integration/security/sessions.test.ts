// Sessions through the real server, on both store backends: a staff session ends after 30 minutes without activity,
// 12 hours after sign-in however active it was, and at sign-out; a change without the session's CSRF token is refused;
// API answers and pages carry the security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../src/server/security/guard.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { makeStaff, sessionStatus, signedIn, withServer } from './security-fixtures.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`staff sessions on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('ends after 30 idle minutes, lives on while used, and ends 12 hours after sign-in however busy', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });

        const idle = await signedIn(app, 'zhangsan');
        harness.advance(29);
        expect(await sessionStatus(app, idle)).toBe(200);
        harness.advance(25);
        expect(await sessionStatus(app, idle)).toBe(200);
        harness.advance(30);
        expect(await sessionStatus(app, idle)).toBe(401);
        const expired = await app.inject({ method: 'GET', url: '/api/v1/review/batches', headers: idle });
        expect(expired.statusCode).toBe(401);
        expect(expired.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录，或登录已过期请重新登录' });

        const busy = await signedIn(app, 'zhangsan');
        for (let elapsed = 25; elapsed < 12 * 60; elapsed += 25) {
          harness.advance(25);
          expect(await sessionStatus(app, busy)).toBe(200);
        }
        harness.advance((12 * 60) % 25);
        expect(await sessionStatus(app, busy)).toBe(401);
      }));

    it('ends at sign-out: the cookie is cleared and the old cookie no longer works', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        const browser = await signedIn(app, 'zhangsan');
        const other = await signedIn(app, 'zhangsan');

        const out = await app.inject({ method: 'POST', url: '/api/v1/session/sign-out', headers: browser });
        expect(out.statusCode).toBe(200);
        expect(out.cookies).toContainEqual(expect.objectContaining({ name: 'wengang_session', value: '' }));
        expect(await sessionStatus(app, browser)).toBe(401);
        expect((await app.inject({ method: 'GET', url: '/api/v1/review/batches', headers: browser })).statusCode).toBe(401);
        expect(await sessionStatus(app, other)).toBe(200);
      }));

    it('refuses a change that lacks the CSRF token of its own session, and lets it through with the token', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'admin', roles: ['administrator'] });
        const browser = await signedIn(app, 'admin');
        const other = await signedIn(app, 'admin');
        const create = (headers: Record<string, string>, username: string) =>
          app.inject({
            method: 'POST',
            url: '/api/v1/accounts',
            headers,
            payload: {
              username,
              displayName: '经办员',
              roles: ['case_worker'],
              regionCode: '371002',
              password: 'Strong#Pass2024',
            },
          });

        const cookieOnly = { cookie: browser.cookie! };
        for (const headers of [
          cookieOnly,
          { ...cookieOnly, [CSRF_HEADER]: 'forged' },
          { ...cookieOnly, [CSRF_HEADER]: other[CSRF_HEADER]! },
        ]) {
          const refused = await create(headers, 'jingban.a');
          expect(refused.statusCode).toBe(403);
          expect(refused.json().error).toEqual({ code: 'CSRF', message: '页面已失效，请刷新页面后重试' });
        }
        expect((await app.inject({ method: 'POST', url: '/api/v1/session/sign-out', headers: cookieOnly })).statusCode).toBe(403);
        expect(await sessionStatus(app, browser)).toBe(200);
        const list = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: cookieOnly });
        expect(list.json().map((a: { username: string }) => a.username)).toEqual(['admin']);

        expect((await create(browser, 'jingban.a')).statusCode).toBe(201);
      }));

    it('sends the security headers on API answers and on pages', () =>
      withServer(backend, async ({ app }) => {
        for (const url of ['/api/v1/session', '/', '/unit']) {
          const response = await app.inject({ method: 'GET', url });
          const csp = String(response.headers['content-security-policy']);
          expect(csp).toContain("default-src 'self'");
          expect(csp).toContain("script-src 'self'");
          expect(csp).toContain("frame-ancestors 'none'");
          expect(response.headers['x-content-type-options']).toBe('nosniff');
          expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
          expect(response.headers['referrer-policy']).toBe('no-referrer');
          expect(response.headers['strict-transport-security']).toBeUndefined();
        }
      }));

    it('answers a caller without a session 401 before looking at the body, so the schema is not revealed', () =>
      withServer(backend, async ({ app }) => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/review/batches',
          payload: { round: 'x', unknownField: 1 },
        });
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe('UNAUTHENTICATED');
        expect(response.body).not.toContain('unknownField');
      }));
  });
}
