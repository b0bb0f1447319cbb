// Kysely types for migrations/012-simulation.sql (reforms and what-if runs).
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Status } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { Json } from './schema-round.ts';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PolicyReformsTable {
  id: Generated<number>;
  name: string;
  version: number;
  /** The reform as saved (src/policy/simulation/reform.ts `Reform`). */
  definition: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
}

export interface SimulationRunsTable {
  id: Generated<number>;
  reform_id: number;
  round: string;
  as_of: IsoDate;
  region_code: string | null;
  status: 'running' | 'completed' | 'failed';
  policy_version: string;
  total_units: number;
  processed_units: Defaulted<number>;
  cursor_unit_id: Defaulted<number>;
  /** The run's tallies so far (services/simulation/impact-tally.ts `ImpactTally`). */
  aggregates: Json<unknown>;
  error: string | null;
  seconds: ColumnType<string | null, number | null | undefined, number | null>;
  created_by: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface SimulationChangedUnitsTable {
  run_id: number;
  unit_id: number;
  region_code: string;
  baseline_status: Status;
  reform_status: Status;
  baseline_fen: Fen;
  reform_fen: Fen;
  baseline_reasons: Json<string[]>;
  reform_reasons: Json<string[]>;
}

export interface SimulationTables {
  policy_reforms: PolicyReformsTable;
  simulation_runs: SimulationRunsTable;
  simulation_changed_units: SimulationChangedUnitsTable;
}
