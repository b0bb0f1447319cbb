// What every generator step shares for one run: the seed, the scale, and the policy values the data must respect.
import { ParameterError, type ParameterStore } from '../../policy/core/parameters.ts';
import type { SizeTable } from '../../policy/enterprise-size.ts';
import type { Fen } from '../../policy/core/money.ts';
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
  skillAmountByLevel: Readonly<Record<number, Fen>>;
  /** Offset of the organisation-code sequence, so different seeds give different credit codes. */
  orgCodeOffset: number;
  rng(stream: number, index: number): Rng;
}

/** The date whose parameters the synthetic ledger uses throughout (see createContext). */
const RATES_ON = '2024-01-01';

function required<T>(params: ParameterStore, rule: string, key: string, on: string): T {
  const hit = params.at<T>(rule, key, on);
  if (!hit) throw new ParameterError(`参数 ${rule}.${key} 在 ${on} 无有效取值，无法生成数据`);
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
    sizeTable: required<SizeTable>(params, 'enterprise-size', 'thresholds', RATES_ON),
    unitRateBp: required<number>(params, 'contribution', 'unitRateBp', RATES_ON),
    personRateBp: required<number>(params, 'contribution', 'personRateBp', RATES_ON),
    skillAmountByLevel: required<Record<number, Fen>>(params, 'skill-subsidy', 'amountByLevel', RATES_ON),
    orgCodeOffset: rngFor(seed, Stream.run).int(0, 99_999_999),
    rng: (stream, index) => rngFor(seed, stream, index),
  };
}
