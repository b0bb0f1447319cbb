// One-time SMS codes (sms_codes): 6 digits, valid 5 minutes, 5 tries, at most one new code per 60 seconds per
// subject. Only a keyed digest of the code is stored (the FieldCipher's blind index), so a copy of the table does
// not give the codes away, not even by trying all million.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { ConfirmError } from './confirm-error.ts';

export const CODE_VALID_MS = 5 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_INTERVAL_MS = 60_000;

type Executor = Transaction<Database> | Kysely<Database>;

interface CodeScope {
  purpose: string;
  subject: string;
  now: Date;
  cipher: FieldCipher;
}

function digest(scope: CodeScope, code: string): string {
  return scope.cipher.blindIndex(`sms-code:${scope.purpose}:${scope.subject}:${code}`);
}

function latestCode(db: Executor, scope: CodeScope) {
  return db
    .selectFrom('sms_codes')
    .select(['id', 'code_hash', 'attempts', 'created_at', 'expires_at', 'used_at'])
    .where('purpose', '=', scope.purpose)
    .where('subject', '=', scope.subject)
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** Stores a new code and returns it (for the SMS); refuses within 60 seconds of the previous one. */
export async function issueCode(db: Executor, scope: CodeScope): Promise<{ id: number; code: string }> {
  const previous = await latestCode(db, scope);
  if (previous) {
    const wait = Math.ceil((new Date(previous.created_at).getTime() + CODE_INTERVAL_MS - scope.now.getTime()) / 1000);
    if (wait > 0) throw new ConfirmError('CODE_TOO_SOON', `验证码发送过于频繁，请${wait}秒后再试`);
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = await db
    .insertInto('sms_codes')
    .values({
      purpose: scope.purpose,
      subject: scope.subject,
      code_hash: digest(scope, code),
      created_at: scope.now,
      expires_at: new Date(scope.now.getTime() + CODE_VALID_MS),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

/** Checks a code against the latest one issued: undefined when it matches (the code is then used up), else why not. */
export async function checkCode(db: Executor, scope: CodeScope & { code: string }): Promise<ConfirmError | undefined> {
  const latest = await latestCode(db, scope);
  if (!latest || latest.used_at) return new ConfirmError('CODE_MISSING', '请先获取短信验证码');
  if (new Date(latest.expires_at).getTime() <= scope.now.getTime())
    return new ConfirmError('CODE_EXPIRED', '验证码已过期，请重新获取');
  if (latest.attempts >= CODE_MAX_ATTEMPTS) return new ConfirmError('CODE_LOCKED', '验证码输入错误次数过多，请重新获取验证码');
  const given = Buffer.from(digest(scope, scope.code.trim()));
  const stored = Buffer.from(latest.code_hash);
  if (given.length === stored.length && timingSafeEqual(given, stored)) {
    await db.updateTable('sms_codes').set({ used_at: scope.now }).where('id', '=', latest.id).execute();
    return undefined;
  }
  const attempts = latest.attempts + 1;
  await db.updateTable('sms_codes').set({ attempts }).where('id', '=', latest.id).execute();
  if (attempts >= CODE_MAX_ATTEMPTS) return new ConfirmError('CODE_LOCKED', '验证码输入错误次数过多，请重新获取验证码');
  return new ConfirmError('CODE_WRONG', `验证码错误，还可尝试${CODE_MAX_ATTEMPTS - attempts}次`);
}
