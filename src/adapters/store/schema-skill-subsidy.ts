// Kysely types for migrations/009-skill-subsidy.sql.
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Status, TraceStep } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { Json } from './schema-round.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type { SkillApplicationChannel, SkillApplicationState } from '../../domain/skill-application.ts';
import type { SkillApplicationChannel, SkillApplicationState } from '../../domain/skill-application.ts';

export interface SkillSubsidyApplicationsTable {
  id: Generated<number>;
  person_id: number;
  certificate_number: string;
  occupation_code: string;
  level: number;
  issue_date: IsoDate;
  application_date: IsoDate;
  channel: SkillApplicationChannel;
  status: Status;
  state: SkillApplicationState;
  amount_fen: Fen;
  reasons: Json<string[]>;
  trace: Json<TraceStep[]>;
  retroactive: boolean;
  input_hash: string;
  region_code: string;
  submitted_by: string;
  submitted_at: Timestamp;
  reviewed_by: Nullable<string>;
  reviewed_at: Nullable<Date>;
  review_note: Nullable<string>;
  payment_id: Nullable<number>;
}

export interface SkillSubsidyTables {
  skill_subsidy_applications: SkillSubsidyApplicationsTable;
}
