// 工信部联企业〔2011〕300号 第四条 (the standard 鲁人社发〔2024〕8号 第二条 relies on to tell large enterprises from SMEs):
// by industry, an enterprise is large, medium or small when it reaches every lower bound of that tier, and micro
// when it falls short of the small tier; an indicator the industry needs but that is missing leaves the size unknown.
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { caseId, count, industry, isoDate, nonNegative, type EnterpriseSize, type Industry } from './core/input-fields.ts';
import type { ParameterInForce, ParameterStore } from './core/parameters.ts';
import type { IsoDate } from './core/dates.ts';
import type { RuleDefinition } from './core/rule.ts';

const RULE = 'enterprise-size';
export const SIZE_ARTICLE = '工信部联企业〔2011〕300号 第四条';
const THRESHOLDS = 'thresholds';

export type SizeIndicator = 'employees' | 'revenueWan' | 'assetsWan';
export type SizeIndicators = Partial<Record<SizeIndicator, number | null>>;
type Bounds = Partial<Record<SizeIndicator, number>>;
interface SizeRow {
  label: string;
  large: Bounds;
  medium: Bounds;
  small: Bounds;
}
export type SizeTable = Record<Industry, SizeRow>;

const TIERS = ['large', 'medium', 'small'] as const;

export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: '大型企业', medium: '中型企业', small: '小型企业', micro: '微型企业',
};

const INDICATOR_LABELS: Record<SizeIndicator, { name: string; unit: string }> = {
  employees: { name: '从业人员', unit: '人' },
  revenueWan: { name: '营业收入', unit: '万元' },
  assetsWan: { name: '资产总额', unit: '万元' },
};

/** e.g. 从业人员 120 人, or with a relation 从业人员 ≥ 100 人. */
const describe = (indicator: SizeIndicator, value: number, relation?: string) =>
  [INDICATOR_LABELS[indicator].name, relation, value, INDICATOR_LABELS[indicator].unit].filter((part) => part !== undefined).join(' ');

const boundsOf = (bounds: Bounds) => Object.entries(bounds) as [SizeIndicator, number][];

/** The size standard in force on `date`; NO_PARAMETER_IN_FORCE is reported on the checklist when there is none. */
export function sizeThresholdsAt(checks: Checklist, params: ParameterStore, date: IsoDate): ParameterInForce<SizeTable> | undefined {
  return checks.parameter<SizeTable>(params, RULE, THRESHOLDS, date);
}

/**
 * Classifies an enterprise with the industry's row of the standard and writes each tier tested to the checklist.
 * Returns null (with SIZE_UNKNOWN, for review) when an indicator the row needs is missing.
 */
export function classifyEnterprise(
  checks: Checklist, thresholds: ParameterInForce<SizeTable>, industryKey: Industry, indicators: SizeIndicators,
): EnterpriseSize | null {
  const row = thresholds.value[industryKey];
  const needed = [...new Set(TIERS.flatMap((tier) => boundsOf(row[tier]).map(([indicator]) => indicator)))];
  const missing = needed.filter((indicator) => indicators[indicator] == null);
  if (missing.length) {
    checks.unknown({
      step: 'size', reason: 'SIZE_UNKNOWN', parameter: thresholds,
      text: `企业规模（${row.label}划型须有${needed.map((i) => INDICATOR_LABELS[i].name).join('、')}）`,
      missing: missing.map((i) => INDICATOR_LABELS[i].name).join('、'),
    });
    return null;
  }
  const values = Object.fromEntries(needed.map((i) => [i, indicators[i]!])) as Record<SizeIndicator, number>;
  checks.note({
    step: 'sizeIndicators', value: values, parameter: thresholds,
    text: `${row.label}：${needed.map((i) => describe(i, values[i])).join('，')}`,
  });
  const size = TIERS.find((tier) => {
    const bounds = boundsOf(row[tier]);
    const reached = bounds.every(([indicator, min]) => values[indicator] >= min);
    checks.note({
      step: `sizeStandard.${tier}`, value: reached, parameter: thresholds,
      text: `${SIZE_LABELS[tier]}标准（${bounds.map(([i, min]) => describe(i, min, '≥')).join(' 且 ')}）：${reached ? '达到' : '未达到'}`,
    });
    return reached;
  }) ?? 'micro';
  checks.note({ step: 'size', value: size, parameter: thresholds, text: `按${row.label}划型标准，企业规模为${SIZE_LABELS[size]}` });
  return size;
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
  const thresholds = input.asOf ? sizeThresholdsAt(checks, params, input.asOf) : params.latest<SizeTable>(RULE, THRESHOLDS);
  const size = thresholds ? classifyEnterprise(checks, thresholds, input.industry, input) : null;
  return checks.decide(input.id, RULE, 0, { size });
}

export const enterpriseSizeRule: RuleDefinition<EnterpriseSizeInput> = {
  name: RULE, title: '企业规模划型', article: SIZE_ARTICLE, input: enterpriseSizeInput, evaluate: evaluateEnterpriseSize,
};
