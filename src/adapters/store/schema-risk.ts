// Kysely types for migrations/011-risk.sql (comparison records, bank-account changes, risk runs and hits,
// recoveries, targeted push campaigns).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type {
  CampaignAudience,
  ComparisonKind,
  PushSkipReason,
  RiskHitStatus,
  RiskSeverity,
  RiskStage,
} from '../../domain/vocabulary/risk.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface ComparisonRecordsTable {
  person_id: number;
  kind: ComparisonKind;
  from_date: IsoDate;
  to_date: IsoDate | null;
  place: string | null;
  region_code: string;
  created_at: Timestamp;
  created_by: Defaulted<string>;
  updated_at: Timestamp;
  updated_by: Defaulted<string>;
}

/** One row of an accepted comparison import, with its batch (migration 019). */
export interface ComparisonFindingsTable {
  batch_id: number;
  person_id: number;
  kind: ComparisonKind;
  from_date: IsoDate;
  region_code: string;
}

export interface BankAccountChangesTable {
  id: Generated<number>;
  unit_id: number | null;
  person_id: number | null;
  changed_at: Timestamp;
}

export interface RiskRunsTable {
  id: Generated<number>;
  city_code: string;
  as_of: IsoDate;
  rule_codes: Json;
  hit_count: Defaulted<number>;
  /** The codes of the rules whose hits are stored (migration 019), as JSON text on insert. */
  rules_done: ColumnType<unknown, string | undefined, string>;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  created_by: string;
}

export interface RiskHitsTable {
  id: Generated<number>;
  rule_code: string;
  fingerprint: string;
  stage: RiskStage;
  severity: RiskSeverity;
  run_id: number;
  region_code: string;
  unit_id: number | null;
  person_id: number | null;
  payment_id: number | null;
  amount_fen: Fen | null;
  evidence: Json;
  hold: boolean;
  status: Defaulted<RiskHitStatus>;
  proposal: 'clear' | 'confirm' | null;
  proposal_note: string | null;
  recovery_fen: Fen | null;
  proposed_by: string | null;
  proposed_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  repaid_fen: Defaulted<Fen>;
  created_at: Timestamp;
}

export interface RiskRepaymentsTable {
  hit_id: number;
  seq: number;
  amount_fen: Fen;
  received_on: IsoDate;
  reference: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface CampaignsTable {
  id: Generated<number>;
  code: string;
  name: string;
  audience: CampaignAudience;
  round: string;
  city_code: string;
  created_by: string;
  created_at: Timestamp;
}

export interface CampaignTargetsTable {
  campaign_id: number;
  unit_id: number | null;
  person_id: number | null;
  region_code: string;
  outbox_id: number | null;
  skipped: PushSkipReason | null;
  targeted_at: Timestamp;
}

export interface PushOptOutsTable {
  unit_id: number;
  opted_out_at: Timestamp;
  recorded_by: string;
}

export interface PersonPushOptOutsTable {
  person_id: number;
  opted_out_at: Timestamp;
  recorded_by: string;
}

export interface RiskTables {
  comparison_records: ComparisonRecordsTable;
  comparison_findings: ComparisonFindingsTable;
  bank_account_changes: BankAccountChangesTable;
  risk_runs: RiskRunsTable;
  risk_hits: RiskHitsTable;
  risk_repayments: RiskRepaymentsTable;
  campaigns: CampaignsTable;
  campaign_targets: CampaignTargetsTable;
  push_opt_outs: PushOptOutsTable;
  person_push_opt_outs: PersonPushOptOutsTable;
}
