// The population sizes `wengang generate --scale` knows, and the months the generated ledger covers.
import type { Period } from '../../policy/core/dates.ts';

export const scaleNames = ['demo', 'city', 'province'] as const;
export type ScaleName = (typeof scaleNames)[number];

export interface ScaleSpec {
  units: number;
  /** Weihai's seven areas (a city) or all sixteen Shandong cities (a province). */
  regions: 'weihai' | 'shandong';
  /**
   * Whose people are generated besides every labour-dispatch unit's: enough units for about `persons` people, or
   * a fixed share of the units (a province's people are sampled).
   */
  people: { persons: number } | { unitShare: number };
  /** Adds the fixed people for trying the person portal (src/demo/generate/demo-people.ts). */
  demoPeople?: boolean;
}

export const SCALES: Readonly<Record<ScaleName, ScaleSpec>> = {
  demo: { units: 5_000, regions: 'weihai', people: { persons: 60_000 }, demoPeople: true },
  city: { units: 50_000, regions: 'weihai', people: { persons: 700_000 } },
  province: { units: 1_000_000, regions: 'shandong', people: { unitShare: 0.05 } },
};

/** The contribution ledger runs from the December before the 2023 base year to the month before the 2024 notice. */
export const LEDGER_FROM: Period = '2022-12';
export const LEDGER_TO: Period = '2024-07';
/** Headcounts are recorded for the December before the base year and every month of it. */
export const HEADCOUNT_TO: Period = '2023-12';
export const BASE_YEAR = 2023;
