// Sign-in, the current session and sign-out:
//   POST /session/staff            {username, password}        staff (argon2id, lock-out after 5 failures)
//   POST /session/unit/code        {creditCode}                texts a sign-in code to the unit's registered mobile
//   POST /session/unit             {creditCode, code}
//   POST /session/person/code      {idNumber}
//   POST /session/person           {idNumber, code}
//   GET  /session                  who is signed in, and the CSRF token to send as x-csrf-token
//   POST /session/sign-out
//   POST /session/password         {current, next}             staff change their own password
// Sign-in and code requests are rate-limited per address. Register with { prefix: '/api/v1' }.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { PasswordHasher } from '../../domain/ports/password-hasher.ts';
import type { SmsProvider } from '../../domain/ports/sms-provider.ts';
import { staffRoleLabels } from '../../domain/staff-roles.ts';
import { staffName, type Identity } from '../../services/identity/identity.ts';
import { IdentityError } from '../../services/identity/identity-error.ts';
import { requestSignInCode, signInWithCode } from '../../services/identity/portal-sign-in.ts';
import { endSession, type OpenedSession } from '../../services/identity/sessions.ts';
import { changeOwnPassword } from '../../services/identity/staff-accounts.ts';
import { signInStaff } from '../../services/identity/staff-sign-in.ts';
import { deliverDueSms } from '../../services/notify/outbox.ts';
import { fail } from '../replies.ts';
import { ALL_STAFF, PUBLIC } from '../security/access.ts';
import { SESSION_COOKIE } from '../security/guard.ts';
import { staffOf } from '../security/request-identity.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  codeRequested,
  passwordBody,
  passwordChanged,
  personCodeBody,
  personSignInBody,
  session,
  signedIn,
  signedOut,
  staffSignInBody,
  unitCodeBody,
  unitSignInBody,
} from '../schemas/session.ts';
import { withZod } from '../zod-routes.ts';

export interface SessionRouteOptions {
  store: Store;
  clock: Clock;
  cipher: FieldCipher;
  hasher: PasswordHasher;
  sms?: SmsProvider;
  secureCookies: boolean;
}

const signInLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const codeLimit = { rateLimit: { max: 5, timeWindow: '1 minute' } };
const tags = ['session'];

/** The unit's credit code or the person's identity number a portal sign-in names. */
function identifierOf(body: { creditCode: string } | { idNumber: string }): string {
  return 'creditCode' in body ? body.creditCode : body.idNumber;
}

/** What the browser learns of a session: who it is and the CSRF token. */
function describe(identity: Identity) {
  const common = { csrfToken: identity.csrfToken, expiresAt: identity.expiresAt.toISOString() };
  switch (identity.kind) {
    case 'staff':
      return {
        ...common,
        kind: identity.kind,
        username: identity.username,
        displayName: identity.displayName,
        name: staffName(identity),
        roles: identity.roles,
        roleNames: identity.roles.map((role) => staffRoleLabels[role]),
        regionCode: identity.regionCode,
      };
    case 'unit':
      return { ...common, kind: identity.kind, unitId: identity.unitId, unitName: identity.unitName };
    case 'person':
      return { ...common, kind: identity.kind, personId: identity.personId, name: identity.name };
  }
}

export async function sessionRoutes(plugin: FastifyInstance, options: SessionRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    clock,
    cipher,
    hasher,
    sms,
  } = options;
  /** Code deliveries still under way; the server waits for them before it closes the store. */
  const delivering = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(delivering);
  });
  function deliverInBackground(delivery: Promise<unknown>, log: FastifyBaseLogger) {
    const tracked = delivery
      .catch((error: unknown) => log.error({ err: error }, '登录验证码短信发送失败'))
      .finally(() => delivering.delete(tracked));
    delivering.add(tracked);
  }

  function setCookie(reply: FastifyReply, session: OpenedSession) {
    // Max-Age (relative) rather than Expires (an instant): a browser whose clock differs from the server's keeps the
    // cookie for the session's lifetime all the same; the server enforces the expiry itself.
    const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - clock.now().getTime()) / 1000));
    void reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      maxAge,
    });
    return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }

  app.post(
    '/session/staff',
    {
      config: { access: PUBLIC, ...signInLimit },
      schema: {
        summary: '工作人员以用户名和密码登录（连续错误5次后，再次登录须等待的时间逐次延长；答复不区分用户名是否存在）',
        tags,
        body: staffSignInBody,
        response: { 200: signedIn, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const session = await signInStaff(db, { ...request.body, hasher, clock, ip: request.ip });
        return setCookie(reply, session);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [kind, label, codeBody, signInBody] of [
    ['unit', '单位以统一社会信用代码', unitCodeBody, unitSignInBody],
    ['person', '个人以公民身份号码', personCodeBody, personSignInBody],
  ] as const) {
    app.post(
      `/session/${kind}/code`,
      {
        config: { access: PUBLIC, ...codeLimit },
        schema: {
          summary: `${label}获取登录短信验证码（发送到经办机构登记的手机号码）`,
          tags,
          body: codeBody,
          response: { 200: codeRequested, ...refusals },
        },
      },
      async (request, reply) => {
        try {
          const sent = await requestSignInCode(db, { kind, identifier: identifierOf(request.body), clock, cipher });
          // Delivered after answering: waiting for the gateway would make a known identifier answer slower than an unknown one.
          if (sms) deliverInBackground(deliverDueSms({ db, provider: sms, cipher, clock, limit: 10 }), request.log);
          return sent;
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );

    app.post(
      `/session/${kind}`,
      {
        config: { access: PUBLIC, ...signInLimit },
        schema: { summary: `${label}和短信验证码登录`, tags, body: signInBody, response: { 200: signedIn, ...refusals } },
      },
      async (request, reply) => {
        try {
          const session = await signInWithCode(db, {
            kind,
            identifier: identifierOf(request.body),
            code: request.body.code,
            clock,
            cipher,
            ip: request.ip,
          });
          return setCookie(reply, session);
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.get(
    '/session',
    {
      config: { access: PUBLIC },
      schema: { summary: '当前登录身份（含提交操作时须带上的 x-csrf-token）', tags, response: { 200: session } },
    },
    async (request, reply) => {
      if (!request.identity) return fail(reply, 401, 'UNAUTHENTICATED', '未登录或登录已过期');
      return describe(request.identity);
    },
  );

  app.post(
    '/session/sign-out',
    {
      config: { access: { staff: ALL_STAFF, unit: true, person: true } },
      schema: { summary: '退出登录', tags, response: { 200: signedOut } },
    },
    async (request, reply) => {
      await endSession(db, request.identity!.sessionId, clock.now());
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: true } as const;
    },
  );

  app.post(
    '/session/password',
    {
      config: { access: { staff: ALL_STAFF }, ...signInLimit },
      schema: {
        summary: '工作人员修改自己的密码（修改后须重新登录）',
        tags,
        body: passwordBody,
        response: { 200: passwordChanged, ...refusals },
      },
    },
    async (request, reply) => {
      const me = staffOf(request);
      try {
        await changeOwnPassword(db, me.accountId, request.body.current, request.body.next, { by: staffName(me), hasher, clock });
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { changed: true } as const;
      } catch (error) {
        // A mistyped current password leaves the session as it is: 400, since a 401 tells the browser it is signed out.
        if (error instanceof IdentityError && error.code === 'BAD_CREDENTIALS')
          return fail(reply, 400, error.code, error.message);
        return sendRefusal(reply, error);
      }
    },
  );
}
