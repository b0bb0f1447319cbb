// 鲁人社发〔2024〕8号 第二条: the refund base is what the unit and its staff actually paid for the previous year
// (上年度实际缴纳失业保险费), without back payments of earlier years' arrears and without late fees.
import { periodOf, yearOf, type IsoDate, type Period } from '../core/dates.ts';
import { sumFen, type Fen } from '../core/money.ts';
import type { RefundPayment } from './refund-input.ts';

/** The base year of a screening: the calendar year before the screening date. */
export function refundBaseYear(asOf: IsoDate): number {
  return yearOf(asOf) - 1;
}

/**
 * Which payments count: contributions for months of `year` paid within that year, and — under the other reading of
 * "上年度实际缴纳" (parameter `baseIncludesNextJanuaryPayment`) — also those paid in January of the next year.
 */
export interface BaseWindow {
  year: number;
  includeNextJanuary: boolean;
}

function paidInWindow(paidOn: IsoDate, window: BaseWindow): boolean {
  return yearOf(paidOn) === window.year || (window.includeNextJanuary && periodOf(paidOn) === `${window.year + 1}-01`);
}

/** A contribution counts toward the base when it is for a month of the base year and was paid within the window. */
export function countsTowardBase(payment: { period: Period; paidOn: IsoDate }, window: BaseWindow): boolean {
  return yearOf(payment.period) === window.year && paidInWindow(payment.paidOn, window);
}

export interface RefundBase {
  baseFen: Fen;
  /** Contributions for earlier years' months paid in the base year (补缴历年欠费). */
  arrearsFen: Fen;
  /** Contributions for base-year months paid after the window. */
  paidLaterFen: Fen;
  /** Late fees paid in the base year (滞纳金). */
  lateFeesFen: Fen;
}

export function refundBase(payments: readonly RefundPayment[], window: BaseWindow): RefundBase {
  const { year } = window;
  const base: Fen[] = [];
  const arrears: Fen[] = [];
  const paidLater: Fen[] = [];
  const lateFees: Fen[] = [];
  for (const p of payments) {
    const paidYear = yearOf(p.paidOn);
    if (p.kind === 'late_fee') {
      if (paidYear === year) lateFees.push(p.amountFen);
      continue;
    }
    const periodYear = yearOf(p.period);
    if (periodYear < year && paidYear === year) arrears.push(p.amountFen);
    else if (periodYear === year && paidInWindow(p.paidOn, window)) base.push(p.amountFen);
    else if (periodYear === year && paidYear > year) paidLater.push(p.amountFen);
  }
  return { baseFen: sumFen(base), arrearsFen: sumFen(arrears), paidLaterFen: sumFen(paidLater), lateFeesFen: sumFen(lateFees) };
}
