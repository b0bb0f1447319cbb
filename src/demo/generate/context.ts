// What every generator step shares for one run: the seed, the scale, and the policy values the data must respect.
import {
  ParameterError,
  type ParameterDeclaration,
  type ParameterKey,
  type ParameterShapes,
  type ParameterStore,
} from '../../policy/core/parameters.ts';
import { contributionParameters } from '../../policy/contribution.ts';
import { sizeParameters, type SizeTable } from '../../policy/enterprise-size.ts';
import { skillSubsidyParameters, type AmountByLevel } from '../../policy/skill-subsidy.ts';
import { rngFor, type Rng } from './prng.ts';
import { regionsOf, type RegionInfo } from './regions.ts';
import type { ScaleSpec } from './scales.ts';

/** Independent random streams per unit, so a unit's data never depends on another unit's draws. */
export const Stream = { plan: 1, identity: 2, detail: 3, ledger: 4, people: 5, run: 6 } as const;

export interface GenerationContext {
  seed: number;
  spec: ScaleSpec;
  regions: readonly RegionInfo[];
  sizeTable: SizeTable;
  /** Unit and individual contribution rates (bp). */
  unitRateBp: number;
  personRateBp: number;
  /** Skill-upgrade subsidy per certificate level (fen), for the earlier grants people already received. */
  skillAmountByLevel: AmountByLevel;
  /** Offset of the organisation-code sequence, so different seeds give different credit codes. */
  orgCodeOffset: number;
  rng(stream: number, index: number): Rng;
}

/** The date whose parameters the synthetic ledger uses throughout (see createContext). */
const RATES_ON = '2024-01-01';

function required<S extends ParameterShapes, K extends ParameterKey<S>>(
  params: ParameterStore,
  declaration: ParameterDeclaration<S>,
  key: K,
  on: string,
) {
  const hit = params.at(declaration, key, on);
  if (!hit) throw new ParameterError(`参数 ${declaration.rule}.${key} 在 ${on} 无有效取值，无法生成数据`);
  return hit.value;
}

/**
 * The 2024 rates are applied to every generated month: the 1% rate split 0.7% / 0.3% also held in 2022–2023
 * (SPEC Art. 1), but the parameter files only date it from 2024.
 */
export function createContext(spec: ScaleSpec, seed: number, params: ParameterStore): GenerationContext {
  return {
    seed,
    spec,
    regions: regionsOf(spec),
    sizeTable: required(params, sizeParameters, 'thresholds', RATES_ON),
    unitRateBp: required(params, contributionParameters, 'unitRateBp', RATES_ON),
    personRateBp: required(params, contributionParameters, 'personRateBp', RATES_ON),
    skillAmountByLevel: required(params, skillSubsidyParameters, 'amountByLevel', RATES_ON),
    orgCodeOffset: rngFor(seed, Stream.run).int(0, 99_999_999),
    rng: (stream, index) => rngFor(seed, stream, index),
  };
}
