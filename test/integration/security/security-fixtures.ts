// The real server (buildServer) on a test store, for the sign-in, session and account tests: a fixed clock the test
// moves, the recording SMS provider (to read the sign-in codes texted), and helpers that sign in the way a browser
// does — the session cookie from the sign-in answer and the CSRF token from GET /api/v1/session.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { argon2PasswordHasher } from '../../../src/adapters/crypto/argon2-password-hasher.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { maskIdNumber, maskPhone } from '../../../src/domain/masking.ts';
import type { StaffRole } from '../../../src/domain/staff-roles.ts';
import { idNumberCheckCharacter } from '../../../src/policy/identifier.ts';
import { createStaffAccount } from '../../../src/services/identity/staff-accounts.ts';
import { buildServer } from '../../../src/server/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/server/security/guard.ts';
import { recordingProvider, testCipher } from '../../support/sms-fixtures.ts';
import type { StoreBackend } from '../../support/store-backends.ts';

export const START = '2024-09-27T09:00:00+08:00';
export const MINUTE = 60_000;
export const PASSWORD = 'Weihai#2024pass';

const params = loadParameters();

export interface Harness {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  sms: ReturnType<typeof recordingProvider>;
  app: FastifyInstance;
  /** Moves the clock on by `minutes` from where it stands. */
  advance(minutes: number): void;
}

/** Opens a fresh store and the real server on it, runs `work`, and closes both. */
export async function withServer(backend: StoreBackend, work: (harness: Harness) => Promise<void>): Promise<void> {
  const store = await openStore(await backend.freshConfig());
  const clock = fixedClock(START);
  const sms = recordingProvider();
  const app = await buildServer({ params, store, clock, cipher: testCipher, sms });
  try {
    await work({ store, clock, sms, app, advance: (minutes) => clock.set(new Date(clock.now().getTime() + minutes * MINUTE)) });
  } finally {
    await app.close();
    await store.close();
  }
}

/** A staff account made as the administrator's CLI makes it (real argon2id), with PASSWORD unless told otherwise. */
export async function makeStaff(
  harness: Harness,
  spec: { username: string; displayName?: string; roles: StaffRole[]; regionCode?: string; password?: string },
) {
  return createStaffAccount(
    harness.store.db,
    {
      username: spec.username,
      displayName: spec.displayName ?? spec.username,
      roles: spec.roles,
      regionCode: spec.regionCode ?? '371000',
      password: spec.password ?? PASSWORD,
    },
    { by: '测试', hasher: argon2PasswordHasher, clock: harness.clock },
  );
}

export type Headers = Record<string, string>;

/** POST /api/v1/session/staff from an address (the rate limit counts per address). */
export function staffSignIn(app: FastifyInstance, username: string, password: string, from = '127.0.0.1') {
  return app.inject({ method: 'POST', url: '/api/v1/session/staff', payload: { username, password }, remoteAddress: from });
}

/** The cookie header a browser would send back after this sign-in answer. */
export function cookieOf(response: LightMyRequestResponse): Headers {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in the answer: ${response.statusCode} ${response.body}`);
  return { cookie: `${SESSION_COOKIE}=${cookie.value}` };
}

/** The cookie and CSRF header of a signed-in browser, read from a successful sign-in answer and GET /session. */
export async function browserOf(app: FastifyInstance, signIn: LightMyRequestResponse): Promise<Headers> {
  const cookie = cookieOf(signIn);
  const session = await app.inject({ method: 'GET', url: '/api/v1/session', headers: cookie });
  if (session.statusCode !== 200) throw new Error(`GET /session after sign-in: ${session.statusCode} ${session.body}`);
  return { ...cookie, [CSRF_HEADER]: session.json().csrfToken };
}

/** Signs a member of staff in with a password and returns the browser's headers. */
export async function signedIn(app: FastifyInstance, username: string, password = PASSWORD, from?: string): Promise<Headers> {
  return browserOf(app, await staffSignIn(app, username, password, from));
}

/** GET /api/v1/session with these headers: its status (200 while the session lives, 401 after). */
export async function sessionStatus(app: FastifyInstance, headers: Headers): Promise<number> {
  return (await app.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode;
}

export const UNIT_PHONE = '13863100001';
export const UNIT_CREDIT_CODE = '91371002MA3C100011';
export const PERSON_PHONE = '13963100002';

/** A unit with a registered contact mobile (as the agency's import leaves it). */
export async function insertUnitWithPhone(store: Store): Promise<number> {
  const { id } = await store.db
    .insertInto('units')
    .values({
      credit_code: UNIT_CREDIT_CODE,
      name: '威海海洋食品有限公司',
      org_type: 'enterprise',
      region_code: '371002',
      contact_phone_cipher: testCipher.encrypt(UNIT_PHONE),
      contact_phone_masked: maskPhone(UNIT_PHONE),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const idNumberOf = (n: number) => {
  const first17 = `37100219850101${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

/** A person with an encrypted ID number (and its blind index) and a registered mobile. */
export async function insertPersonWithPhone(store: Store, idNumber: string): Promise<number> {
  const { id } = await store.db
    .insertInto('persons')
    .values({
      id_number_index: testCipher.blindIndex(idNumber),
      id_number_cipher: testCipher.encrypt(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      name: '王小明',
      region_code: '371002',
      phone_cipher: testCipher.encrypt(PERSON_PHONE),
      phone_masked: maskPhone(PERSON_PHONE),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The audit actions recorded for a subject, oldest first. */
export async function auditActions(store: Store, subject: string): Promise<string[]> {
  const rows = await store.db.selectFrom('audit_log').select('action').where('subject', '=', subject).orderBy('seq').execute();
  return rows.map((row) => row.action);
}
