// The refund decision (鲁人社发〔2024〕8号 第二条) written for two general rules engines, to compare throughput with our
// rule: a GoRules zen decision table (first hit) and json-rules-engine rules. Neither engine can sum a ledger, so both
// are given the unit's figures ready-made (unitFigures, with the policy's own helpers) — work our rule does itself.
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { Engine } from 'json-rules-engine';
import type { ParameterStore } from '../src/policy/core/parameters.ts';
import type { Status } from '../src/policy/core/decision.ts';
import { countFullMonths, fullyPaidMonths } from '../src/policy/refund/full-months.ts';
import { measureLayoffs } from '../src/policy/refund/layoffs.ts';
import { refundBase, refundBaseYear } from '../src/policy/refund/refund-base.ts';
import type { RefundInput } from '../src/policy/refund/refund-input.ts';

const RULE = 'job-retention-refund';
const PUBLIC_SECTOR = new Set(['government_agency', 'public_institution']);
const SME_TREATED = new Set(['social_organization', 'foundation', 'social_service_agency', 'law_firm', 'accounting_firm', 'individual_business']);

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
}

/** The figures the engines decide on (sizes as given: the generated inputs carry them). */
export function unitFigures(input: RefundInput, params: ParameterStore): UnitFigures {
  const mode = params.at<'cumulative' | 'consecutive'>(RULE, 'contributionMonthsMode', input.asOf)!.value;
  const measure = measureLayoffs('net_decrease', input.headcount);
  const known = !('missing' in measure);
  const { orgType, size } = input.unit;
  return {
    publicSector: PUBLIC_SECTOR.has(orgType),
    flagged: (input.unit.flags ?? []).length > 0,
    laborDispatch: input.unit.laborDispatch === true,
    fullMonths: countFullMonths(fullyPaidMonths(input.months, input.payments, input.asOf), mode),
    headcountKnown: known,
    basis: known ? measure.basis : 0,
    layoffs: known ? measure.layoffs : 0,
    baseFen: refundBase(input.payments, refundBaseYear(input.asOf)).baseFen,
    sizeClass: SME_TREATED.has(orgType) ? 'sme' : size ? (size === 'large' ? 'large' : 'sme') : 'unknown',
  };
}

function settings(params: ParameterStore, asOf: string) {
  const value = <T>(key: string) => params.at<T>(RULE, key, asOf)!.value;
  return {
    minMonths: value<number>('minFullMonths'), smallUnit: value<number>('smallUnitHeadcount'), cap: value<number>('layoffRateLimitBp'),
    smallCap: value<number>('smallUnitLayoffRateLimitBp'), large: value<number>('largeEnterpriseRatioBp'), sme: value<number>('smeRatioBp'),
  };
}

export interface EngineDecision { status: Status; amountFen: number }

/** A zen decision graph: request → one first-hit decision table → response. */
export function zenDecision(params: ParameterStore, asOf: string): { decide: (f: UnitFigures) => Promise<EngineDecision>; close: () => void } {
  const s = settings(params, asOf);
  const inputs = [
    ['publicSector', 'publicSector'], ['flagged', 'flagged'], ['fullMonths', 'fullMonths'],
    ['layoffExcess', `layoffs * 10000 - basis * (basis <= ${s.smallUnit} ? ${s.smallCap} : ${s.cap})`],
    ['baseFen', 'baseFen'], ['laborDispatch', 'laborDispatch'], ['headcountKnown', 'headcountKnown'], ['sizeClass', 'sizeClass'],
  ];
  const row = (id: string, cells: Record<string, string>, status: Status, amount: string) => ({
    _id: id, ...Object.fromEntries(inputs.map(([name]) => [name, cells[name!] ?? ''])), status: `'${status}'`, amountFen: amount,
  });
  const amount = (bp: number) => `floor((baseFen * ${bp} + 5000) / 10000)`;
  const content = {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      {
        id: 'refund', type: 'decisionTableNode', name: 'refund', position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: inputs.map(([name, field]) => ({ id: name, name, field })),
          outputs: [{ id: 'status', name: 'status', field: 'status' }, { id: 'amountFen', name: 'amountFen', field: 'amountFen' }],
          rules: [
            row('r1', { publicSector: 'true' }, 'ineligible', '0'),
            row('r2', { flagged: 'true' }, 'ineligible', '0'),
            row('r3', { fullMonths: `< ${s.minMonths}` }, 'ineligible', '0'),
            row('r4', { layoffExcess: '> 0' }, 'ineligible', '0'),
            row('r5', { baseFen: '0' }, 'ineligible', '0'),
            row('r6', { laborDispatch: 'true' }, 'needs_review', '0'),
            row('r7', { headcountKnown: 'false' }, 'needs_review', '0'),
            row('r8', { sizeClass: "'unknown'" }, 'needs_review', '0'),
            row('r9', { sizeClass: "'large'" }, 'eligible', amount(s.large)),
            row('r10', {}, 'eligible', amount(s.sme)),
          ],
        },
      },
      { id: 'response', type: 'outputNode', name: 'response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'refund', type: 'edge' },
      { id: 'e2', sourceId: 'refund', targetId: 'response', type: 'edge' },
    ],
  };
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(content);
  return {
    decide: async (figures) => (await decision.evaluate(figures)).result as EngineDecision,
    close: () => engine.dispose(),
  };
}

/** json-rules-engine: one rule per failing or review condition; the amount from the ratio when none fires. */
export function jsonRulesDecision(params: ParameterStore, asOf: string): (f: UnitFigures) => Promise<EngineDecision> {
  const s = settings(params, asOf);
  const engine = new Engine([], { allowUndefinedFacts: true });
  const fail = (name: string, conditions: object) => engine.addRule({ name, conditions: conditions as never, event: { type: 'ineligible' } });
  const review = (name: string, conditions: object) => engine.addRule({ name, conditions: conditions as never, event: { type: 'needs_review' } });
  fail('publicSector', { all: [{ fact: 'publicSector', operator: 'equal', value: true }] });
  fail('flagged', { all: [{ fact: 'flagged', operator: 'equal', value: true }] });
  fail('fullMonths', { all: [{ fact: 'fullMonths', operator: 'lessThan', value: s.minMonths }] });
  fail('layoffRate', { all: [{ fact: 'layoffExcess', operator: 'greaterThan', value: 0 }] });
  fail('base', { all: [{ fact: 'baseFen', operator: 'equal', value: 0 }] });
  review('laborDispatch', { all: [{ fact: 'laborDispatch', operator: 'equal', value: true }] });
  review('headcount', { all: [{ fact: 'headcountKnown', operator: 'equal', value: false }] });
  review('size', { all: [{ fact: 'sizeClass', operator: 'equal', value: 'unknown' }] });
  engine.addFact('layoffExcess', (_: unknown, almanac: { factValue: (name: string) => Promise<number> }) =>
    Promise.all([almanac.factValue('layoffs'), almanac.factValue('basis')])
      .then(([layoffs, basis]) => layoffs * 10_000 - basis * (basis <= s.smallUnit ? s.smallCap : s.cap)));
  return async (figures) => {
    const { events } = await engine.run({ ...figures });
    const types = new Set(events.map((e) => e.type));
    if (types.has('ineligible')) return { status: 'ineligible', amountFen: 0 };
    if (types.has('needs_review')) return { status: 'needs_review', amountFen: 0 };
    const bp = figures.sizeClass === 'large' ? s.large : s.sme;
    return { status: 'eligible', amountFen: Math.floor((figures.baseFen * bp + 5000) / 10000) };
  };
}
