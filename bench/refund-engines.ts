// The refund decision (鲁人社发〔2024〕8号 第二条) written for general rules engines, to compare throughput with our rule:
// the figures every engine decides on and json-rules-engine rules (the zen decision table is in refund-zen.ts). No engine
// can sum a ledger, so each is given the unit's figures ready-made (unitFigures, with the policy's own helpers) — work
// our rule does itself.
import { Engine } from 'json-rules-engine';
import type { ParameterStore } from '../src/policy/core/parameters.ts';
import type { Status } from '../src/policy/core/decision.ts';
import { countFullMonths, fullyPaidMonths } from '../src/policy/refund/full-months.ts';
import { measureLayoffs } from '../src/policy/refund/layoffs.ts';
import { refundBase, refundBaseYear } from '../src/policy/refund/refund-base.ts';
import type { RefundInput } from '../src/policy/refund/refund-input.ts';
import { refundParameters } from '../src/policy/refund/refund-parameters.ts';
import { mayUseContributionAccount } from '../src/policy/refund/unit-eligibility.ts';
const PUBLIC_SECTOR = new Set(['government_agency', 'public_institution']);
const SME_TREATED = new Set([
  'social_organization',
  'foundation',
  'social_service_agency',
  'law_firm',
  'accounting_firm',
  'individual_business',
]);

export interface UnitFigures {
  publicSector: boolean;
  flagged: boolean;
  laborDispatch: boolean;
  fullMonths: number;
  headcountKnown: boolean;
  basis: number;
  layoffs: number;
  baseFen: number;
  /** 'large' | 'sme' | 'unknown' */
  sizeClass: string;
  /** A corporate account, or a unit that may be paid into its contribution account (第七条). */
  payRoute: boolean;
}

/** The figures the engines decide on (sizes as given: the generated inputs carry them). */
export function unitFigures(input: RefundInput, params: ParameterStore): UnitFigures {
  const mode = params.at(refundParameters, 'contributionMonthsMode', input.asOf)!.value;
  const [measure] = measureLayoffs('net_decrease', input.headcount);
  const known = !!measure && !('missing' in measure);
  const { orgType, size } = input.unit;
  return {
    publicSector: PUBLIC_SECTOR.has(orgType),
    flagged: (input.unit.flags ?? []).length > 0,
    laborDispatch: input.unit.laborDispatch === true,
    fullMonths: countFullMonths(fullyPaidMonths(input.months, input.payments, input.asOf), mode),
    headcountKnown: known,
    basis: known ? measure.basis : 0,
    layoffs: known ? measure.layoffs : 0,
    baseFen: refundBase(input.payments, { year: refundBaseYear(input.asOf), includeNextJanuary: false }).baseFen,
    sizeClass: SME_TREATED.has(orgType) ? 'sme' : size ? (size === 'large' ? 'large' : 'sme') : 'unknown',
    payRoute: input.unit.hasCorporateAccount !== false || mayUseContributionAccount(orgType, size ?? null),
  };
}

/** The parameters both engines decide with, read once for the date. */
export function settings(params: ParameterStore, asOf: string) {
  const value = (
    key:
      | 'minFullMonths'
      | 'smallUnitHeadcount'
      | 'layoffRateLimitBp'
      | 'smallUnitLayoffRateLimitBp'
      | 'largeEnterpriseRatioBp'
      | 'smeRatioBp',
  ) => params.at(refundParameters, key, asOf)!.value;
  return {
    minMonths: value('minFullMonths'),
    smallUnit: value('smallUnitHeadcount'),
    cap: value('layoffRateLimitBp'),
    smallCap: value('smallUnitLayoffRateLimitBp'),
    large: value('largeEnterpriseRatioBp'),
    sme: value('smeRatioBp'),
  };
}

export interface EngineDecision {
  status: Status;
  amountFen: number;
}

/** json-rules-engine: one rule per failing or review condition; the amount from the ratio when none fires. */
export function jsonRulesDecision(params: ParameterStore, asOf: string): (f: UnitFigures) => Promise<EngineDecision> {
  const s = settings(params, asOf);
  const engine = new Engine([], { allowUndefinedFacts: true });
  const fail = (name: string, conditions: object) =>
    engine.addRule({ name, conditions: conditions as never, event: { type: 'ineligible' } });
  const review = (name: string, conditions: object) =>
    engine.addRule({ name, conditions: conditions as never, event: { type: 'needs_review' } });
  fail('publicSector', { all: [{ fact: 'publicSector', operator: 'equal', value: true }] });
  fail('flagged', { all: [{ fact: 'flagged', operator: 'equal', value: true }] });
  fail('fullMonths', { all: [{ fact: 'fullMonths', operator: 'lessThan', value: s.minMonths }] });
  fail('layoffRate', { all: [{ fact: 'layoffExcess', operator: 'greaterThan', value: 0 }] });
  fail('base', { all: [{ fact: 'baseFen', operator: 'equal', value: 0 }] });
  review('laborDispatch', { all: [{ fact: 'laborDispatch', operator: 'equal', value: true }] });
  review('headcount', { all: [{ fact: 'headcountKnown', operator: 'equal', value: false }] });
  review('size', { all: [{ fact: 'sizeClass', operator: 'equal', value: 'unknown' }] });
  review('payRoute', { all: [{ fact: 'payRoute', operator: 'equal', value: false }] });
  engine.addFact('layoffExcess', (_: unknown, almanac: { factValue: (name: string) => Promise<number> }) =>
    Promise.all([almanac.factValue('layoffs'), almanac.factValue('basis')]).then(
      ([layoffs, basis]) => layoffs * 10_000 - basis * (basis <= s.smallUnit ? s.smallCap : s.cap),
    ),
  );
  return async (figures) => {
    const { events } = await engine.run({ ...figures });
    const types = new Set(events.map((e) => e.type));
    if (types.has('ineligible')) return { status: 'ineligible', amountFen: 0 };
    if (types.has('needs_review')) return { status: 'needs_review', amountFen: 0 };
    const bp = figures.sizeClass === 'large' ? s.large : s.sme;
    return { status: 'eligible', amountFen: Math.floor((figures.baseFen * bp + 5000) / 10000) };
  };
}
