// Signed-in callers for route tests: a staff account made directly in the store (no argon2 work) and a fresh session
// for each request at the test clock's time, as the cookie and CSRF header a browser would send; and a Fastify app
// with the real security layer in front of the route plugins under test.
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/store/schema.ts';
import type { Store } from '../../src/adapters/store/open-store.ts';
import type { Clock } from '../../src/domain/ports/clock.ts';
import type { StaffRole } from '../../src/domain/staff-roles.ts';
import { openSession, type SessionSubject } from '../../src/services/identity/sessions.ts';
import { CSRF_HEADER, registerGuard, SESSION_COOKIE } from '../../src/server/security/guard.ts';
import { chineseValidationError } from '../../src/server/validation-errors.ts';

/** A syntactically valid argon2id hash no password matches (accounts made here never sign in with a password). */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export type Headers = Record<string, string>;

export interface StaffSpec {
  username: string;
  displayName?: string;
  roles: StaffRole[];
  regionCode?: string;
}

/** The headers of a new session for the subject, opened at the clock's time. */
export async function sessionHeaders(db: Kysely<Database>, clock: Clock, subject: SessionSubject): Promise<Headers> {
  const session = await openSession(db, subject, clock.now());
  return { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
}

/** Makes the account and returns a function giving headers of a fresh session (so a test may move its clock). */
export async function staffCaller(
  db: Kysely<Database>,
  clock: Clock,
  spec: StaffSpec,
): Promise<{ headers: () => Promise<Headers>; name: string }> {
  const displayName = spec.displayName ?? spec.username;
  const row = await db
    .insertInto('staff_accounts')
    .values({
      username: spec.username,
      display_name: displayName,
      roles: spec.roles,
      region_code: spec.regionCode ?? '371000',
      password_hash: NO_PASSWORD,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    headers: () => sessionHeaders(db, clock, { kind: 'staff', staffId: row.id }),
    name: `${displayName}（${spec.username}）`,
  };
}

type Plugin = [FastifyPluginAsync<never>, Record<string, unknown>];

/**
 * A server with the security layer and the given route plugins under /api/v1; as app.ts, validation never rewrites a
 * request and every refusal (Chinese validation messages included) is sent as { error: { code, message } }.
 */
export async function securedApp(store: Store, clock: Clock, plugins: Plugin[]): Promise<FastifyInstance> {
  const app = Fastify({
    ajv: {
      customOptions: {
        coerceTypes: false,
        useDefaults: false,
        removeAdditional: false,
        allowUnionTypes: true,
        strictTypes: false,
      },
    },
    schemaErrorFormatter: chineseValidationError,
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    void reply.status(error.statusCode ?? 500).send({ error: { code: error.code ?? 'ERROR', message: error.message } });
  });
  await registerGuard(app, { db: store.db, clock, secureCookies: false });
  for (const [plugin, options] of plugins)
    await app.register(plugin as FastifyPluginAsync<Record<string, unknown>>, { prefix: '/api/v1', ...options });
  return app;
}
