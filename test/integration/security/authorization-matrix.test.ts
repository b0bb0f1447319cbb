// The authorisation matrix: every API route of the real server × every kind of caller — no session, each
// staff role scoped to the city (371000) and to 环翠区 (371002), a unit, a person — for a target in 环翠区 and, where
// the route is tied to a region, one in 文登区 (371003); and every state-changing route for signed-in callers without
// its CSRF header. Each answer is judged only by the guard's verdict: 401 UNAUTHENTICATED, 403 FORBIDDEN /
// OUT_OF_SCOPE / CSRF, or through to the handler (whatever the handler then answers: 404, 409, 422 are all fine here).
// The expectations are test/support/authorization-table.ts; a route missing from it, or an entry for a route that
// does not exist, fails the first test. Runs on both store backends (PGlite always; PostgreSQL with
// TEST_DATABASE_URL), about 20 s each.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import type { PasswordHasher } from '../../../src/domain/ports/password-hasher.ts';
import { staffRoles, type StaffRole } from '../../../src/domain/staff-roles.ts';
import { buildServer } from '../../../src/server/app.ts';
import { CSRF_HEADER } from '../../../src/server/security/guard.ts';
import { CITY, IN_SCOPE, insertTargets, OUT_OF_SCOPE, type Target } from '../../support/authorization-fixtures.ts';
import { authorizationTable, type MatrixEntry } from '../../support/authorization-table.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { sessionHeaders, staffCaller, type Headers } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';

type Verdict = 'passed' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'OUT_OF_SCOPE' | 'CSRF';

interface Caller {
  label: string;
  kind: 'anonymous' | 'staff' | 'unit' | 'person';
  role?: StaffRole;
  /** A district account (scoped to 环翠区), which the guard keeps to its district. */
  district?: boolean;
  headers(): Promise<Headers>;
}

interface Check {
  route: string;
  entry: MatrixEntry;
  caller: Caller;
  target: 'in' | 'out';
  withoutCsrf: boolean;
  expected: Verdict;
}

/** Passwords without the work of argon2id: the matrix only needs the account routes to reach their handlers. */
const plainHasher: PasswordHasher = {
  hash: async (password) => `$argon2id$plain$${password}`,
  verify: async (hash, password) => hash === `$argon2id$plain$${password}`,
};

/** The guard's verdict on an answer: one of its refusals, or through to the handler (which must not have crashed). */
function verdictOf(response: LightMyRequestResponse): { verdict: Verdict | 'server error'; seen: string } {
  const json = String(response.headers['content-type'] ?? '').includes('application/json');
  const code = json ? (response.json() as { error?: { code?: string } }).error?.code : undefined;
  const seen = `${response.statusCode}${code ? ` ${code}` : ''}`;
  if (response.statusCode === 401 && code === 'UNAUTHENTICATED') return { verdict: code, seen };
  if (response.statusCode === 403 && (code === 'FORBIDDEN' || code === 'OUT_OF_SCOPE' || code === 'CSRF'))
    return { verdict: code, seen };
  if (response.statusCode === 500) return { verdict: 'server error', seen };
  return { verdict: 'passed', seen };
}

/** What the table says the guard must answer this caller. */
function expectedVerdict(entry: MatrixEntry, caller: Caller, target: 'in' | 'out'): Verdict {
  if (entry.allowed === 'public') return caller.kind === 'anonymous' ? (entry.anonymousAnswer ?? 'passed') : 'passed';
  switch (caller.kind) {
    case 'anonymous':
      return 'UNAUTHENTICATED';
    case 'unit':
      return entry.allowed.unit ? 'passed' : 'FORBIDDEN';
    case 'person':
      return entry.allowed.person ? 'passed' : 'FORBIDDEN';
    case 'staff': {
      if (!entry.allowed.staff.includes(caller.role!)) return 'FORBIDDEN';
      const outside = entry.touches === 'all' || (entry.touches === 'region' && target === 'out');
      return caller.district && outside ? 'OUT_OF_SCOPE' : 'passed';
    }
  }
}

/** Every check of the matrix: each route × caller for the in-scope target, staff also for the out-of-scope one, and
 *  each state-changing route by its first allowed caller (a city account where staff may call it) without the CSRF
 *  header. */
function checksOf(callers: readonly Caller[]): Check[] {
  const checks: Check[] = [];
  for (const [route, entry] of Object.entries(authorizationTable)) {
    for (const caller of callers) {
      checks.push({ route, entry, caller, target: 'in', withoutCsrf: false, expected: expectedVerdict(entry, caller, 'in') });
      if (entry.touches === 'region' && caller.kind === 'staff') {
        checks.push({ route, entry, caller, target: 'out', withoutCsrf: false, expected: expectedVerdict(entry, caller, 'out') });
      }
    }
    if (entry.allowed !== 'public' && !route.startsWith('GET ')) {
      const caller = callers.find((c) => expectedVerdict(entry, c, 'in') === 'passed' && !c.district)!;
      checks.push({ route, entry, caller, target: 'in', withoutCsrf: true, expected: 'CSRF' });
    }
  }
  return checks;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`authorisation matrix on ${backend.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let targets: { in: Target; out: Target };
    let checks: Check[];
    const registered: string[] = [];
    let requests = 0;

    beforeAll(async () => {
      await backend.setup();
      store = await openStore(await backend.freshConfig());
      const clock = fixedClock('2024-09-27T10:00:00+08:00');
      app = await buildServer({
        params: loadParameters(),
        store,
        clock,
        cipher: testCipher,
        hasher: plainHasher,
        onRoute: (route) => {
          // HEAD answers mirror their GET route (same config, same guard).
          for (const method of [route.method].flat())
            if (method !== 'HEAD' && route.url.startsWith('/api/')) registered.push(`${method} ${route.url}`);
        },
      });
      targets = await insertTargets(store.db);
      const callers: Caller[] = [{ label: 'no session', kind: 'anonymous', headers: async () => ({}) }];
      for (const regionCode of [CITY, IN_SCOPE]) {
        for (const role of staffRoles) {
          const account = await staffCaller(store.db, clock, {
            username: `matrix.${role}.${regionCode}`,
            roles: [role],
            regionCode,
          });
          callers.push({
            label: `${role}@${regionCode}`,
            kind: 'staff',
            role,
            district: regionCode !== CITY,
            headers: account.headers,
          });
        }
      }
      callers.push({
        label: `unit@${IN_SCOPE}`,
        kind: 'unit',
        headers: () => sessionHeaders(store.db, clock, { kind: 'unit', unitId: targets.in.unitId }),
      });
      callers.push({
        label: `person@${IN_SCOPE}`,
        kind: 'person',
        headers: () => sessionHeaders(store.db, clock, { kind: 'person', personId: targets.in.personId }),
      });
      checks = checksOf(callers);
    });

    afterAll(async () => {
      await app?.close();
      await store?.close();
      await backend.teardown();
    });

    /** Runs the checks in order; returns a line per answer that is not the expected verdict. */
    async function run(selected: readonly Check[]): Promise<string[]> {
      const wrong: string[] = [];
      for (const check of selected) {
        const method = check.route.slice(0, check.route.indexOf(' '));
        const request = check.entry.request(targets[check.target]);
        const headers: Headers = { ...(await check.caller.headers()), ...request.headers };
        if (check.withoutCsrf) delete headers[CSRF_HEADER];
        const n = ++requests;
        const response = await app.inject({
          method: method as 'GET' | 'POST',
          url: request.url,
          payload: request.payload,
          headers,
          // A different address each time, so the sign-in routes' rate limits never answer in the guard's place.
          remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        });
        const { verdict, seen } = verdictOf(response);
        if (verdict !== check.expected) {
          const target = check.target === 'out' ? ` for a target in ${OUT_OF_SCOPE}` : '';
          const csrf = check.withoutCsrf ? ` without ${CSRF_HEADER}` : '';
          wrong.push(
            `${check.route} — ${check.caller.label}${target}${csrf}: expected ${check.expected}, got ${verdict} (${seen})`,
          );
        }
      }
      return wrong;
    }

    it('has an entry for every API route and no entry for a route that does not exist', () => {
      expect(registered.length).toBeGreaterThan(0);
      const tableRoutes = Object.keys(authorizationTable);
      expect({
        routesWithoutEntry: registered.filter((route) => !tableRoutes.includes(route)),
        entriesWithoutRoute: tableRoutes.filter((route) => !registered.includes(route)),
      }).toEqual({ routesWithoutEntry: [], entriesWithoutRoute: [] });
    });

    // Refusals first: they change nothing, so every target still leads its scope resolver to its district.
    it('refuses callers without a session, roles and kinds not allowed, other districts, and missing CSRF headers', async () => {
      expect(await run(checks.filter((check) => check.expected !== 'passed'))).toEqual([]);
    });

    it('lets every allowed caller through to the handler', async () => {
      expect(await run(checks.filter((check) => check.expected === 'passed'))).toEqual([]);
    });
  });
}
