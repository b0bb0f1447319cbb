// Sessions: a random 256-bit token in an HttpOnly cookie, stored only as its SM3 digest, with a CSRF token
// the browser sends back in a header on every change. A session ends on sign-out, after a spell of inactivity, or at
// an absolute limit, whichever comes first. Staff: 30 minutes idle, 12 hours in all; units and persons: 15 minutes
// idle, 2 hours in all.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { SessionKind } from '../../adapters/store/schema-identity.ts';
import type { Identity } from './identity.ts';

const MINUTE_MS = 60_000;
export const SESSION_LIMITS: Readonly<Record<SessionKind, { idleMs: number; absoluteMs: number }>> = {
  staff: { idleMs: 30 * MINUTE_MS, absoluteMs: 12 * 60 * MINUTE_MS },
  unit: { idleMs: 15 * MINUTE_MS, absoluteMs: 2 * 60 * MINUTE_MS },
  person: { idleMs: 15 * MINUTE_MS, absoluteMs: 2 * 60 * MINUTE_MS },
};
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = MINUTE_MS;

export type SessionSubject =
  { kind: 'staff'; staffId: number } | { kind: 'unit'; unitId: number } | { kind: 'person'; personId: number };

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function openSession(db: Kysely<Database>, subject: SessionSubject, now: Date): Promise<OpenedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIMITS[subject.kind].absoluteMs);
  await db
    .insertInto('sessions')
    .values({
      token_hash: sm3Hex(token),
      csrf_token: csrfToken,
      kind: subject.kind,
      staff_id: subject.kind === 'staff' ? subject.staffId : null,
      unit_id: subject.kind === 'unit' ? subject.unitId : null,
      person_id: subject.kind === 'person' ? subject.personId : null,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The identity of a live session's token, or undefined (unknown, ended, idle too long, past its limit, account off). */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<Identity | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('staff_accounts as a', 'a.id', 's.staff_id')
    .leftJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('persons as p', 'p.id', 's.person_id')
    .select([
      's.id',
      's.kind',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      's.staff_id',
      's.unit_id',
      's.person_id',
      'a.username',
      'a.display_name',
      'a.roles',
      'a.region_code',
      'a.disabled_at',
      'u.credit_code',
      'u.name as unit_name',
      'p.name as person_name',
    ])
    .where('s.token_hash', '=', sm3Hex(token))
    .executeTakeFirst();
  if (!row || row.ended_at) return undefined;
  const idleUntil = row.last_seen_at.getTime() + SESSION_LIMITS[row.kind].idleMs;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleUntil) return undefined;
  if (row.kind === 'staff' && row.disabled_at) return undefined;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  const session = { sessionId: row.id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  switch (row.kind) {
    case 'staff':
      return {
        ...session,
        kind: 'staff',
        accountId: row.staff_id!,
        username: row.username!,
        displayName: row.display_name!,
        roles: row.roles!,
        regionCode: row.region_code!,
      };
    case 'unit':
      return { ...session, kind: 'unit', unitId: row.unit_id!, creditCode: row.credit_code!, unitName: row.unit_name! };
    case 'person':
      return { ...session, kind: 'person', personId: row.person_id!, name: row.person_name! };
  }
}

export async function endSession(db: Kysely<Database>, sessionId: number, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/** Ends every live session of a staff account (when it is disabled or its password is reset). */
export async function endStaffSessions(db: Kysely<Database>, staffId: number, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now }).where('staff_id', '=', staffId).where('ended_at', 'is', null).execute();
}
