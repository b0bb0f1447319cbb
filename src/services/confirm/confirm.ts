// The unit confirms its refund online (鲁人社发〔2024〕8号 第七条：经其确认后发放): the link from the SMS shows the
// unit, the amount and where it will be paid; a one-time code sent to the unit's mobile proves the link is in the
// right hands; confirming records the amount and account and moves the case notified → confirmed, once.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { confirmCodeText } from '../notify/templates.ts';
import {
  caseToConfirm,
  confirmationView as view,
  recordConfirmation,
  type CaseToConfirm,
  type ConfirmationView,
} from './confirm-case.ts';
import { ConfirmError } from './confirm-error.ts';
import { tokenHash } from './confirmation-links.ts';
import { checkCode, issueCode } from './one-time-code.ts';

type Executor = Transaction<Database> | Kysely<Database>;

async function linkedCase(db: Executor, token: string, now: Date, lock: boolean): Promise<CaseToConfirm> {
  const link = await db
    .selectFrom('confirmation_links')
    .select(['round', 'unit_id', 'expires_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!link) throw new ConfirmError('LINK_INVALID', '确认链接无效，请核对短信中的链接');
  if (new Date(link.expires_at).getTime() <= now.getTime()) {
    throw new ConfirmError('LINK_EXPIRED', '确认链接已过期，请致电12333联系经办机构');
  }
  const linked = await caseToConfirm(db, link.round, link.unit_id, lock);
  if (!linked) throw new ConfirmError('LINK_INVALID', '确认链接无效，请核对短信中的链接');
  return linked;
}

function codeSubject(round: string, unitId: number): string {
  return `${round}:${unitId}`;
}

/** What the link shows, without sending anything. */
export async function showConfirmation(
  db: Kysely<Database>,
  options: { token: string; clock: Clock },
): Promise<ConfirmationView> {
  return view(await linkedCase(db, options.token, options.clock.now(), false));
}

/** Shows the link's unit and amount and sends a one-time code to the unit's mobile (via the outbox). */
export async function startConfirmation(
  db: Kysely<Database>,
  options: { token: string; clock: Clock; cipher: FieldCipher },
): Promise<ConfirmationView> {
  const now = options.clock.now();
  return db.transaction().execute(async (trx) => {
    const linked = await linkedCase(trx, options.token, now, true);
    if (!linked.phoneCipher) throw new ConfirmError('NO_PHONE', '单位未登记手机号码，无法发送验证码，请致电12333');
    const { id, code } = await issueCode(trx, {
      purpose: 'confirm',
      subject: codeSubject(linked.round, linked.unitId),
      now,
      cipher: options.cipher,
    });
    await enqueueSms(trx, {
      key: `code:confirm:${id}`,
      round: linked.round,
      unitId: linked.unitId,
      phoneCipher: linked.phoneCipher,
      phoneMasked: linked.phoneMasked ?? '（未登记）',
      template: 'confirm_code',
      body: confirmCodeText(code),
      at: now,
    });
    return view(linked);
  });
}

/** Checks the code and records the confirmation; a refusal is a ConfirmError with a Chinese message. */
export async function confirm(
  db: Kysely<Database>,
  options: { token: string; code: string; clock: Clock; cipher: FieldCipher },
): Promise<ConfirmationView & { confirmedAt: string }> {
  const now = options.clock.now();
  // A wrong code must count even though the request is refused: the attempt is committed, then the error thrown.
  const outcome = await db.transaction().execute(async (trx) => {
    // The audit lock before the case row's (the transition appends to the audit log): see append-audit.ts.
    await lockAuditLog(trx);
    const linked = await linkedCase(trx, options.token, now, true);
    const refusal = await checkCode(trx, {
      purpose: 'confirm',
      subject: codeSubject(linked.round, linked.unitId),
      code: options.code,
      now,
      cipher: options.cipher,
    });
    if (refusal) return { refusal };
    await recordConfirmation(trx, linked, now);
    return { confirmed: view(linked) };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return { ...outcome.confirmed, confirmedAt: now.toISOString() };
}
