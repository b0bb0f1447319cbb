// Kysely types for the tables of migrations/*.sql. Both backends return the same JS values (see type-parsers.ts):
// bigint → number (ids, counts and fen; beyond 2^53 is refused), date → 'YYYY-MM-DD', numeric → string (exact),
// bytea → Buffer, timestamptz → Date. A sum over bigint is numeric in SQL: cast it (`sum(x)::bigint`) to get a number.

import type { ColumnType, Generated } from 'kysely';
import type { IsoDate, Period } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { RoundTables } from './schema-round.ts';
import type { PaymentTables } from './schema-payments.ts';
import type { AuditTables } from './schema-audit.ts';
import type { IdentityTables } from './schema-identity.ts';
import type { FundTables } from './schema-fund.ts';
import type { RiskTables } from './schema-risk.ts';
import type { BenefitTables } from './schema-benefit.ts';
import type { SkillSubsidyTables } from './schema-skill-subsidy.ts';
import type { SimulationTables } from './schema-simulation.ts';

/** A bigint identity: generated unless supplied (then call `resetIdentity`). */
type Id = Generated<number>;
/** A column with a database default. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** numeric: read as an exact decimal string. */
type Decimal = ColumnType<string, string | number, string | number>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** created_at/by; updated_at/by for rows users change. */
interface Created {
  created_at: Timestamp;
  created_by: Defaulted<string>;
}
interface Changed extends Created {
  updated_at: Timestamp;
  updated_by: Defaulted<string>;
}

export type RegionKind = 'province' | 'city' | 'district' | 'county_city' | 'development_zone';
export type OrgType =
  | 'enterprise'
  | 'social_organization'
  | 'foundation'
  | 'social_service_agency'
  | 'law_firm'
  | 'accounting_firm'
  | 'individual_business'
  | 'government_agency'
  | 'public_institution';
export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';
export type UnitFlag = 'serious_dishonesty' | 'zombie' | 'deregistered' | 'bankruptcy';
export type PaymentKind = 'contribution' | 'late_fee';
export type GrantType = 'skill_subsidy' | 'vocational_training_subsidy';

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface RegionsTable {
  code: string;
  name: string;
  parent_code: string | null;
  kind: RegionKind;
}

export interface UnitsTable extends Changed {
  id: Id;
  credit_code: string;
  name: string;
  org_type: OrgType;
  industry: string | null;
  employees: number | null;
  revenue_wan: Decimal | null;
  assets_wan: Decimal | null;
  size: EnterpriseSize | null;
  region_code: string;
  labor_dispatch: Defaulted<boolean>;
  corporate_bank: string | null;
  /** Bank accounts SM4-sealed (FieldCipher) with a masked copy for lists. */
  corporate_account_cipher: Buffer | null;
  corporate_account_masked: string | null;
  contribution_account_cipher: Buffer | null;
  contribution_account_masked: string | null;
  contact_name: string | null;
  contact_phone_cipher: Buffer | null;
  contact_phone_masked: string | null;
  first_insured_period: Period | null;
}

export interface UnitFlagsTable extends Changed {
  unit_id: number;
  flag: UnitFlag;
  from_date: IsoDate;
  to_date: IsoDate | null;
  source: string | null;
}

export interface PersonsTable extends Changed {
  id: Id;
  id_number_index: string;
  id_number_cipher: Buffer;
  id_number_masked: string;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: IsoDate | null;
  phone_cipher: Buffer | null;
  phone_masked: string | null;
  bank_account_cipher: Buffer | null;
  bank_account_masked: string | null;
  region_code: string;
}

export interface InsuranceSpellsTable {
  person_id: number;
  unit_id: number;
  from_period: Period;
  to_period: Period | null;
  region_code: string;
}

export interface UnitContributionMonthsTable {
  unit_id: number;
  period: Period;
  due_fen: Fen;
  region_code: string;
}

export interface UnitPaymentsTable {
  unit_id: number;
  receipt_no: string;
  period: Period;
  paid_on: IsoDate;
  amount_fen: Fen;
  kind: PaymentKind;
  region_code: string;
}

export interface PersonContributionsTable {
  person_id: number;
  unit_id: number;
  period: Period;
  paid_on: IsoDate;
  amount_fen: Fen;
  region_code: string;
}

export interface UnitHeadcountsTable {
  unit_id: number;
  period: Period;
  insured_count: number;
  natural_attrition: Defaulted<number>;
  region_code: string;
}

export interface DispatchPlacementsTable extends Changed {
  dispatch_unit_id: number;
  person_id: number;
  from_period: Period;
  to_period: Period;
  own_staff: Defaulted<boolean>;
  user_unit_credit_code: string | null;
  user_unit_name: string | null;
  user_unit_org_type: string | null;
  region_code: string;
}

export interface CertificatesTable extends Changed {
  number: string;
  person_id: number;
  occupation_code: string;
  occupation_name: string | null;
  level: number;
  issue_date: IsoDate;
  verified: Defaulted<boolean>;
  issuing_body: ColumnType<string | null, string | null | undefined, string | null>;
  region_code: string;
}

export interface SubsidyGrantsTable extends Created {
  person_id: number;
  type: GrantType;
  occupation_code: string;
  level: number;
  granted_on: IsoDate;
  amount_fen: Fen;
  region_code: string;
}

export interface BenefitPeriodsTable {
  person_id: number;
  from_date: IsoDate;
  to_date: IsoDate;
  region_code: string;
}

export interface ImportBatchesTable extends Created {
  id: Id;
  kind: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  status: 'accepted' | 'rejected';
  error_count: Defaulted<number>;
}

export interface Database
  extends
    RoundTables,
    PaymentTables,
    AuditTables,
    IdentityTables,
    FundTables,
    SkillSubsidyTables,
    RiskTables,
    SimulationTables,
    BenefitTables {
  schema_migrations: SchemaMigrationsTable;
  regions: RegionsTable;
  units: UnitsTable;
  unit_flags: UnitFlagsTable;
  persons: PersonsTable;
  insurance_spells: InsuranceSpellsTable;
  unit_contribution_months: UnitContributionMonthsTable;
  unit_payments: UnitPaymentsTable;
  person_contributions: PersonContributionsTable;
  unit_headcounts: UnitHeadcountsTable;
  dispatch_placements: DispatchPlacementsTable;
  certificates: CertificatesTable;
  subsidy_grants: SubsidyGrantsTable;
  benefit_periods: BenefitPeriodsTable;
  import_batches: ImportBatchesTable;
}

/** Tables whose `id` is an identity column. */
export type IdentityTable =
  | 'units'
  | 'persons'
  | 'import_batches'
  | 'screening_runs'
  | 'refund_case_events'
  | 'review_batches'
  | 'public_notices'
  | 'notice_objections'
  | 'sms_outbox'
  | 'sms_codes'
  | 'dispatch_applications'
  | 'payment_batches'
  | 'payments'
  | 'bank_files'
  | 'account_corrections'
  | 'ledger_transactions'
  | 'fund_pilot_plans'
  | 'fund_pilot_commitments'
  | 'fund_incidents'
  | 'skill_subsidy_applications';
