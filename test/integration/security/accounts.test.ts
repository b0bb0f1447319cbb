// Staff accounts through the real server, on both store backends: the system administrator creates accounts (roles
// that may be held together, a strong password, a region within their own), disables and enables them (disabling
// ends the account's sessions); each member of staff changes their own password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../support/store-backends.ts';
import { staffCaller } from '../../support/staff-session.ts';
import { makeStaff, PASSWORD, sessionStatus, signedIn, staffSignIn, withServer, type Harness } from './security-fixtures.ts';

const NEW_PASSWORD = 'Haibin@2024new';

function createAccount(
  harness: Harness,
  headers: Record<string, string>,
  account: { username: string; roles: string[]; regionCode?: string; password?: string },
) {
  return harness.app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    headers,
    payload: { displayName: '新同事', regionCode: '371002', password: NEW_PASSWORD, ...account },
  });
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`staff accounts on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('lets an administrator create an account that signs in, and refuses incompatible roles, weak passwords and a taken username', () =>
      withServer(backend, async (harness) => {
        const { app, store, clock } = harness;
        const admin = await staffCaller(store.db, clock, {
          username: 'admin',
          displayName: '系统管理员',
          roles: ['administrator'],
        });

        const created = await createAccount(harness, await admin.headers(), { username: 'Jingban.Li', roles: ['case_worker'] });
        expect(created.statusCode).toBe(201);
        expect(created.json()).toMatchObject({
          username: 'jingban.li',
          roles: ['case_worker'],
          regionCode: '371002',
          regionName: '环翠区',
          locked: false,
          disabled: false,
        });
        expect(created.body).not.toContain(NEW_PASSWORD);
        expect((await staffSignIn(app, 'jingban.li', NEW_PASSWORD)).statusCode).toBe(200);
        const audit = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'subject'])
          .where('action', '=', 'account.create')
          .execute();
        expect(audit).toEqual([{ actor: '系统管理员（admin）', subject: 'staff_account:jingban.li' }]);

        const incompatible = await createAccount(harness, await admin.headers(), {
          username: 'both',
          roles: ['case_worker', 'reviewer'],
        });
        expect(incompatible.statusCode).toBe(400);
        expect(incompatible.json().error).toEqual({
          code: 'INVALID',
          message: '「经办员」与「复核员」为不相容岗位，不能由同一账号担任',
        });
        expect(
          (await createAccount(harness, await admin.headers(), { username: 'fuhe.caiwu', roles: ['reviewer', 'finance'] }))
            .statusCode,
        ).toBe(201);

        for (const [password, message] of [
          ['Short#1a', '密码至少10位'],
          ['alllowercase123', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
          ['Weak@wangwu1', '密码不能包含用户名'],
        ]) {
          const weak = await createAccount(harness, await admin.headers(), { username: 'wangwu', roles: ['finance'], password });
          expect(weak.statusCode).toBe(400);
          expect(weak.json().error.message).toBe(message);
        }
        const taken = await createAccount(harness, await admin.headers(), { username: 'jingban.li', roles: ['finance'] });
        expect(taken.statusCode).toBe(409);
        expect(taken.json().error.message).toBe('用户名 jingban.li 已被使用');

        const list = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: await admin.headers() });
        expect(list.json().map((a: { username: string }) => a.username)).toEqual(['admin', 'jingban.li', 'fuhe.caiwu']);
      }));

    it('keeps a district administrator to accounts within their district, and others out of account administration', () =>
      withServer(backend, async (harness) => {
        const { app, store, clock } = harness;
        const cityAdmin = await staffCaller(store.db, clock, {
          username: 'admin',
          roles: ['administrator'],
          regionCode: '371000',
        });
        const districtAdmin = await staffCaller(store.db, clock, {
          username: 'admin.huancui',
          roles: ['administrator'],
          regionCode: '371002',
        });
        const wendeng = await makeStaff(harness, { username: 'jingban.wendeng', roles: ['case_worker'], regionCode: '371003' });

        const outside = await createAccount(harness, await districtAdmin.headers(), {
          username: 'jingban.a',
          roles: ['case_worker'],
          regionCode: '371003',
        });
        expect(outside.statusCode).toBe(403);
        expect(outside.json().error).toEqual({ code: 'OUT_OF_SCOPE', message: '超出您账号的管辖地区，无权查看或办理' });
        expect(
          (
            await createAccount(harness, await districtAdmin.headers(), {
              username: 'jingban.b',
              roles: ['case_worker'],
              regionCode: '371002',
            })
          ).statusCode,
        ).toBe(201);

        const disable = await app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${wendeng.id}/disable`,
          headers: await districtAdmin.headers(),
        });
        expect(disable.json().error.code).toBe('OUT_OF_SCOPE');
        const districtList = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: await districtAdmin.headers() });
        expect(districtList.json().map((a: { username: string }) => a.username)).toEqual(['admin.huancui', 'jingban.b']);
        const cityList = await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: await cityAdmin.headers() });
        expect(cityList.json()).toHaveLength(4);

        const worker = await staffCaller(store.db, clock, { username: 'jingban', roles: ['case_worker'] });
        const notAdmin = await createAccount(harness, await worker.headers(), { username: 'jingban.c', roles: ['case_worker'] });
        expect(notAdmin.statusCode).toBe(403);
        expect(notAdmin.json().error.code).toBe('FORBIDDEN');
        expect((await app.inject({ method: 'GET', url: '/api/v1/accounts' })).statusCode).toBe(401);
      }));

    it('ends the sessions of an account when it is disabled and refuses its sign-in until it is enabled again', () =>
      withServer(backend, async (harness) => {
        const { app, store, clock } = harness;
        const admin = await staffCaller(store.db, clock, { username: 'admin', roles: ['administrator'] });
        const target = await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        const sessions = [await signedIn(app, 'zhangsan'), await signedIn(app, 'zhangsan')];

        const disabled = await app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${target.id}/disable`,
          headers: await admin.headers(),
        });
        expect(disabled.json()).toMatchObject({ username: 'zhangsan', disabled: true });
        for (const session of sessions) expect(await sessionStatus(app, session)).toBe(401);
        const refused = await staffSignIn(app, 'zhangsan', PASSWORD);
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error).toEqual({ code: 'DISABLED', message: '账号已停用，请联系系统管理员' });

        await app.inject({ method: 'POST', url: `/api/v1/accounts/${target.id}/enable`, headers: await admin.headers() });
        expect((await staffSignIn(app, 'zhangsan', PASSWORD)).statusCode).toBe(200);

        const adminId = (
          await store.db.selectFrom('staff_accounts').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
        ).id;
        const self = await app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${adminId}/disable`,
          headers: await admin.headers(),
        });
        expect(self.statusCode).toBe(400);
        expect(self.json().error.message).toBe('不能停用自己的账号');
      }));

    it('lets a member of staff change their own password: a wrong current one is refused without signing them out, and the change ends their sessions', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        const browser = await signedIn(app, 'zhangsan');
        const change = (current: string, next: string) =>
          app.inject({ method: 'POST', url: '/api/v1/session/password', headers: browser, payload: { current, next } });

        const wrong = await change('Wrong#pass2024', NEW_PASSWORD);
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.message).toBe('当前密码不正确');
        expect(await sessionStatus(app, browser)).toBe(200);
        const weak = await change(PASSWORD, 'password');
        expect(weak.statusCode).toBe(400);
        expect(weak.json().error.message).toBe('密码至少10位');

        const changed = await change(PASSWORD, NEW_PASSWORD);
        expect(changed.json()).toEqual({ changed: true });
        expect(await sessionStatus(app, browser)).toBe(401);
        expect((await staffSignIn(app, 'zhangsan', PASSWORD)).statusCode).toBe(401);
        expect((await staffSignIn(app, 'zhangsan', NEW_PASSWORD)).statusCode).toBe(200);
      }));

    it("lets an administrator reset a member of staff's password, which ends their sessions", () =>
      withServer(backend, async (harness) => {
        const { app, store, clock } = harness;
        const admin = await staffCaller(store.db, clock, { username: 'admin', roles: ['administrator'] });
        const target = await makeStaff(harness, { username: 'zhangsan', roles: ['case_worker'] });
        const browser = await signedIn(app, 'zhangsan');

        const weak = await app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${target.id}/password`,
          headers: await admin.headers(),
          payload: { password: 'zhangsan2024' },
        });
        expect(weak.statusCode).toBe(400);
        expect(await sessionStatus(app, browser)).toBe(200);
        const reset = await app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${target.id}/password`,
          headers: await admin.headers(),
          payload: { password: NEW_PASSWORD },
        });
        expect(reset.json()).toEqual({ reset: true });
        expect(await sessionStatus(app, browser)).toBe(401);
        expect((await staffSignIn(app, 'zhangsan', NEW_PASSWORD)).statusCode).toBe(200);
      }));
  });
}
