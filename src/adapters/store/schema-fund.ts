// Kysely types for migrations/008-fund-register.sql (the pilot spending register).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { IncidentCategory, PilotItem } from '../../domain/vocabulary/fund.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface FundPilotBudgetsTable {
  region_code: string;
  year: number;
  level: 'city' | 'province';
  sealed_on: IsoDate;
  sealed_balance_fen: Fen;
  cap_ratio_bp: number | null;
  cap_fen: Fen | null;
  committed_fen: Defaulted<Fen>;
  spent_fen: Defaulted<Fen>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface FundPilotPlansTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  filed_on: IsoDate;
  document_no: string;
  status: 'recorded' | 'reviewed' | 'rejected';
  recorded_by: string;
  recorded_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
}

export interface FundPilotCommitmentsTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  item: PilotItem;
  amount_fen: Fen;
  committed_on: IsoDate;
  description: string;
  status: 'committed' | 'spent' | 'released';
  spent_fen: Fen | null;
  created_by: string;
  created_at: Timestamp;
  settled_by: string | null;
  settled_at: NullableTimestamp;
  settled_note: string | null;
}

export interface FundIncidentsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  region_code: string;
  category: IncidentCategory;
  description: string;
  follow_up: string | null;
  corrects_id: number | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface FundTables {
  fund_incidents: FundIncidentsTable;
  fund_pilot_budgets: FundPilotBudgetsTable;
  fund_pilot_plans: FundPilotPlansTable;
  fund_pilot_commitments: FundPilotCommitmentsTable;
}
