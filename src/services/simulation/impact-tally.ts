// The tallies of a what-if run: for the whole population and by district, size and industry, the units eligible and
// the amount under the baseline and under the reform, the units newly eligible and no longer eligible and the insured
// people in them; by reason, how many units fail for it each way. Plain JSON, so a run stores it with its cursor.
import type { Status } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { UnitShift } from '../../domain/vocabulary/simulation.ts';

export interface Bucket {
  units: number;
  baselineEligible: number;
  reformEligible: number;
  baselineFen: Fen;
  reformFen: Fen;
  newlyEligible: number;
  noLongerEligible: number;
  /** Insured people (year-end headcount) of the units newly eligible / no longer eligible. */
  newlyEligiblePeople: number;
  noLongerEligiblePeople: number;
  /** Units whose status or amount differs. */
  changed: number;
}

export interface ImpactTally {
  total: Bucket;
  region: Record<string, Bucket>;
  size: Record<string, Bucket>;
  industry: Record<string, Bucket>;
  /** Units failing for (or held for review by) each reason, baseline and reform. */
  reason: Record<string, { baseline: number; reform: number }>;
  /** The persons' claims and applications re-decided (impact-persons.ts); absent in runs made before they were. */
  persons?: PersonImpact;
}

/**
 * Unemployment-benefit claims (amount: the months' total, 月标准 × 领取月数) and skill-subsidy applications, in all and
 * by certificate level: a bucket's `units` counts claims or applications, its people the persons in them.
 */
export interface PersonImpact {
  benefit: Bucket;
  skill: Bucket;
  skillLevel: Record<string, Bucket>;
}

export interface UnitOutcome {
  regionCode: string;
  size: string;
  industry: string;
  people: number;
  baseline: { status: Status; amountFen: Fen; reasons: readonly string[] };
  reform: { status: Status; amountFen: Fen; reasons: readonly string[] };
}

export const UNKNOWN_KEY = 'unknown';

export const emptyBucket = (): Bucket => ({
  units: 0,
  baselineEligible: 0,
  reformEligible: 0,
  baselineFen: 0,
  reformFen: 0,
  newlyEligible: 0,
  noLongerEligible: 0,
  newlyEligiblePeople: 0,
  noLongerEligiblePeople: 0,
  changed: 0,
});

export const emptyTally = (): ImpactTally => ({ total: emptyBucket(), region: {}, size: {}, industry: {}, reason: {} });

/** How the unit's decision moves, or null when the reform leaves it as it was. */
export function shiftOf(outcome: Pick<UnitOutcome, 'baseline' | 'reform'>): UnitShift | null {
  const { baseline: b, reform: r } = outcome;
  if (b.status !== 'eligible' && r.status === 'eligible') return 'newly_eligible';
  if (b.status === 'eligible' && r.status !== 'eligible') return 'no_longer_eligible';
  if (r.amountFen > b.amountFen) return 'amount_up';
  if (r.amountFen < b.amountFen) return 'amount_down';
  return b.status === r.status ? null : 'status_changed';
}

export type BucketOutcome = Pick<UnitOutcome, 'people' | 'baseline' | 'reform'>;

/** Adds one outcome to a bucket (in place), `shift` being how it moved (shiftOf). */
export function addTo(bucket: Bucket, outcome: BucketOutcome, shift: UnitShift | null): void {
  const add = (a: Fen, b: Fen) => {
    const sum = a + b;
    if (!Number.isSafeInteger(sum)) throw new RangeError('tally outside the safe integer range');
    return sum;
  };
  bucket.units += 1;
  if (outcome.baseline.status === 'eligible') bucket.baselineEligible += 1;
  if (outcome.reform.status === 'eligible') bucket.reformEligible += 1;
  bucket.baselineFen = add(bucket.baselineFen, outcome.baseline.amountFen);
  bucket.reformFen = add(bucket.reformFen, outcome.reform.amountFen);
  if (shift === 'newly_eligible') {
    bucket.newlyEligible += 1;
    bucket.newlyEligiblePeople += outcome.people;
  }
  if (shift === 'no_longer_eligible') {
    bucket.noLongerEligible += 1;
    bucket.noLongerEligiblePeople += outcome.people;
  }
  if (shift) bucket.changed += 1;
}

/** Adds one unit to the tally (in place); returns how its decision moved. */
export function tallyUnit(tally: ImpactTally, outcome: UnitOutcome): UnitShift | null {
  const shift = shiftOf(outcome);
  addTo(tally.total, outcome, shift);
  for (const [dimension, key] of [
    ['region', outcome.regionCode],
    ['size', outcome.size],
    ['industry', outcome.industry],
  ] as const) {
    addTo((tally[dimension][key] ??= emptyBucket()), outcome, shift);
  }
  for (const reason of outcome.baseline.reasons) (tally.reason[reason] ??= { baseline: 0, reform: 0 }).baseline += 1;
  for (const reason of outcome.reform.reasons) (tally.reason[reason] ??= { baseline: 0, reform: 0 }).reform += 1;
  return shift;
}
