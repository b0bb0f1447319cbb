// The simulation API's answers as the console reads them (routes/simulation.ts, routes/counterfactual.ts).
import type { ImpactDimension, SimulationRunStatus, UnitShift } from '../../../../src/domain/vocabulary/simulation.ts';
import type { Status } from '../../../../src/policy/core/decision.ts';
import type { Reform, ReformChange, ReformDifference } from '../../../../src/policy/simulation/reform.ts';

export type { Reform, ReformChange, ReformDifference };

export interface ParameterEntry {
  rule: string;
  ruleTitle: string;
  key: string;
  label: string;
  unit: string;
  allowed: string[] | null;
  values: { from: string; to: string | null; value: unknown; legalBasis: string }[];
}

export interface SavedReform {
  id: number;
  name: string;
  version: number;
  reform: Reform;
  createdBy: string;
  createdAt: string;
}

export interface Bucket {
  units: number;
  baselineEligible: number;
  reformEligible: number;
  baselineFen: number;
  reformFen: number;
  newlyEligible: number;
  noLongerEligible: number;
  newlyEligiblePeople: number;
  noLongerEligiblePeople: number;
  changed: number;
}

export interface CapSide {
  capRatioBp: number | null;
  capFen: number | null;
  remainingFen: number | null;
  fits: boolean | null;
}

export interface ImpactRun {
  id: number;
  reform: { id: number; name: string; version: number };
  round: string;
  asOf: string;
  regionCode: string | null;
  status: SimulationRunStatus;
  totalUnits: number;
  processedUnits: number;
  tally: {
    total: Bucket;
    region: Record<string, Bucket>;
    size: Record<string, Bucket>;
    industry: Record<string, Bucket>;
    reason: Record<string, { baseline: number; reform: number }>;
  };
  cap: {
    regionCode: string;
    regionName: string;
    year: number;
    sealedBalanceFen: number;
    committedFen: number;
    baseline: CapSide;
    reform: CapSide;
  } | null;
  seconds: number | null;
  error: string | null;
  labels: Record<ImpactDimension, Record<string, string>>;
}

export interface RunListItem {
  id: number;
  reformId: number;
  reformName: string;
  reformVersion: number;
  regionCode: string | null;
  status: SimulationRunStatus;
  baselineFen: number;
  reformFen: number;
  startedAt: string;
}

export interface ChangedUnit {
  unitId: number;
  unitName: string;
  regionCode: string;
  shift: UnitShift;
  baselineStatus: Status;
  reformStatus: Status;
  baselineFen: number;
  reformFen: number;
}
