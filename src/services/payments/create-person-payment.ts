// A decided grant to a person becomes a payment to the person's social security card bank account
// (鲁人社发〔2024〕8号 第四条：技能提升补贴；第五条：失业保险待遇), in the caller's transaction, under the exactly-once key
// (decision, purpose, recipient): creating it again — a retry, a second worker, two case workers at once — returns the
// payment already made and posts nothing twice. Its commitment debits the purpose's expense account in the same
// transaction. The account is kept as schema-payments.ts describes ("Where a payment's account is kept"). Many
// payments (a chunk of a monthly benefit run) are written set-based: one read of the persons, one insert, one posting.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { personPaymentKey, type PersonPaymentPurpose } from '../../domain/payment-purposes.ts';
import type { Fen } from '../../policy/core/money.ts';
import { postCommitmentMany } from '../ledger/post.ts';

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
  return (await createPersonPayments(trx, [request]))[0]!;
}

/** The payments of many requests in a few statements; each result in the order of its request. */
export async function createPersonPayments(
  trx: Transaction<Database>,
  requests: readonly PersonPaymentRequest[],
): Promise<PersonPaymentResult[]> {
  const ids = [...new Set(requests.map((r) => r.personId))];
  const persons = new Map(
    ids.length
      ? (
          await trx
            .selectFrom('persons')
            .select(['id', 'name', 'id_number_masked', 'bank_account_cipher', 'bank_account_masked', 'region_code'])
            .where('id', 'in', ids)
            .execute()
        ).map((p) => [p.id, p])
      : [],
  );
  const results: (PersonPaymentResult | undefined)[] = requests.map((r) => {
    const person = persons.get(r.personId);
    if (!Number.isSafeInteger(r.amountFen) || r.amountFen <= 0) return { held: '核定金额为零，无需支付' };
    if (!person) return { held: `人员 ${r.personId} 不存在` };
    if (!person.bank_account_cipher || !person.bank_account_masked) {
      return { held: '人员未登记社会保障卡银行账户，请核实账户后支付' };
    }
    return undefined;
  });
  const toPay = requests.flatMap((r, i) =>
    results[i] ? [] : [{ r, i, key: personPaymentKey(r.purpose, r.decision, r.personId) }],
  );
  if (!toPay.length) return results as PersonPaymentResult[];
  const inserted = await trx
    .insertInto('payments')
    .values(
      toPay.map(({ r, key }) => {
        const person = persons.get(r.personId)!;
        return {
          idempotency_key: key,
          round: r.round,
          person_id: r.personId,
          purpose: r.purpose,
          recipient_credit_code: person.id_number_masked,
          recipient_name: person.name,
          role: 'person' as const,
          amount_fen: r.amountFen,
          account_kind: 'social_security_card' as const,
          bank_name: null,
          account_masked: person.bank_account_masked!,
          account_cipher: person.bank_account_cipher!,
          status: 'pending' as const,
          region_code: person.region_code,
          created_at: r.at,
          created_by: r.by,
          updated_at: r.at,
          updated_by: r.by,
        };
      }),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning(['id', 'idempotency_key'])
    .execute();
  const created = new Map(inserted.map((p) => [p.idempotency_key, p.id]));
  const earlier = toPay.filter((p) => !created.has(p.key)).map((p) => p.key);
  const existing = new Map(
    earlier.length
      ? (
          await trx.selectFrom('payments').select(['id', 'idempotency_key']).where('idempotency_key', 'in', earlier).execute()
        ).map((p) => [p.idempotency_key, p.id])
      : [],
  );
  const fresh = toPay.filter((p) => created.has(p.key));
  if (fresh.length) {
    const { by, at } = fresh[0]!.r;
    await postCommitmentMany(
      trx,
      fresh.map(({ r, key }) => ({
        paymentId: created.get(key)!,
        amountFen: r.amountFen,
        purpose: r.purpose,
        by: r.by,
        at: r.at,
      })),
      by,
      at,
    );
  }
  for (const { i, key } of toPay) {
    results[i] = created.has(key)
      ? { paymentId: created.get(key)!, created: true }
      : { paymentId: existing.get(key)!, created: false };
  }
  return results as PersonPaymentResult[];
}
