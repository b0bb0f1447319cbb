// The core of a generated unit, cheap to compute from (seed, index) alone: type, size tier, insured headcount and
// its 2023 changes. Planning passes use it to size the run; the detail, ledger and people build on it.
import type { EnterpriseSize, Industry, OrgType } from '../../policy/core/input-fields.ts';
import type { SizeTable } from '../../policy/enterprise-size.ts';
import { addPeriods, type Period } from '../../policy/core/dates.ts';
import { Stream, type GenerationContext } from './context.ts';
import type { Rng } from './prng.ts';
import { pickRegion, type RegionInfo } from './regions.ts';

export interface HeadcountChanges {
  /** Staff who left in the base year other than by retirement or death. */
  layoffs: number;
  /** Retirements and deaths in the base year. */
  attrition: number;
  hires: number;
}

export interface UnitPlan {
  index: number;
  /** Database id: index + 1. */
  id: number;
  region: RegionInfo;
  orgType: OrgType;
  laborDispatch: boolean;
  industry: Industry;
  /** The size tier the unit's indicators are drawn for (for non-enterprises only a headcount scale). */
  tier: EnterpriseSize;
  employees: number;
  firstInsured: Period;
  /** Insured staff in 2022-12, or in the first insured month for a unit first insured during 2023. */
  start: number;
  changes: HeadcountChanges;
  /** Uniform in [0, 1): the unit's people are generated when it falls below the run's share. */
  peopleDraw: number;
  /** Distinct people insured with the unit from 2022-12 on (start + hires). */
  persons: number;
}

const ORG_TYPES: readonly (readonly [OrgType, number])[] = [
  ['enterprise', 89.5],
  ['individual_business', 3],
  ['social_organization', 1],
  ['foundation', 0.3],
  ['social_service_agency', 1.2],
  ['law_firm', 0.8],
  ['accounting_firm', 0.7],
  ['government_agency', 1.7],
  ['public_institution', 1.8],
];
/** About 2% of all units are labour-dispatch enterprises. */
const DISPATCH_SHARE_OF_ENTERPRISES = 2 / 89.5;
const SHARE_FIRST_INSURED_2023 = 0.05;

const ENTERPRISE_INDUSTRIES: readonly (readonly [Industry, number])[] = [
  ['industrial', 28],
  ['wholesale', 14],
  ['retail', 12],
  ['construction', 7],
  ['transport', 4],
  ['warehousing', 1],
  ['postal', 1],
  ['accommodation', 2],
  ['catering', 5],
  ['information_transmission', 1],
  ['software_it', 5],
  ['real_estate', 3],
  ['property_management', 3],
  ['leasing_business', 8],
  ['agriculture', 3],
  ['other', 3],
];

type Tiers = readonly (readonly [EnterpriseSize, number])[];
/** About 1% of all units are large enterprises. */
const ENTERPRISE_TIERS: Tiers = [
  ['large', 1.1],
  ['medium', 8],
  ['small', 30],
  ['micro', 60.9],
];
const DISPATCH_TIERS: Tiers = [
  ['large', 5],
  ['medium', 45],
  ['small', 50],
];
const SMALL_TIERS: Tiers = [
  ['small', 30],
  ['micro', 70],
];
const PROFESSIONAL_TIERS: Tiers = [
  ['medium', 5],
  ['small', 40],
  ['micro', 55],
];
const AGENCY_TIERS: Tiers = [
  ['large', 10],
  ['medium', 50],
  ['small', 40],
];

function industryAndTiers(rng: Rng, orgType: OrgType, dispatch: boolean): [Industry, Tiers] {
  if (dispatch) return ['leasing_business', DISPATCH_TIERS];
  switch (orgType) {
    case 'enterprise':
      return [rng.weighted(ENTERPRISE_INDUSTRIES), ENTERPRISE_TIERS];
    case 'individual_business':
      return [
        rng.pick(['retail', 'catering', 'other'] as const),
        [
          ['small', 10],
          ['micro', 90],
        ],
      ];
    case 'law_firm':
    case 'accounting_firm':
      return ['leasing_business', PROFESSIONAL_TIERS];
    case 'government_agency':
    case 'public_institution':
      return ['other', AGENCY_TIERS];
    default:
      return ['other', SMALL_TIERS];
  }
}

const HIGHER: Record<EnterpriseSize, EnterpriseSize | undefined> = {
  micro: 'small',
  small: 'medium',
  medium: 'large',
  large: undefined,
};
/** Staff ranges for industries whose standard does not count staff. */
const GENERIC_EMPLOYEES: Record<EnterpriseSize, readonly [number, number]> = {
  large: [500, 3000],
  medium: [100, 499],
  small: [10, 99],
  micro: [1, 9],
};

/** Staff numbers that put the unit in `tier` of its industry's standard (工信部联企业〔2011〕300号). */
export function employeeRange(table: SizeTable, industry: Industry, tier: EnterpriseSize): [number, number] {
  const row = table[industry];
  const own = tier === 'micro' ? undefined : row[tier].employees;
  const higherTier = HIGHER[tier];
  const higher = higherTier && higherTier !== 'micro' ? row[higherTier].employees : undefined;
  const generic = GENERIC_EMPLOYEES[tier];
  const lo = tier === 'micro' ? 1 : (own ?? generic[0]);
  const hi = higher !== undefined ? higher - 1 : own !== undefined ? own * 3 : generic[1];
  return [lo, Math.max(lo, hi)];
}

/** The 2023 changes: most units lose 0–3%, some narrowly more than 5.5% or exactly 5.5%, small units about 20%. */
function drawChanges(rng: Rng, start: number, monthsForEvents: number): { start: number; changes: HeadcountChanges } {
  const none = { layoffs: 0, attrition: 0, hires: 0 };
  if (monthsForEvents === 0) return { start, changes: none };
  let attrition = start > 30 ? Math.floor(start * 0.02 * rng.next()) : rng.chance(0.03) ? 1 : 0;
  let layoffs = 0;
  let hires = 0;
  const r = rng.next();
  const u = rng.next();
  if (start <= 30) {
    if (r < 0.06)
      layoffs = Math.max(1, Math.floor(start / 5)); // at most 20% once start ≥ 5
    else if (r < 0.1)
      layoffs = Math.floor(start / 5) + 1; // just over 20%
    else if (r < 0.2 && start >= 10) layoffs = 1;
    else if (r < 0.35) hires = 1 + Math.floor(start * 0.3 * u);
  } else if (r < 0.03) {
    layoffs = Math.floor((start * 11) / 200) + 1; // the smallest count above 5.5%
  } else if (r < 0.045) {
    if (start >= 200) {
      start -= start % 200;
      layoffs = (start / 200) * 11; // exactly 5.5%
    } else {
      layoffs = Math.floor((start * 11) / 200); // the largest count not above 5.5%
    }
  } else if (r < 0.07) {
    layoffs = Math.floor(start * (0.07 + 0.15 * u));
  } else if (r < 0.5) {
    layoffs = Math.floor(start * 0.03 * u);
  } else if (r < 0.58) {
    layoffs = Math.floor(start * (0.03 + 0.025 * u));
  } else {
    hires = Math.floor(start * 0.15 * u);
  }
  layoffs = Math.min(layoffs, start);
  attrition = Math.min(attrition, start - layoffs);
  return { start, changes: { layoffs, attrition, hires } };
}

export function planUnit(ctx: GenerationContext, index: number): UnitPlan {
  const rng = ctx.rng(Stream.plan, index);
  const region = pickRegion(rng, ctx.regions);
  const orgType = rng.weighted(ORG_TYPES);
  const laborDispatch = orgType === 'enterprise' && rng.chance(DISPATCH_SHARE_OF_ENTERPRISES);
  const [industry, tiers] = industryAndTiers(rng, orgType, laborDispatch);
  const tier = rng.weighted(tiers);
  const [lo, hi] = employeeRange(ctx.sizeTable, industry, tier);
  const employees = rng.skewedInt(lo, hi, 2);
  const insured = Math.max(1, employees - Math.floor(employees * 0.12 * rng.next()));
  const firstIn2023 = rng.chance(SHARE_FIRST_INSURED_2023);
  const firstInsured = firstIn2023
    ? `2023-${String(rng.int(1, 12)).padStart(2, '0')}`
    : addPeriods('2022-11', -rng.skewedInt(0, 299, 2));
  const monthsForEvents = firstIn2023 ? 12 - Number(firstInsured.slice(5, 7)) : 12;
  const { start, changes } = drawChanges(rng, insured, monthsForEvents);
  const peopleDraw = rng.next();
  return {
    index,
    id: index + 1,
    region,
    orgType,
    laborDispatch,
    industry,
    tier,
    employees,
    firstInsured,
    start,
    changes,
    peopleDraw,
    persons: start + changes.hires,
  };
}
