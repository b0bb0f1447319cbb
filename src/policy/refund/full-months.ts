// 鲁人社发〔2024〕8号 第二条 "足额缴纳失业保险费12个月以上": the months, before the month of the screening date, whose
// contribution due was fully paid by the screening date — counted cumulatively or as the longest consecutive run.
import { addPeriods, periodOf, type IsoDate, type Period } from '../core/dates.ts';
import type { RefundInput } from './refund-input.ts';

export const MONTHS_MODES = ['cumulative', 'consecutive'] as const;
export type MonthsMode = (typeof MONTHS_MODES)[number];

/** Fen per period; a total beyond the safe integer range is refused rather than rounded. */
function addTo(totals: Map<Period, number>, period: Period, fen: number): void {
  const total = (totals.get(period) ?? 0) + fen;
  if (!Number.isSafeInteger(total)) throw new RangeError(`amount for ${period} is outside the safe integer range`);
  totals.set(period, total);
}

/** The months (sorted) that were due and fully paid by `asOf`, before the month of `asOf`. */
export function fullyPaidMonths(months: RefundInput['months'], payments: RefundInput['payments'], asOf: IsoDate): Period[] {
  const before = periodOf(asOf);
  const due = new Map<Period, number>();
  for (const m of months) if (m.period < before) addTo(due, m.period, m.dueFen);
  const paid = new Map<Period, number>();
  for (const p of payments) {
    if (p.kind === 'contribution' && p.paidOn <= asOf && due.has(p.period)) addTo(paid, p.period, p.amountFen);
  }
  const full: Period[] = [];
  for (const [period, dueFen] of due) if (dueFen > 0 && (paid.get(period) ?? 0) >= dueFen) full.push(period);
  return full.sort();
}

function longestRun(sorted: readonly Period[]): number {
  let longest = 0;
  let run = 0;
  sorted.forEach((p, i) => {
    run = i > 0 && addPeriods(sorted[i - 1]!, 1) === p ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

export function countFullMonths(fullMonths: readonly Period[], mode: MonthsMode): number {
  switch (mode) {
    case 'cumulative':
      return fullMonths.length;
    case 'consecutive':
      return longestRun(fullMonths);
  }
}

export const MODE_LABELS: Record<MonthsMode, string> = { cumulative: '累计', consecutive: '连续' };
