// A decided grant to a person becomes a payment to the person's social security card bank account
// (鲁人社发〔2024〕8号 第四条：技能提升补贴；第五条：失业保险待遇), in the caller's transaction, under the exactly-once key
// (decision, purpose, recipient): creating it again — a retry, a second worker, two case workers at once — returns the
// payment already made and posts nothing twice. Its commitment debits the purpose's expense account in the same
// transaction. The account number stays encrypted: the person's cipher text is copied, its masked form shown.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { personPaymentKey, type PersonPaymentPurpose } from '../../domain/payment-purposes.ts';
import type { Fen } from '../../policy/core/money.ts';
import { postCommitment } from '../ledger/post.ts';

export interface PersonPaymentRequest {
  purpose: PersonPaymentPurpose;
  /** Names the decision (and month, for a monthly benefit), e.g. `skill-application:12`, `benefit-claim:7:2024-09`. */
  decision: string;
  personId: number;
  amountFen: Fen;
  /** The payments' year (batches are proposed per year and purpose). */
  round: string;
  by: string;
  at: Date;
}

export type PersonPaymentResult =
  | { paymentId: number; created: boolean }
  /** Not paid: why (in Chinese), for a finance officer. */
  | { held: string };

export async function createPersonPayment(
  trx: Transaction<Database>,
  request: PersonPaymentRequest,
): Promise<PersonPaymentResult> {
  const { purpose, personId, amountFen, by, at } = request;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return { held: '核定金额为零，无需支付' };
  const person = await trx
    .selectFrom('persons')
    .select(['name', 'id_number_masked', 'bank_account_cipher', 'bank_account_masked', 'region_code'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return { held: `人员 ${personId} 不存在` };
  if (!person.bank_account_cipher || !person.bank_account_masked) {
    return { held: '人员未登记社会保障卡银行账户，请核实账户后支付' };
  }
  const key = personPaymentKey(purpose, request.decision, personId);
  const inserted = await trx
    .insertInto('payments')
    .values({
      idempotency_key: key,
      round: request.round,
      person_id: personId,
      purpose,
      recipient_credit_code: person.id_number_masked,
      recipient_name: person.name,
      role: 'person',
      amount_fen: amountFen,
      account_kind: 'social_security_card',
      bank_name: null,
      account_masked: person.bank_account_masked,
      account_cipher: person.bank_account_cipher,
      status: 'pending',
      region_code: person.region_code,
      created_at: at,
      created_by: by,
      updated_at: at,
      updated_by: by,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx.selectFrom('payments').select('id').where('idempotency_key', '=', key).executeTakeFirstOrThrow();
    return { paymentId: existing.id, created: false };
  }
  await postCommitment(trx, { paymentId: inserted.id, amountFen, purpose, by, at });
  return { paymentId: inserted.id, created: true };
}
