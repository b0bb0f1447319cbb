// A unit's staffing over the ledger months (who is insured when, following the plan's 2023 changes), what it owed
// each month and its monthly headcounts with natural attrition.
import { addPeriods, periodsBetween, type Period } from '../../policy/core/dates.ts';
import { applyRatioHalfUp, type Fen } from '../../policy/core/money.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { GenerationContext } from './context.ts';
import type { Rng } from './prng.ts';
import { HEADCOUNT_TO, LEDGER_FROM, LEDGER_TO } from './scales.ts';
import type { UnitPlan } from './unit-plan.ts';

export const LEDGER_MONTHS = periodsBetween(LEDGER_FROM, LEDGER_TO) + 1;
const HEADCOUNT_MONTHS = periodsBetween(LEDGER_FROM, HEADCOUNT_TO) + 1;
/** Ledger index of 2023-12, the last month in which the base-year changes happen. */
const LAST_EVENT_MONTH = HEADCOUNT_MONTHS - 1;
export const NEVER = LEDGER_MONTHS;

export function ledgerPeriod(index: number): Period {
  return addPeriods(LEDGER_FROM, index);
}

export type Departure = 'layoff' | 'attrition' | null;

/** Ledger indices are months from 2022-12 (0) to 2024-07 (19). */
export interface Staffing {
  /** First ledger month the unit is insured in. */
  firstIndex: number;
  /** Per person: first insured ledger month, and the first month no longer insured (NEVER when still insured). */
  join: number[];
  leave: number[];
  departure: Departure[];
  counts: number[];
  attrition: number[];
}

/** Places the plan's layoffs, retirements/deaths and hires in months of 2023 after the first insured month. */
export function staffingOf(plan: UnitPlan, rng: Rng): Staffing {
  const firstIndex = Math.max(0, periodsBetween(LEDGER_FROM, plan.firstInsured));
  const month = () => rng.int(firstIndex + 1, LAST_EVENT_MONTH);
  const { layoffs, attrition: retired } = plan.changes;
  const join: number[] = [];
  const leave: number[] = [];
  const departure: Departure[] = [];
  for (let p = 0; p < plan.persons; p++) {
    const kind: Departure = p < layoffs ? 'layoff' : p < layoffs + retired ? 'attrition' : null;
    join.push(p < plan.start ? firstIndex : month());
    leave.push(kind ? month() : NEVER);
    departure.push(kind);
  }
  const change = new Array<number>(LEDGER_MONTHS + 1).fill(0);
  const attrition = new Array<number>(LEDGER_MONTHS).fill(0);
  for (let p = 0; p < plan.persons; p++) {
    change[join[p]!]!++;
    change[leave[p]!]!--;
    if (departure[p] === 'attrition') attrition[leave[p]!]!++;
  }
  const counts: number[] = [];
  for (let m = 0, running = 0; m < LEDGER_MONTHS; m++) counts.push((running += change[m]!));
  return { firstIndex, join, leave, departure, counts, attrition };
}

/** Monthly wage bases (fen) are drawn around the unit's average and kept within a plausible floor and ceiling. */
const BASE_FLOOR_FEN = 400_000;
const BASE_CEILING_FEN = 2_500_000;

export function unitAverageBaseFen(rng: Rng, plan: UnitPlan): Fen {
  const bonus = plan.tier === 'large' || plan.industry === 'software_it' ? 2_000 : 0;
  return (rng.int(4_500, 8_500) + bonus) * 100;
}

export function personBaseFen(rng: Rng, averageFen: Fen): Fen {
  const base = Math.round((averageFen * (0.7 + 0.9 * rng.next())) / 1000) * 1000;
  return Math.min(BASE_CEILING_FEN, Math.max(BASE_FLOOR_FEN, base));
}

/** Unit and individual share together for one month on a wage base (鲁人社发〔2024〕8号 第一条 rates). */
export function monthlyContributionFen(ctx: GenerationContext, baseFen: Fen): Fen {
  return applyRatioHalfUp(baseFen, ctx.unitRateBp) + applyRatioHalfUp(baseFen, ctx.personRateBp);
}

/** Due per ledger month: the sum over the people insured in it (`perPersonFen[p]`). */
export function duesOf(staffing: Staffing, perPersonFen: (p: number) => Fen): Fen[] {
  const dues = new Array<Fen>(LEDGER_MONTHS).fill(0);
  for (let p = 0; p < staffing.join.length; p++) {
    const fen = perPersonFen(p);
    for (let m = staffing.join[p]!; m < staffing.leave[p]!; m++) dues[m]! += fen;
  }
  return dues;
}

export const CONTRIBUTION_MONTH_COLUMNS = ['unit_id', 'period', 'due_fen', 'region_code'] as const;
export const HEADCOUNT_COLUMNS = ['unit_id', 'period', 'insured_count', 'natural_attrition', 'region_code'] as const;

export function contributionMonthRows(plan: UnitPlan, staffing: Staffing, dues: readonly Fen[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let m = staffing.firstIndex; m < LEDGER_MONTHS; m++) {
    if (staffing.counts[m]! > 0) rows.push([plan.id, ledgerPeriod(m), dues[m]!, plan.region.code]);
  }
  return rows;
}

export function headcountRows(plan: UnitPlan, staffing: Staffing): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let m = staffing.firstIndex; m < HEADCOUNT_MONTHS; m++) {
    rows.push([plan.id, ledgerPeriod(m), staffing.counts[m]!, staffing.attrition[m]!, plan.region.code]);
  }
  return rows;
}
