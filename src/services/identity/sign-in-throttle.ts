// Throttling of staff sign-in (instead of a lock-out anyone could trigger): wrong passwords are counted per username —
// known or unknown alike, so the answers never tell them apart — and per client address. The first FREE_FAILURES cost
// nothing; each one after makes the next attempt wait twice as long as the one before (1 s, 2 s, 4 s …), up to a
// minute for a username (its owner is never kept out for long) and 15 minutes for an address (which is where
// guessing comes from). A count is forgotten FORGET_AFTER after its last failure; a successful sign-in, an
// administrator's unlock and a new password clear the username's count.
import { sql, type Kysely } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { Database } from '../../adapters/store/schema.ts';

const FREE_FAILURES = 5;
const FORGET_AFTER_MS = 15 * 60_000;
const LONGEST_WAIT_MS = { account: 60_000, address: 15 * 60_000 } as const;

type ThrottleKind = keyof typeof LONGEST_WAIT_MS;

interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

/** The username's key: its SM3 digest, so a password typed into the username field is not kept. */
function accountKey(username: string): string {
  return `account:${sm3Hex(username)}`;
}

export function throttleKeys(username: string, ip: string | undefined): ThrottleKey[] {
  return [{ kind: 'account', key: accountKey(username) }, ...(ip ? [{ kind: 'address' as const, key: `address:${ip}` }] : [])];
}

/** How long the `failures`-th failure in a row makes the next attempt wait. */
function waitAfter(kind: ThrottleKind, failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(LONGEST_WAIT_MS[kind], 1000 * 2 ** (failures - FREE_FAILURES));
}

/** Whole seconds until another attempt may be made under these keys (0: now). */
export async function secondsToWait(db: Kysely<Database>, keys: readonly ThrottleKey[], now: Date): Promise<number> {
  const rows = await db
    .selectFrom('sign_in_throttles')
    .select('blocked_until')
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  const ms = Math.max(0, ...rows.map((row) => row.blocked_until.getTime() - now.getTime()));
  return Math.ceil(ms / 1000);
}

/**
 * Counts a failure under every key, each in one statement (failures sent at the same moment all count); returns the
 * username's count and the wait it now imposes, in whole seconds.
 */
export async function countFailure(
  db: Kysely<Database>,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<{ failures: number; waitSeconds: number }> {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS);
  let account = { failures: 0, waitSeconds: 0 };
  for (const { kind, key } of keys) {
    const { failures } = await db
      .insertInto('sign_in_throttles')
      .values({ key, failures: 1, last_failed_at: now, blocked_until: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN sign_in_throttles.last_failed_at < ${forgotten} THEN 1 ELSE sign_in_throttles.failures + 1 END`,
          last_failed_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const wait = waitAfter(kind, failures);
    if (wait > 0) {
      await db
        .updateTable('sign_in_throttles')
        .set({ blocked_until: new Date(now.getTime() + wait) })
        .where('key', '=', key)
        .where('blocked_until', '<', new Date(now.getTime() + wait))
        .execute();
    }
    if (kind === 'account') account = { failures, waitSeconds: Math.ceil(wait / 1000) };
  }
  return account;
}

/** Forgets the username's failures (a successful sign-in, an administrator's unlock, a new password). */
export async function clearAccount(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('key', '=', accountKey(username)).execute();
}

/** The usernames (of those given) that must wait before their next attempt. */
export async function waitingAccounts(db: Kysely<Database>, usernames: readonly string[], now: Date): Promise<Set<string>> {
  if (!usernames.length) return new Set();
  const byKey = new Map(usernames.map((username) => [accountKey(username), username]));
  const rows = await db
    .selectFrom('sign_in_throttles')
    .select('key')
    .where('key', 'in', [...byKey.keys()])
    .where('blocked_until', '>', now)
    .execute();
  return new Set(rows.map((row) => byKey.get(row.key)!));
}
