// 鲁人社发〔2024〕8号 第二条 "上年度未裁员或裁员率不高于…": how many staff the unit shed in the base year and out
// of what headcount. The notice gives no formula, so the method is a parameter (SPEC Art. 2, condition 3): the net
// decrease (our default), new benefit claimants over the monthly average (as Hebei reads it), or either of the two
// (as Zhejiang reads it: the unit qualifies when one of them is within the limit).
import type { Headcount } from './refund-input.ts';

export const LAYOFF_METHODS = ['net_decrease', 'benefit_claimants', 'either'] as const;
export type LayoffMethod = (typeof LAYOFF_METHODS)[number];

/**
 * `basis` is both the rate's denominator and the headcount for the "30人（含）以下" test; `formula` says in Chinese
 * how the layoffs were counted (written only for a trace).
 */
export type LayoffMeasure = { layoffs: number; basis: number; formula: () => string } | { missing: string };

function netDecrease(h: Headcount): LayoffMeasure {
  const basis = h.start > 0 ? h.start : h.firstInsuredMonth;
  if (basis == null) return { missing: '上年初参保人数（或上年度首次参保月的参保人数）' };
  const layoffs = Math.max(0, basis - h.end - h.retiredOrDied);
  const basisText = h.start > 0 ? `上年初参保 ${h.start}` : `首次参保月参保 ${basis}`;
  return {
    layoffs,
    basis,
    formula: () => `裁员人数 = max(0, ${basisText} − 上年末参保 ${h.end} − 退休及死亡 ${h.retiredOrDied}) = ${layoffs} 人`,
  };
}

function benefitClaimants(h: Headcount): LayoffMeasure {
  const missing = [
    h.benefitClaimants == null && '上年度新增领取失业保险金人数',
    (h.monthlyAverage == null || (h.monthlyAverage === 0 && (h.benefitClaimants ?? 0) > 0)) && '上年度月平均参保人数',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length) return { missing: missing.join('、') };
  return {
    layoffs: h.benefitClaimants!,
    basis: h.monthlyAverage!,
    formula: () => `裁员人数按上年度新增领取失业保险金 ${h.benefitClaimants} 人计，基数为上年度月平均参保 ${h.monthlyAverage} 人`,
  };
}

/** The measures the method allows, each to be judged against the limit; `either` passes when one of them does. */
export function measureLayoffs(method: LayoffMethod, headcount: Headcount): LayoffMeasure[] {
  switch (method) {
    case 'net_decrease':
      return [netDecrease(headcount)];
    case 'benefit_claimants':
      return [benefitClaimants(headcount)];
    case 'either':
      return [netDecrease(headcount), benefitClaimants(headcount)];
  }
}

export const METHOD_LABELS: Record<LayoffMethod, string> = {
  net_decrease: '净减员法（上年初参保人数 − 上年末参保人数 − 退休及死亡人数）÷ 上年初参保人数',
  benefit_claimants: '上年度新增领取失业保险金人数 ÷ 上年度月平均参保人数',
  either: '净减员法与领取失业保险金人数法任一方法符合即可',
};
