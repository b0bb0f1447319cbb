// The server's security layer (等保三级): security headers, the session cookie, CSRF protection, rate limits
// on sign-in, and the access check of every API route against its `config.access` declaration (access.ts).
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { resolveSession } from '../../services/identity/sessions.ts';
import { fail } from '../replies.ts';
import type { Access, TouchedRegions } from './access.ts';
import { loadRegionTree, withinScope, type RegionTree } from './staff-scope.ts';

export const SESSION_COOKIE = 'wengang_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  db?: Kysely<Database>;
  clock: Clock;
  /** Marks the session cookie Secure (serve over HTTPS in production). */
  secureCookies: boolean;
  /** The agency's jurisdiction, the whole data set (default Weihai, 371000). */
  agencyRegion?: string;
}

const DEFAULT_AGENCY_REGION = '371000';

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function allows(access: Access, request: FastifyRequest): boolean {
  const identity = request.identity!;
  switch (identity.kind) {
    case 'staff':
      return (access.staff ?? []).some((role) => identity.roles.includes(role));
    case 'unit':
      return access.unit === true;
    case 'person':
      return access.person === true;
  }
}

/** Session, role and CSRF: before the body is validated, so an unauthorised caller learns nothing of the schema. */
async function checkIdentity(request: FastifyRequest, reply: FastifyReply) {
  const access = request.routeOptions.config.access;
  if (!access || access.public) return;
  const identity = request.identity;
  if (!identity) return fail(reply, 401, 'UNAUTHENTICATED', '请先登录，或登录已过期请重新登录');
  if (!allows(access, request)) return fail(reply, 403, 'FORBIDDEN', '您的账号无权进行此操作');
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, identity.csrfToken)) {
      return fail(reply, 403, 'CSRF', '页面已失效，请刷新页面后重试');
    }
  }
}

/** Region scope: after validation, since the resolver reads the validated URL, query or body. */
async function checkScope(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Kysely<Database> | undefined,
  tree: RegionTree | undefined,
) {
  const access = request.routeOptions.config.access;
  const identity = request.identity;
  if (!access?.scope || identity?.kind !== 'staff' || !db || !tree) return;
  const touched = await access.scope(request, db);
  if (!withinScope(tree, identity.regionCode, touched)) {
    return fail(reply, 403, 'OUT_OF_SCOPE', '超出您账号的管辖地区，无权查看或办理');
  }
}

/** Registers the layer; with a store it reads the region tree now, so a wrong agency region stops the start. */
export async function registerGuard(app: FastifyInstance, options: GuardOptions): Promise<void> {
  const { db, clock } = options;
  const regionTree = db && (await loadRegionTree(db, options.agencyRegion ?? DEFAULT_AGENCY_REGION));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    hsts: options.secureCookies,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // The plugin throws what this returns: an error with a status and code, which the app's error handler answers as
    // { error: { code, message } } like every other refusal.
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`操作过于频繁，请${Math.ceil(context.ttl / 1000)}秒后再试`), {
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
      }),
  });
  app.decorateRequest('identity', undefined);
  app.decorateRequest('withinScope', async function withinScopeOf(this: FastifyRequest, touched: TouchedRegions) {
    const identity = this.identity;
    return identity?.kind === 'staff' && regionTree !== undefined && withinScope(regionTree, identity.regionCode, touched);
  });

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no config.access (see src/server/security/access.ts)`);
    }
  });

  // Only API calls read (and keep alive) the session: pages, scripts and fonts do not.
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (db && token && request.url.startsWith('/api/')) request.identity = await resolveSession(db, token, clock.now());
  });
  app.addHook('preValidation', async (request, reply) => checkIdentity(request, reply));
  app.addHook('preHandler', async (request, reply) => checkScope(request, reply, db, regionTree));
}
