// The simulation API's answers as the console reads them: the JSON on the wire (z.input) of the route schemas in
// src/server/schemas/simulation.ts, so a change there is a type error here.
import type { z } from 'zod';
import type {
  bucket,
  changedUnit,
  counterfactualAnswer,
  impactRun,
  parameterEntry,
  parameterFile,
  reformDifference,
  runListItem,
  savedReform,
  startedRun,
} from '../../../../src/server/schemas/simulation.ts';
import type { Reform, ReformChange } from '../../../../src/policy/simulation/reform.ts';

export type { Reform, ReformChange };
export type ParameterEntry = z.input<typeof parameterEntry>;
export type SavedReform = z.input<typeof savedReform>;
export type ReformDifference = z.input<typeof reformDifference>;
export type ParameterFile = z.input<typeof parameterFile>;
export type StartedRun = z.input<typeof startedRun>;
export type Bucket = z.input<typeof bucket>;
export type ImpactRun = z.input<typeof impactRun>;
export type RunListItem = z.input<typeof runListItem>;
export type ChangedUnit = z.input<typeof changedUnit>;
export type CounterfactualAnswer = z.input<typeof counterfactualAnswer>;
