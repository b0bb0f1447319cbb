// Staff sign-in with username and password (等保三级). The answer never says whether a username exists: an unknown name
// costs the same argon2 work, is counted and throttled exactly like a known one (sign-in-throttle.ts), and gets the
// same status and message at every count. Wrong passwords slow further attempts down (per username and per address)
// instead of locking the account, so no one can keep its owner out; an administrator can clear the count
// (`wengang staff unlock`, POST /accounts/:id/unlock). Every attempt, successful or not, is written to the audit trail.
import type { Kysely } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Json } from '../../domain/audit-chain.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { PasswordHasher } from '../../domain/ports/password-hasher.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { IdentityError } from './identity-error.ts';
import { openSession, type OpenedSession } from './sessions.ts';
import { clearAccount, countFailure, secondsToWait, throttleKeys } from './sign-in-throttle.ts';

/** Who an attempt with a username that is no account's is recorded as. */
export const UNKNOWN_ACTOR = '（未登记的用户名）';
/** A valid argon2id hash of no one's password, verified against when the username is unknown. */
const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$D45nLdsbhSslvJp9YwODpQ$ldZCEq5oQhRhgEACeNTn/DgA50OBDGvQTnJYldh2GPU';

export interface StaffSignIn {
  username: string;
  password: string;
  hasher: PasswordHasher;
  clock: Clock;
  /** The client's address: throttled on, and kept in the audit entry. */
  ip?: string;
}

const BAD_CREDENTIALS_MESSAGE = '用户名或密码错误';

type AttemptAction = 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.throttled' | 'auth.sign_in_refused';

/**
 * Audits an attempt. A name that is no account's is not written to the permanent log as typed (it may be a password
 * typed into the wrong field): only a digest of it, enough to see the same name tried again.
 */
async function audit(
  db: Kysely<Database>,
  username: string,
  known: boolean,
  action: AttemptAction,
  now: Date,
  detail: Record<string, Json>,
) {
  const actor = known ? username : UNKNOWN_ACTOR;
  await db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      action,
      subject: auditSubject.staffAccount(actor),
      at: now,
      detail: known ? detail : { usernameSm3: sm3Hex(username).slice(0, 16), ...detail },
    }),
  );
}

export async function signInStaff(db: Kysely<Database>, attempt: StaffSignIn): Promise<OpenedSession> {
  const now = attempt.clock.now();
  const username = attempt.username.trim().toLowerCase();
  const ip: Record<string, Json> = attempt.ip ? { ip: attempt.ip } : {};
  const keys = throttleKeys(username, attempt.ip);
  const account = await db
    .selectFrom('staff_accounts')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('username', '=', username)
    .executeTakeFirst();
  const wait = await secondsToWait(db, keys, now);
  if (wait > 0) {
    await audit(db, username, !!account, 'auth.sign_in_refused', now, { ...ip, waitSeconds: wait });
    throw new IdentityError('THROTTLED', `登录失败次数过多，请${wait}秒后再试`);
  }
  const matches = await attempt.hasher.verify(account?.password_hash ?? DECOY_HASH, attempt.password);
  if (!account || !matches) {
    const counted = await countFailure(db, keys, now);
    const action = counted.waitSeconds > 0 ? 'auth.throttled' : 'auth.sign_in_failed';
    await audit(db, username, !!account, action, now, {
      ...ip,
      failures: counted.failures,
      ...(counted.waitSeconds > 0 && { waitSeconds: counted.waitSeconds }),
    });
    throw new IdentityError('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
  }
  if (account.disabled_at) {
    await audit(db, username, true, 'auth.sign_in_failed', now, { ...ip, disabled: true });
    throw new IdentityError('DISABLED', '账号已停用，请联系系统管理员');
  }
  await clearAccount(db, username);
  await audit(db, username, true, 'auth.sign_in', now, ip);
  return openSession(db, { kind: 'staff', staffId: account.id }, now);
}
