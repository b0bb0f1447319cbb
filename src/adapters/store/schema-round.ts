// Kysely types for migrations/002-refund-round.sql. jsonb columns are read as parsed values and written as JSON
// text (JSON.stringify), because the pg driver would turn a JS array into a PostgreSQL array literal.

import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { Status, TraceStep } from '../../policy/core/decision.ts';
import type { RefundCaseState } from '../../domain/refund-case.ts';

type Id = Generated<number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read parsed, written as JSON text. */
export type Json<T> = ColumnType<T, string, string>;

export interface ScreeningRunsTable {
  id: Id;
  round: string;
  as_of: IsoDate;
  region_code: string | null;
  status: 'running' | 'completed' | 'failed';
  policy_version: string;
  total_units: Defaulted<number>;
  processed_units: Defaulted<number>;
  cursor_unit_id: Defaulted<number>;
  error: string | null;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  created_by: Defaulted<string>;
}

export interface RefundDecisionsTable {
  run_id: number;
  unit_id: number;
  region_code: string;
  status: Status;
  amount_fen: Fen;
  base_fen: Fen;
  ratio_bp: number | null;
  size: string | null;
  full_months: number | null;
  layoffs: number | null;
  layoff_rate: string | null;
  pay_to: string | null;
  size_class: Defaulted<string | null>;
  reasons: Json<string[]>;
  /** Null for a screened decision (rebuilt when opened: services/screening/decision-trace.ts). */
  trace: Json<TraceStep[]> | null;
  input_hash: string;
  policy_version: string;
}

export interface RefundCasesTable {
  round: string;
  unit_id: number;
  region_code: string;
  state: RefundCaseState;
  run_id: number;
  amount_fen: Fen;
  batch_id: number | null;
  notice_id: number | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  created_by: Defaulted<string>;
  updated_at: Timestamp;
  updated_by: Defaulted<string>;
}

export interface RefundCaseEventsTable {
  id: Id;
  round: string;
  unit_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  note: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  at: Timestamp;
}

export interface DecisionOverridesTable {
  round: string;
  unit_id: number;
  field: string;
  value: Json<unknown>;
  note: string;
  entered_by: string;
  entered_at: Timestamp;
}

export interface ReviewBatchesTable {
  id: Id;
  round: string;
  status: 'proposed' | 'approved' | 'returned';
  unit_count: number;
  total_fen: Fen;
  note: string | null;
  proposed_by: string;
  proposed_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
}

export interface PublicNoticesTable {
  id: Id;
  round: string;
  title: string;
  opened_on: IsoDate;
  working_days: number;
  last_day: IsoDate;
  status: 'open' | 'closed';
  opened_by: string;
  closed_at: NullableTimestamp;
  closed_by: string | null;
}

export interface NoticeItemsTable {
  notice_id: number;
  unit_id: number;
  unit_name: string;
  credit_code_masked: string;
  region_code: string;
  layoff_rate: string | null;
  amount_fen: Fen;
  withdrawn: Defaulted<boolean>;
}

export interface NoticeObjectionsTable {
  id: Id;
  notice_id: number;
  unit_id: number;
  content: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface SmsOutboxTable {
  id: Id;
  idempotency_key: string;
  round: string | null;
  unit_id: number | null;
  person_id: Defaulted<number | null>;
  phone_cipher: Buffer;
  phone_masked: string;
  template: string;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: Defaulted<number>;
  next_attempt_at: Timestamp;
  provider: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface ConfirmationLinksTable {
  token_hash: string;
  round: string;
  unit_id: number;
  created_at: Timestamp;
  expires_at: Date | string;
}

export interface SmsCodesTable {
  id: Id;
  purpose: string;
  subject: string;
  code_hash: string;
  attempts: Defaulted<number>;
  created_at: Timestamp;
  expires_at: Date | string;
  used_at: NullableTimestamp;
}

export interface ConfirmationsTable {
  round: string;
  unit_id: number;
  amount_fen: Fen;
  /** The account kind the unit confirmed (corporate_account or contribution_account). */
  pay_to: string;
  /** The account number the unit confirmed, SM4-sealed, with its masked copy; null when the unit had none. */
  account_cipher: Buffer | null;
  account_masked: string | null;
  /** The account holder's name, as the unit confirmed it. */
  account_name: string;
  /** The bank of a corporate account, as the unit confirmed it; null for the contribution account. */
  bank_name: string | null;
  confirmed_at: Timestamp;
  confirmed_by: string;
}

export interface RoundTables {
  screening_runs: ScreeningRunsTable;
  refund_decisions: RefundDecisionsTable;
  refund_cases: RefundCasesTable;
  refund_case_events: RefundCaseEventsTable;
  decision_overrides: DecisionOverridesTable;
  review_batches: ReviewBatchesTable;
  public_notices: PublicNoticesTable;
  notice_items: NoticeItemsTable;
  notice_objections: NoticeObjectionsTable;
  sms_outbox: SmsOutboxTable;
  confirmation_links: ConfirmationLinksTable;
  sms_codes: SmsCodesTable;
  confirmations: ConfirmationsTable;
}
