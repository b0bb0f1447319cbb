// Staff sign-in with username and password (issue 7). Five wrong passwords in a row lock the account for 15 minutes;
// the answer never says whether the username exists (an unknown name costs the same argon2 work as a known one).
// Every attempt, successful or not, is written to the audit trail.
import type { Kysely } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { PasswordHasher } from '../../domain/ports/password-hasher.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { IdentityError } from './identity-error.ts';
import { openSession, type OpenedSession } from './sessions.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MS = 15 * 60_000;
/** A valid argon2id hash of no one's password, verified against when the username is unknown. */
/** Who an attempt with a username that is no account's is recorded as. */
export const UNKNOWN_ACTOR = '（未登记的用户名）';
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$D45nLdsbhSslvJp9YwODpQ$ldZCEq5oQhRhgEACeNTn/DgA50OBDGvQTnJYldh2GPU';

export interface StaffSignIn {
  username: string;
  password: string;
  hasher: PasswordHasher;
  clock: Clock;
  /** The client's address, kept in the audit entry. */
  ip?: string;
}

const badCredentials = () => new IdentityError('BAD_CREDENTIALS', `用户名或密码错误（连续错误${MAX_FAILED_ATTEMPTS}次将锁定账号）`);

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

async function audit(db: Kysely<Database>, username: string, action: 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.locked', now: Date, ip?: string) {
  await db.transaction().execute((trx) => appendAudit(trx, {
    actor: username, action, subject: auditSubject.staffAccount(username), detail: ip ? { ip } : null, at: now,
  }));
}

/**
 * A name that is no account's is not written to the permanent log as typed (it may be a password typed into the wrong
 * field): only a digest of it, enough to see the same name tried again.
 */
async function auditUnknown(db: Kysely<Database>, username: string, now: Date, ip?: string) {
  await db.transaction().execute((trx) => appendAudit(trx, {
    actor: UNKNOWN_ACTOR, action: 'auth.sign_in_failed', subject: auditSubject.staffAccount(UNKNOWN_ACTOR), at: now,
    detail: { usernameSm3: sm3Hex(username).slice(0, 16), ...(ip && { ip }) },
  }));
}

/** Counts a wrong password in one statement (concurrent attempts each count) and locks at the limit. */
async function countFailure(db: Kysely<Database>, accountId: number, now: Date): Promise<boolean> {
  const { failed_attempts: failures } = await db.updateTable('staff_accounts')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', accountId).returning('failed_attempts').executeTakeFirstOrThrow();
  if (failures < MAX_FAILED_ATTEMPTS) return false;
  await db.updateTable('staff_accounts').set({ failed_attempts: 0, locked_until: new Date(now.getTime() + LOCK_MS) })
    .where('id', '=', accountId).where('failed_attempts', '>=', MAX_FAILED_ATTEMPTS).execute();
  return true;
}

export async function signInStaff(db: Kysely<Database>, attempt: StaffSignIn): Promise<OpenedSession> {
  const now = attempt.clock.now();
  const username = attempt.username.trim().toLowerCase();
  const account = await db.selectFrom('staff_accounts')
    .select(['id', 'password_hash', 'locked_until', 'disabled_at'])
    .where('username', '=', username).executeTakeFirst();
  if (!account) {
    await attempt.hasher.verify(DECOY_HASH, attempt.password);
    await auditUnknown(db, username, now, attempt.ip);
    throw badCredentials();
  }
  if (account.locked_until && account.locked_until.getTime() > now.getTime()) {
    await audit(db, username, 'auth.sign_in_failed', now, attempt.ip);
    throw new IdentityError('LOCKED', `密码错误次数过多，账号已锁定，请${minutesLeft(account.locked_until, now)}分钟后再试或联系系统管理员解锁`);
  }
  const matches = await attempt.hasher.verify(account.password_hash, attempt.password);
  if (!matches) {
    const locks = await countFailure(db, account.id, now);
    await audit(db, username, locks ? 'auth.locked' : 'auth.sign_in_failed', now, attempt.ip);
    if (locks) throw new IdentityError('LOCKED', `密码连续错误${MAX_FAILED_ATTEMPTS}次，账号已锁定${LOCK_MS / 60_000}分钟`);
    throw badCredentials();
  }
  if (account.disabled_at) {
    await audit(db, username, 'auth.sign_in_failed', now, attempt.ip);
    throw new IdentityError('DISABLED', '账号已停用，请联系系统管理员');
  }
  await db.updateTable('staff_accounts').set({ failed_attempts: 0, locked_until: null }).where('id', '=', account.id).execute();
  await audit(db, username, 'auth.sign_in', now, attempt.ip);
  return openSession(db, { kind: 'staff', staffId: account.id }, now);
}
