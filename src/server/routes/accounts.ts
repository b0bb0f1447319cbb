// Staff accounts, for the system administrator: list, create (roles that may be held together, a region
// scope, a strong password), disable or enable, unlock, reset a password. An administrator manages only accounts
// within their own region. Register with { prefix: '/api/v1' }.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { PasswordHasher } from '../../domain/ports/password-hasher.ts';
import { staffName } from '../../services/identity/identity.ts';
import {
  changeStaffAccount,
  createStaffAccount,
  listStaffAccounts,
  setStaffPassword,
  type AccountAction,
} from '../../services/identity/staff-accounts.ts';
import { staff } from '../security/access.ts';
import { staffOf } from '../security/request-identity.ts';
import { byParam, regionFilter, touched } from '../security/scopes.ts';
import { sendRefusal } from '../route-helpers.ts';
import { accountParams, newAccountBody, passwordBody, passwordReset, staffAccount } from '../schemas/accounts.ts';
import { refusals } from '../schemas/common.ts';
import { withZod } from '../zod-routes.ts';
import { z } from 'zod';

export interface AccountRouteOptions {
  store: Store;
  clock: Clock;
  hasher: PasswordHasher;
}

const tags = ['accounts'];
const ADMIN = ['administrator'] as const;
const accountInUrl = byParam('id', touched.regionOfStaffAccount);

export async function accountRoutes(plugin: FastifyInstance, options: AccountRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    clock,
    hasher,
  } = options;
  const by = (request: FastifyRequest) => staffName(staffOf(request));

  app.get(
    '/accounts',
    {
      config: staff(ADMIN),
      schema: { summary: '工作人员账号列表（本管辖地区内）', tags, response: { 200: z.array(staffAccount) } },
    },
    async (request) => {
      const accounts = await listStaffAccounts(db, clock);
      const visible = await Promise.all(accounts.map((account) => request.withinScope([account.regionCode])));
      return accounts.filter((_, i) => visible[i]);
    },
  );

  app.post(
    '/accounts',
    {
      config: staff(ADMIN, regionFilter('body', 'regionCode')),
      schema: {
        summary: '新建工作人员账号（不相容岗位不能由同一账号担任；密码至少10位且含三类字符）',
        tags,
        body: newAccountBody,
        response: { 201: staffAccount, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await createStaffAccount(db, request.body, { by: by(request), hasher, clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [action, summary] of [
    ['disable', '停用账号（并结束其全部登录）'],
    ['enable', '启用账号'],
    ['unlock', '解除因密码错误造成的锁定'],
  ] as const) {
    app.post(
      `/accounts/:id/${action}`,
      {
        config: staff(ADMIN, accountInUrl),
        schema: { summary, tags, params: accountParams, response: { 200: staffAccount, ...refusals } },
      },
      async (request, reply) => {
        try {
          return await changeStaffAccount(db, Number(request.params.id), action as AccountAction, {
            by: by(request),
            clock,
            byAccountId: staffOf(request).accountId,
          });
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.post(
    '/accounts/:id/password',
    {
      config: staff(ADMIN, accountInUrl),
      schema: {
        summary: '重置账号密码（并结束其全部登录）',
        tags,
        params: accountParams,
        body: passwordBody,
        response: { 200: passwordReset, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        await setStaffPassword(db, Number(request.params.id), request.body.password, { by: by(request), hasher, clock });
        return { reset: true as const };
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
