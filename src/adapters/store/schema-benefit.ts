// Kysely types for migrations/010-benefit.sql (unemployment-benefit casework).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Period } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type {
  BenefitChannel,
  BenefitClaimStatus,
  BenefitLinePurpose,
  BenefitLineStatus,
  BenefitStopReason,
  SeparationReason,
  StatusEventKind,
  TransferDirection,
} from '../../domain/benefit.ts';
import type { Json } from './schema-round.ts';

type Id = Generated<number>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface UnemploymentRegistrationsTable {
  person_id: number;
  separated_on: IsoDate;
  unit_id: Optional<number>;
  separation_reason: SeparationReason;
  registered_on: Optional<IsoDate>;
  region_code: string;
  created_at: Timestamp;
  created_by: Defaulted<string>;
}

export interface PersonStatusEventsTable {
  person_id: number;
  kind: StatusEventKind;
  event_date: IsoDate;
  source: Defaulted<string>;
  region_code: string;
  created_at: Timestamp;
  created_by: Defaulted<string>;
}

export interface BenefitTransfersTable {
  id: Id;
  direction: TransferDirection;
  person_id: number;
  counterpart: string;
  transferred_on: IsoDate;
  insured_months: number;
  used_months: number;
  remaining_months: number;
  region_code: string;
  created_at: Timestamp;
  created_by: Defaulted<string>;
}

export interface BenefitClaimsTable {
  id: Id;
  person_id: number;
  claim_date: IsoDate;
  channel: BenefitChannel;
  status: BenefitClaimStatus;
  decision_status: 'eligible' | 'ineligible' | 'needs_review';
  reasons: Json<string[]>;
  trace: Json<unknown[]>;
  input: Json<Record<string, unknown>>;
  policy_version: string;
  contribution_months: number;
  carried_over_months: Defaulted<number>;
  max_months: Defaulted<number>;
  monthly_fen: Defaulted<Fen>;
  first_period: Period;
  transfer_in_id: Optional<number>;
  submitted_by: string;
  submitted_at: Timestamp;
  reviewed_by: Optional<string>;
  reviewed_at: NullableTimestamp;
  review_note: Optional<string>;
  stop_reason: Optional<BenefitStopReason>;
  stopped_from: Optional<Period>;
  stop_note: Optional<string>;
  stopped_by: Optional<string>;
  stopped_at: NullableTimestamp;
  region_code: string;
}

export interface BenefitMonthsTable {
  claim_id: number;
  person_id: number;
  period: Period;
  seq: number;
  status: 'scheduled' | 'paid' | 'stopped';
}

export interface BenefitRunsTable {
  id: Id;
  period: Period;
  region_code: string;
  status: 'running' | 'finished';
  cursor_person: Defaulted<number>;
  available_fen: Optional<Fen>;
  spent_fen: Defaulted<Fen>;
  recipients: Defaulted<number>;
  line_count: Defaulted<number>;
  waiting_count: Defaulted<number>;
  stopped_count: Defaulted<number>;
  total_fen: Defaulted<Fen>;
  started_by: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface BenefitPaymentsTable {
  id: Id;
  idempotency_key: string;
  claim_id: number;
  person_id: number;
  period: Period;
  purpose: BenefitLinePurpose;
  amount_fen: Fen;
  status: BenefitLineStatus;
  wait_reason: Optional<string>;
  run_id: Optional<number>;
  payment_id: Optional<number>;
  region_code: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PaymentWaitsTable {
  payment_id: number;
  reason: string;
  since: Timestamp;
}

export interface BenefitTables {
  unemployment_registrations: UnemploymentRegistrationsTable;
  person_status_events: PersonStatusEventsTable;
  benefit_transfers: BenefitTransfersTable;
  benefit_claims: BenefitClaimsTable;
  benefit_months: BenefitMonthsTable;
  benefit_runs: BenefitRunsTable;
  benefit_payments: BenefitPaymentsTable;
  payment_waits: PaymentWaitsTable;
}
