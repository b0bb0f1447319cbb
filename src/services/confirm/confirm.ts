// The unit confirms its refund online (鲁人社发〔2024〕8号 第七条：经其确认后发放): the link from the SMS shows the
// unit, the amount and where it will be paid; a one-time code sent to the unit's mobile proves the link is in the
// right hands; confirming records the amount and account and moves the case notified → confirmed, once.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { maskBankAccount } from '../../domain/masking.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName, applyCaseTransition } from '../round/case-transitions.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { confirmCodeText } from '../notify/templates.ts';
import { ConfirmError } from './confirm-error.ts';
import { tokenHash } from './confirmation-links.ts';
import { checkCode, issueCode } from './one-time-code.ts';

const payToLabels = { corporate_account: '单位对公账户', contribution_account: '单位社会保险费缴费账户' } as const;

export interface ConfirmationView {
  round: string;
  unitName: string;
  amountFen: Fen;
  amountYuan: string;
  payTo: string;
  phoneMasked: string | null;
}

type Executor = Transaction<Database> | Kysely<Database>;

interface LinkedCase extends ConfirmationView {
  unitId: number;
  creditCode: string;
  state: string;
  phoneCipher: Buffer | null;
  account: string;
}

async function linkedCase(db: Executor, token: string, now: Date, lock: boolean): Promise<LinkedCase> {
  const link = await db.selectFrom('confirmation_links').select(['round', 'unit_id', 'expires_at'])
    .where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!link) throw new ConfirmError('LINK_INVALID', '确认链接无效，请核对短信中的链接');
  if (new Date(link.expires_at).getTime() <= now.getTime()) {
    throw new ConfirmError('LINK_EXPIRED', '确认链接已过期，请致电12333联系经办机构');
  }
  let query = db.selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
    .select(['c.state', 'c.amount_fen', 'u.name', 'u.credit_code', 'u.contact_phone_cipher', 'u.contact_phone_masked',
      'u.corporate_account', 'u.contribution_account', 'd.pay_to'])
    .where('c.round', '=', link.round)
    .where('c.unit_id', '=', link.unit_id);
  if (lock) query = query.forUpdate('c');
  const row = await query.executeTakeFirst();
  if (!row) throw new ConfirmError('LINK_INVALID', '确认链接无效，请核对短信中的链接');
  if (row.state === 'confirmed' || row.state === 'paid') throw new ConfirmError('ALREADY_CONFIRMED', '您单位已确认本次稳岗返还，无需重复确认');
  if (row.state !== 'notified') throw new ConfirmError('NOT_CONFIRMABLE', '该稳岗返还事项当前不能确认，请致电12333咨询');
  const kind = row.pay_to === 'contribution_account' ? 'contribution_account' : 'corporate_account';
  const account = (kind === 'corporate_account' ? row.corporate_account : row.contribution_account) ?? '';
  return {
    round: link.round,
    unitId: link.unit_id,
    unitName: row.name,
    creditCode: row.credit_code,
    state: row.state,
    amountFen: row.amount_fen,
    amountYuan: formatYuan(row.amount_fen),
    payTo: `${payToLabels[kind]} ${maskBankAccount(account)}`,
    phoneMasked: row.contact_phone_masked,
    phoneCipher: row.contact_phone_cipher,
    account: `${kind}:${account}`,
  };
}

function view(linked: LinkedCase): ConfirmationView {
  const { round, unitName, amountFen, amountYuan, payTo, phoneMasked } = linked;
  return { round, unitName, amountFen, amountYuan, payTo, phoneMasked };
}

function codeSubject(round: string, unitId: number): string {
  return `${round}:${unitId}`;
}

/** What the link shows, without sending anything. */
export async function showConfirmation(db: Kysely<Database>, options: { token: string; clock: Clock }): Promise<ConfirmationView> {
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
    const { id, code } = await issueCode(trx, { purpose: 'confirm', subject: codeSubject(linked.round, linked.unitId), now, cipher: options.cipher });
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
    const linked = await linkedCase(trx, options.token, now, true);
    const refusal = await checkCode(trx, {
      purpose: 'confirm', subject: codeSubject(linked.round, linked.unitId), code: options.code, now, cipher: options.cipher,
    });
    if (refusal) return { refusal };
    const actor = { kind: 'unit', creditCode: linked.creditCode } as const;
    await trx.insertInto('confirmations').values({
      round: linked.round, unit_id: linked.unitId, amount_fen: linked.amountFen, pay_to: linked.account,
      confirmed_at: now, confirmed_by: actorName(actor),
    }).execute();
    await applyCaseTransition(trx, {
      round: linked.round, unitId: linked.unitId, action: 'confirm', actor, expectedState: 'notified', at: now,
      note: `单位确认返还${linked.amountYuan}元至${linked.payTo}`,
    });
    return { confirmed: view(linked) };
  });
  if ('refusal' in outcome) throw outcome.refusal;
  return { ...outcome.confirmed, confirmedAt: now.toISOString() };
}
