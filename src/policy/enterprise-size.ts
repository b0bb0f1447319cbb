// 工信部联企业〔2011〕300号 第四条 (the standard 鲁人社发〔2024〕8号 第二条 relies on to tell large enterprises from SMEs):
// by industry, an enterprise is large, medium or small when it reaches every lower bound of that tier, and micro
// when it falls short of the small tier. The refund needs only large vs SME: one indicator below the large tier's bound
// makes an SME even when another is missing; only when nothing proves either is the size unknown (needs review).
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import {
  caseId,
  count,
  industries,
  industry,
  isoDate,
  nonNegative,
  type EnterpriseSize,
  type Industry,
} from './core/input-fields.ts';
import { declareParameters, type ParameterInForce, type ParameterStore, type ParameterValue } from './core/parameters.ts';
import type { IsoDate } from './core/dates.ts';
import type { RuleDefinition } from './core/rule.ts';
import { enterpriseSizeLabels } from '../domain/vocabulary/units.ts';

const RULE = 'enterprise-size';
export const SIZE_ARTICLE = '工信部联企业〔2011〕300号 第四条';

const SIZE_INDICATORS = ['employees', 'revenueWan', 'assetsWan'] as const;
export type SizeIndicator = (typeof SIZE_INDICATORS)[number];
export type SizeIndicators = Partial<Record<SizeIndicator, number | null>>;

const bounds = z.partialRecord(z.enum(SIZE_INDICATORS), z.number().nonnegative());
type Bounds = z.output<typeof bounds>;
const sizeRow = z.strictObject({ label: z.string().min(1), large: bounds, medium: bounds, small: bounds });
type SizeRow = z.output<typeof sizeRow>;

/** The standard's table: a row for every industry key of the contract. */
export const sizeParameters = declareParameters(RULE, { thresholds: z.record(z.enum(industries), sizeRow) });
export type SizeTable = ParameterValue<typeof sizeParameters.shapes, 'thresholds'>;

const TIERS = ['large', 'medium', 'small'] as const;

const INDICATOR_LABELS: Record<SizeIndicator, { name: string; unit: string }> = {
  employees: { name: '从业人员', unit: '人' },
  revenueWan: { name: '营业收入', unit: '万元' },
  assetsWan: { name: '资产总额', unit: '万元' },
};

/** e.g. 从业人员 120 人, or with a relation 从业人员 ≥ 100 人. */
const describe = (indicator: SizeIndicator, value: number, relation?: string) =>
  [INDICATOR_LABELS[indicator].name, relation, value, INDICATOR_LABELS[indicator].unit]
    .filter((part) => part !== undefined)
    .join(' ');

const boundsOf = (bounds: Bounds) => Object.entries(bounds) as [SizeIndicator, number][];

/** The size standard in force on `date`; NO_PARAMETER_IN_FORCE is reported on the checklist when there is none. */
export function sizeThresholdsAt(
  checks: Checklist,
  params: ParameterStore,
  date: IsoDate,
): ParameterInForce<SizeTable> | undefined {
  return checks.parameter(params, sizeParameters, 'thresholds', date);
}

/** Large vs SME: all that the refund ratio needs (鲁人社发〔2024〕8号 第二条). */
export type SizeClass = 'large' | 'sme';

export interface SizeResult {
  size: EnterpriseSize | null;
  sizeClass: SizeClass | null;
}

export const sizeClassOf = (size: EnterpriseSize): SizeClass => (size === 'large' ? 'large' : 'sme');

/** The first present indicator below a tier's bound: one is enough to fall under that tier. */
function firstBelow(bounds: Bounds, values: Partial<Record<SizeIndicator, number>>): [SizeIndicator, number] | undefined {
  return boundsOf(bounds).find(([indicator, min]) => values[indicator] !== undefined && values[indicator] < min);
}

/** Every indicator present: the tier whose lower bounds are all reached, else micro. */
function classifyComplete(
  checks: Checklist,
  thresholds: ParameterInForce<SizeTable>,
  row: SizeRow,
  values: Record<SizeIndicator, number>,
): EnterpriseSize {
  const size =
    TIERS.find((tier) => {
      const bounds = boundsOf(row[tier]);
      const reached = bounds.every(([indicator, min]) => values[indicator] >= min);
      checks.note({
        step: `sizeStandard.${tier}`,
        value: reached,
        parameter: thresholds,
        text: () =>
          `${enterpriseSizeLabels[tier]}标准（${bounds.map(([i, min]) => describe(i, min, '≥')).join(' 且 ')}）：${reached ? '达到' : '未达到'}`,
      });
      return reached;
    }) ?? 'micro';
  checks.note({
    step: 'size',
    value: size,
    parameter: thresholds,
    text: () => `按${row.label}划型标准，企业规模为${enterpriseSizeLabels[size]}`,
  });
  return size;
}

/**
 * An indicator is missing: one present indicator below the large tier's bound still makes the unit an SME, and one
 * below the small tier's bound makes it micro; otherwise the class cannot be derived (SIZE_UNKNOWN, for review).
 */
function classifyPartial(
  checks: Checklist,
  thresholds: ParameterInForce<SizeTable>,
  row: SizeRow,
  values: Partial<Record<SizeIndicator, number>>,
  missing: string,
): SizeResult {
  const belowLarge = firstBelow(row.large, values);
  if (!belowLarge) {
    checks.unknown({
      step: 'size',
      reason: 'SIZE_UNKNOWN',
      parameter: thresholds,
      text: `企业规模（${row.label}划型）`,
      missing,
    });
    return { size: null, sizeClass: null };
  }
  const belowSmall = firstBelow(row.small, values);
  const [indicator, bound] = belowSmall ?? belowLarge;
  const size = belowSmall ? 'micro' : null;
  checks.note({
    step: 'size',
    value: size,
    parameter: thresholds,
    text: () =>
      `缺少${missing}；${describe(indicator, values[indicator]!)} < ${describe(indicator, bound)}，` +
      (size
        ? `按${row.label}划型标准为${enterpriseSizeLabels[size]}`
        : `按${row.label}划型标准属于中小微企业（具体档次须补充${missing}）`),
  });
  return { size, sizeClass: 'sme' };
}

/**
 * Classifies an enterprise with the industry's row of the standard and writes each tier tested to the checklist.
 * With every indicator the row needs, the exact size; with some missing, as much as the present ones prove.
 */
export function classifyEnterprise(
  checks: Checklist,
  thresholds: ParameterInForce<SizeTable>,
  industryKey: Industry,
  indicators: SizeIndicators,
): SizeResult {
  const row = thresholds.value[industryKey];
  const needed = [...new Set(TIERS.flatMap((tier) => boundsOf(row[tier]).map(([indicator]) => indicator)))];
  const values = Object.fromEntries(needed.flatMap((i) => (indicators[i] == null ? [] : [[i, indicators[i]]]))) as Partial<
    Record<SizeIndicator, number>
  >;
  const missing = needed.filter((indicator) => values[indicator] === undefined);
  checks.note({
    step: 'sizeIndicators',
    value: values,
    parameter: thresholds,
    text: () =>
      `${row.label}：${needed.map((i) => (values[i] === undefined ? `${INDICATOR_LABELS[i].name}未知` : describe(i, values[i]))).join('，')}`,
  });
  if (missing.length)
    return classifyPartial(checks, thresholds, row, values, missing.map((i) => INDICATOR_LABELS[i].name).join('、'));
  const size = classifyComplete(checks, thresholds, row, values as Record<SizeIndicator, number>);
  return { size, sizeClass: sizeClassOf(size) };
}

export const enterpriseSizeInput = z.object({
  id: caseId,
  asOf: isoDate.nullish(),
  industry,
  employees: count.nullish(),
  revenueWan: nonNegative.nullish(),
  assetsWan: nonNegative.nullish(),
});
export type EnterpriseSizeInput = z.infer<typeof enterpriseSizeInput>;

export function evaluateEnterpriseSize(input: EnterpriseSizeInput, params: ParameterStore) {
  const checks = new Checklist(SIZE_ARTICLE);
  const thresholds = input.asOf ? sizeThresholdsAt(checks, params, input.asOf) : params.latest(sizeParameters, 'thresholds');
  const result = thresholds ? classifyEnterprise(checks, thresholds, input.industry, input) : { size: null, sizeClass: null };
  return checks.decide(input.id, RULE, 0, { ...result });
}

export const enterpriseSizeRule: RuleDefinition<EnterpriseSizeInput> = {
  name: RULE,
  title: '企业规模划型',
  article: SIZE_ARTICLE,
  input: enterpriseSizeInput,
  evaluate: evaluateEnterpriseSize,
};
