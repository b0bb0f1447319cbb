// The smallest change of a refund input that clears one failed condition of 鲁人社发〔2024〕8号 第二条, each found by
// asking the rule itself: fewer layoffs (the least number, by bisection over what the rule accepts) and more months
// paid in full (the fewest unpaid months that would complete the count the parameter asks for).
import { addPeriods, periodOf, periodsBetween, type Period } from '../core/dates.ts';
import type { ParameterStore } from '../core/parameters.ts';
import { decideJobRetentionRefund } from '../job-retention-refund.ts';
import { fullyPaidMonths } from '../refund/full-months.ts';
import { refundParameters } from '../refund/refund-parameters.ts';
import type { RefundInput } from '../refund/refund-input.ts';

const clears = (input: RefundInput, params: ParameterStore, reason: string) =>
  !decideJobRetentionRefund(input, params).reasons.includes(reason);

/** The least k in 1..max for which `passes(k)`, given that it passes for max and keeps passing above the least. */
function leastPassing(max: number, passes: (k: number) => boolean): number | null {
  if (max < 1 || !passes(max)) return null;
  let [low, high] = [1, max];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (passes(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

export interface LayoffChange {
  fewerLayoffs: number;
  input: RefundInput;
}

/** Keeping `k` more staff on the books (net decrease method) or `k` fewer new benefit claimants (the other method). */
export function fewerLayoffs(input: RefundInput, params: ParameterStore): LayoffChange | null {
  const h = input.headcount;
  const byNetDecrease = (k: number): RefundInput => ({ ...input, headcount: { ...h, end: h.end + k } });
  const byClaimants = (k: number): RefundInput => ({
    ...input,
    headcount: { ...h, benefitClaimants: (h.benefitClaimants ?? 0) - k },
  });
  const basis = h.start > 0 ? h.start : (h.firstInsuredMonth ?? 0);
  const candidates = [
    { max: Math.max(0, basis - h.end - h.retiredOrDied), change: byNetDecrease },
    { max: h.benefitClaimants ?? 0, change: byClaimants },
  ].flatMap(({ max, change }) => {
    const k = leastPassing(max, (n) => clears(change(n), params, 'LAYOFF_RATE_EXCEEDED'));
    return k === null ? [] : [{ fewerLayoffs: k, input: change(k) }];
  });
  return candidates.sort((a, b) => a.fewerLayoffs - b.fewerLayoffs)[0] ?? null;
}

export interface MonthsChange {
  periods: Period[];
  input: RefundInput;
}

/** The months before the screening month, newest first, back to the earliest month the unit owed anything for. */
function monthsBefore(input: RefundInput, count: number): Period[] {
  const last = addPeriods(periodOf(input.asOf), -1);
  return Array.from({ length: count }, (_, i) => addPeriods(last, -i));
}

/**
 * The fewest months to pay in full: for a cumulative count the newest unpaid ones; for a consecutive count the window of
 * `min` months with the fewest unpaid months in it.
 */
function periodsToPay(input: RefundInput, params: ParameterStore): Period[] | null {
  const mode = params.at(refundParameters, 'contributionMonthsMode', input.asOf)?.value;
  const min = params.at(refundParameters, 'minFullMonths', input.asOf)?.value;
  if (!mode || min === undefined) return null;
  const paid = new Set(fullyPaidMonths(input.months, input.payments, input.asOf));
  const span = Math.max(min, ...input.months.map((m) => 1 + monthsDistance(m.period, input)));
  const candidates = monthsBefore(input, span + min);
  if (mode === 'cumulative') return candidates.filter((p) => !paid.has(p)).slice(0, Math.max(0, min - paid.size));
  const windows = Array.from({ length: span }, (_, start) => candidates.slice(start, start + min).filter((p) => !paid.has(p)));
  return windows.sort((a, b) => a.length - b.length)[0] ?? null;
}

const monthsDistance = (period: Period, input: RefundInput) =>
  Math.max(0, periodsBetween(period, addPeriods(periodOf(input.asOf), -1)));

/** Those months owed and paid in full by the screening date (a month never owed is owed at the unit's latest due). */
export function moreFullMonths(input: RefundInput, params: ParameterStore): MonthsChange | null {
  const periods = periodsToPay(input, params);
  if (!periods?.length) return null;
  const due = new Map(input.months.map((m) => [m.period, m.dueFen]));
  const usualDue = [...input.months].sort((a, b) => b.period.localeCompare(a.period)).find((m) => m.dueFen > 0)?.dueFen ?? 1;
  const paidBy = (p: Period) =>
    input.payments
      .filter((x) => x.kind === 'contribution' && x.period === p && x.paidOn <= input.asOf)
      .reduce((sum, x) => sum + x.amountFen, 0);
  const owed = periods.map((period) => ({ period, dueFen: due.get(period) || usualDue }));
  const changed: RefundInput = {
    ...input,
    months: [...input.months.filter((m) => !periods.includes(m.period)), ...owed],
    payments: [
      ...input.payments,
      ...owed.map((m) => ({
        period: m.period,
        paidOn: input.asOf,
        amountFen: Math.max(1, m.dueFen - paidBy(m.period)),
        kind: 'contribution' as const,
      })),
    ],
  };
  return clears(changed, params, 'CONTRIBUTION_MONTHS_INSUFFICIENT') ? { periods: [...periods].sort(), input: changed } : null;
}
