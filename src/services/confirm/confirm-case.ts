// The part of a unit's confirmation (鲁人社发〔2024〕8号 第七条：经其确认后发放) shared by the SMS link and the signed-in
// enterprise portal: reading the case that waits for confirmation (refusing one already confirmed or not yet
// notified), and recording the confirmation — amount and payee (account name, bank and number together) — with the
// case's notified → confirmed move. Payments are made to that payee record (services/payments/create-payments.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { payToLabels } from '../../domain/vocabulary/pay-to.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { actorName, applyCaseTransition } from '../round/case-transitions.ts';
import { ConfirmError } from './confirm-error.ts';

/** Where a refund goes, as the unit reads it: the kind of account and its masked number. */
export function payToText(kind: keyof typeof payToLabels, accountMasked: string | null): string {
  return `${payToLabels[kind]} ${accountMasked ?? ''}`.trimEnd();
}

/** What the unit is shown before it confirms. */
export interface ConfirmationView {
  round: string;
  unitName: string;
  amountFen: Fen;
  amountYuan: string;
  payTo: string;
  phoneMasked: string | null;
}

export interface CaseToConfirm extends ConfirmationView {
  unitId: number;
  creditCode: string;
  phoneCipher: Buffer | null;
  /** The account kind the confirmation records, with the number sealed and masked (null when the unit has none). */
  accountKind: 'corporate_account' | 'contribution_account';
  accountCipher: Buffer | null;
  accountMasked: string | null;
  /** The bank of the corporate account (null for the contribution account), recorded with the number. */
  bankName: string | null;
}

type Executor = Transaction<Database> | Kysely<Database>;

/**
 * The unit's case in the round when it can be confirmed now; undefined when the unit has no case in the round.
 * Refuses (ConfirmError, in Chinese) a case already confirmed or paid, and one not (yet) notified. With `lock` the
 * case row stays locked until the transaction ends.
 */
export async function caseToConfirm(
  db: Executor,
  round: string,
  unitId: number,
  lock: boolean,
): Promise<CaseToConfirm | undefined> {
  let query = db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
    .select([
      'c.state',
      'c.amount_fen',
      'u.name',
      'u.credit_code',
      'u.contact_phone_cipher',
      'u.contact_phone_masked',
      'u.corporate_bank',
      'u.corporate_account_cipher',
      'u.corporate_account_masked',
      'u.contribution_account_cipher',
      'u.contribution_account_masked',
      'd.pay_to',
    ])
    .where('c.round', '=', round)
    .where('c.unit_id', '=', unitId);
  if (lock) query = query.forUpdate('c');
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  if (row.state === 'confirmed' || row.state === 'paid')
    throw new ConfirmError('ALREADY_CONFIRMED', '您单位已确认本次稳岗返还，无需重复确认');
  if (row.state !== 'notified') throw new ConfirmError('NOT_CONFIRMABLE', '该稳岗返还事项当前不能确认，请致电12333咨询');
  const kind = row.pay_to === 'contribution_account' ? 'contribution_account' : 'corporate_account';
  const corporate = kind === 'corporate_account';
  const accountCipher = corporate ? row.corporate_account_cipher : row.contribution_account_cipher;
  const accountMasked = corporate ? row.corporate_account_masked : row.contribution_account_masked;
  return {
    round,
    unitId,
    unitName: row.name,
    creditCode: row.credit_code,
    amountFen: row.amount_fen,
    amountYuan: formatYuan(row.amount_fen),
    payTo: payToText(kind, accountMasked),
    phoneMasked: row.contact_phone_masked,
    phoneCipher: row.contact_phone_cipher,
    accountKind: kind,
    accountCipher,
    accountMasked,
    bankName: corporate ? row.corporate_bank : null,
  };
}

export function confirmationView(c: CaseToConfirm): ConfirmationView {
  const { round, unitName, amountFen, amountYuan, payTo, phoneMasked } = c;
  return { round, unitName, amountFen, amountYuan, payTo, phoneMasked };
}

/** Records the unit's confirmation and moves its case notified → confirmed, acting as the unit itself. */
export async function recordConfirmation(trx: Transaction<Database>, c: CaseToConfirm, at: Date): Promise<void> {
  const actor = { kind: 'unit', creditCode: c.creditCode } as const;
  await trx
    .insertInto('confirmations')
    .values({
      round: c.round,
      unit_id: c.unitId,
      amount_fen: c.amountFen,
      pay_to: c.accountKind,
      account_cipher: c.accountCipher,
      account_masked: c.accountMasked,
      account_name: c.unitName,
      bank_name: c.bankName,
      confirmed_at: at,
      confirmed_by: actorName(actor),
    })
    .execute();
  await applyCaseTransition(trx, {
    round: c.round,
    unitId: c.unitId,
    action: 'confirm',
    actor,
    expectedState: 'notified',
    at,
    note: `单位确认返还${c.amountYuan}元至${c.payTo}`,
  });
}
