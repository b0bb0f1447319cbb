// Kysely types for migrations/003-payments.sql (jsonb written as JSON text, read parsed; see schema-round.ts).
//
// Where a payment's account is kept. The account number is personal data and is never stored in plain text: each row
// that names an account — a payment (the account it goes to now), each attempt (the account that attempt was sent
// to), a correction (the account proposed) — keeps it SM4-sealed with its key version in `account_cipher`
// (FieldCipher) beside `account_masked` (last four digits) for lists. A unit's payment seals the account the unit
// confirmed; a person's payment copies the sealed social security card account of `persons.bank_account_cipher` as
// it is (no re-sealing); an approved correction moves its sealed number onto the payment. Only the bank instruction
// file and an audited reveal open it. Installations older than migration 013 are sealed on opening
// (seal-bank-accounts.ts).

import type { ColumnType, Generated } from 'kysely';
import type { Fen } from '../../policy/core/money.ts';
import type { Json } from './schema-round.ts';

type Id = Generated<number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A unit's account kinds (a refund is paid to one of them). */
export type UnitAccountKind = 'corporate_account' | 'contribution_account';
/** Any payment's account kind: a person is paid to the social security card's bank account. */
export type AccountKind = UnitAccountKind | 'social_security_card';
export type { PaymentStatus } from '../../domain/vocabulary/payments.ts';
import type { PaymentStatus } from '../../domain/vocabulary/payments.ts';
import type { ExpenseAccount, PaymentPurpose } from '../../domain/payment-purposes.ts';
export type LedgerAccount =
  | ExpenseAccount
  | 'payable'
  | 'bank_in_transit'
  | 'bank'
  | 'pilot_spending'
  | 'pilot_bank'
  | 'recovery_receivable'
  | 'recovery_bank'
  | 'living_spending'
  | 'living_bank'
  | 'payout_funds'
  | 'payout_allocated'
  | 'payout_released';

export interface DispatchApplicationsTable {
  id: Id;
  round: string;
  unit_id: number;
  status: 'submitted' | 'decided' | 'withdrawn';
  workers: Json<unknown[]>;
  worker_payments: Json<unknown[]>;
  decision: Json<unknown> | null;
  amount_fen: Defaulted<Fen>;
  excluded_fen: Defaulted<Fen>;
  submitted_by: string;
  submitted_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface DispatchAllocationsTable {
  application_id: number;
  recipient_credit_code: string;
  recipient_name: string | null;
  role: 'dispatch_unit' | 'user_unit';
  base_fen: Fen;
  amount_fen: Fen;
}

export interface PaymentBatchesTable {
  id: Id;
  round: string;
  status: 'proposed' | 'authorised' | 'rejected' | 'exported' | 'reconciled';
  purpose: Defaulted<PaymentPurpose>;
  payment_count: number;
  total_fen: Fen;
  note: string | null;
  proposed_by: string;
  proposed_at: Timestamp;
  authorised_by: string | null;
  authorised_at: NullableTimestamp;
}

export interface PaymentsTable {
  id: Id;
  idempotency_key: string;
  round: string;
  /** Exactly one of unit_id and person_id is set. */
  unit_id: ColumnType<number | null, number | null | undefined, number | null>;
  person_id: ColumnType<number | null, number | null | undefined, number | null>;
  purpose: PaymentPurpose;
  /** A unit's credit code, or the person's masked ID number. */
  recipient_credit_code: string;
  recipient_name: string;
  role: 'unit' | 'dispatch_unit' | 'user_unit' | 'person';
  amount_fen: Fen;
  account_kind: AccountKind;
  bank_name: string | null;
  /** Sealed; see "Where a payment's account is kept" above. */
  account_cipher: Buffer;
  account_masked: string;
  /** The account number's blind index (FieldCipher.blindIndex); filled after the payment is written. */
  account_index: ColumnType<string | null, string | null | undefined, string | null>;
  status: PaymentStatus;
  attempt: Defaulted<number>;
  batch_id: number | null;
  region_code: string;
  created_at: Timestamp;
  created_by: Defaulted<string>;
  updated_at: Timestamp;
  updated_by: Defaulted<string>;
}

export interface PaymentAttemptsTable {
  payment_id: number;
  attempt: number;
  batch_id: number;
  account_kind: AccountKind;
  bank_name: string | null;
  /** Sealed; see "Where a payment's account is kept" above. */
  account_cipher: Buffer;
  account_masked: string;
  amount_fen: Fen;
  status: 'sent' | 'paid' | 'failed' | 'returned';
  bank_reference: string | null;
  bank_reason: string | null;
  sent_at: Timestamp;
  settled_at: NullableTimestamp;
}

export interface BankFilesTable {
  id: Id;
  batch_id: number;
  direction: 'instruction' | 'return';
  file_name: string;
  sha256: string;
  line_count: number;
  total_fen: Fen;
  created_at: Timestamp;
  created_by: string;
}

export interface AccountCorrectionsTable {
  id: Id;
  payment_id: number;
  /** A unit's account kind for a unit's payment, the social security card for a person's (migration 017). */
  account_kind: AccountKind;
  bank_name: string | null;
  /** Sealed; see "Where a payment's account is kept" above. */
  account_cipher: Buffer;
  account_masked: string;
  reason: string;
  status: 'proposed' | 'approved' | 'rejected';
  proposed_by: string;
  proposed_at: Timestamp;
  approved_by: string | null;
  approved_at: NullableTimestamp;
}

export interface LedgerTransactionsTable {
  id: Id;
  key: string;
  kind:
    | 'commitment'
    | 'payment'
    | 'settlement'
    | 'return'
    | 'reissue'
    | 'cancellation'
    | 'pilot_spending'
    | 'recovery_receivable'
    | 'recovery_repayment'
    | 'living_guarantee'
    | 'fund_arrival'
    | 'payout_release';
  payment_id: number | null;
  pilot_commitment_id: ColumnType<number | null, number | null | undefined, number | null>;
  risk_hit_id: ColumnType<number | null, number | null | undefined, number | null>;
  benefit_payment_id: ColumnType<number | null, number | null | undefined, number | null>;
  memo: string;
  posted_at: Timestamp;
  posted_by: string;
}

export interface LedgerLinesTable {
  transaction_id: number;
  line_no: number;
  account: LedgerAccount;
  debit_fen: Defaulted<Fen>;
  credit_fen: Defaulted<Fen>;
}

export interface PaymentTables {
  dispatch_applications: DispatchApplicationsTable;
  dispatch_allocations: DispatchAllocationsTable;
  payment_batches: PaymentBatchesTable;
  payments: PaymentsTable;
  payment_attempts: PaymentAttemptsTable;
  bank_files: BankFilesTable;
  account_corrections: AccountCorrectionsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_lines: LedgerLinesTable;
}
