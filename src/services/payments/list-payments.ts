// Payments as finance staff see them in lists: the account number masked to its last four digits.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { AccountKind, PaymentStatus } from '../../adapters/store/schema-payments.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';

export interface PaymentListItem {
  id: number;
  idempotencyKey: string;
  unitId: number | null;
  personId: number | null;
  purpose: PaymentPurpose;
  recipientCreditCode: string;
  recipientName: string;
  role: 'unit' | 'dispatch_unit' | 'user_unit' | 'person';
  amountFen: Fen;
  accountKind: AccountKind;
  bankName: string | null;
  accountMasked: string;
  status: PaymentStatus;
  attempt: number;
  batchId: number | null;
}

export interface PaymentFilter {
  round?: string;
  purpose?: PaymentPurpose;
  status?: PaymentStatus;
  batchId?: number;
  limit?: number;
  offset?: number;
}

export async function listPayments(db: Kysely<Database>, filter: PaymentFilter = {}): Promise<PaymentListItem[]> {
  let query = db
    .selectFrom('payments')
    .selectAll()
    .orderBy('id')
    .limit(filter.limit ?? 1000)
    .offset(filter.offset ?? 0);
  if (filter.round) query = query.where('round', '=', filter.round);
  if (filter.purpose) query = query.where('purpose', '=', filter.purpose);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.batchId) query = query.where('batch_id', '=', filter.batchId);
  return (await query.execute()).map((p) => ({
    id: p.id,
    idempotencyKey: p.idempotency_key,
    unitId: p.unit_id,
    personId: p.person_id,
    purpose: p.purpose,
    recipientCreditCode: p.recipient_credit_code,
    recipientName: p.recipient_name,
    role: p.role,
    amountFen: p.amount_fen,
    accountKind: p.account_kind,
    bankName: p.bank_name,
    accountMasked: p.account_masked,
    status: p.status,
    attempt: p.attempt,
    batchId: p.batch_id,
  }));
}
