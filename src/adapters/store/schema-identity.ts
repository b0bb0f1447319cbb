// Kysely types for migrations/005-identity.sql (and the sign-in throttles of 007-security.sql).
import type { ColumnType, Generated } from 'kysely';
import type { StaffRole } from '../../domain/staff-roles.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface StaffAccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  roles: StaffRole[];
  region_code: string;
  password_hash: string;
  disabled_at: NullableTimestamp;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  created_by: ColumnType<string, string | undefined, string>;
}

export type SessionKind = 'staff' | 'unit' | 'person';

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  csrf_token: string;
  kind: SessionKind;
  staff_id: number | null;
  unit_id: number | null;
  person_id: number | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: NullableTimestamp;
}

/** migrations/007-security.sql: counts of failed staff sign-ins per username and per address. */
export interface SignInThrottlesTable {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
  blocked_until: Timestamp;
}

export interface IdentityTables {
  staff_accounts: StaffAccountsTable;
  sessions: SessionsTable;
  sign_in_throttles: SignInThrottlesTable;
}
