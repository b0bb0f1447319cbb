// 鲁人社发〔2024〕8号 第二条: the refund base is what the unit and its staff actually paid for the previous year
// (上年度实际缴纳失业保险费), without back payments of earlier years' arrears and without late fees.
import { yearOf, type IsoDate, type Period } from '../core/dates.ts';
import { sumFen, type Fen } from '../core/money.ts';
import type { RefundPayment } from './refund-input.ts';

/** The base year of a screening: the calendar year before the screening date. */
export function refundBaseYear(asOf: IsoDate): number {
  return yearOf(asOf) - 1;
}

/** A contribution counts toward the base when it is for a month of the base year and was paid within that year. */
export function countsTowardBase(payment: { period: Period; paidOn: IsoDate }, baseYear: number): boolean {
  return yearOf(payment.period) === baseYear && yearOf(payment.paidOn) === baseYear;
}

export interface RefundBase {
  baseFen: Fen;
  /** Contributions for earlier years' months paid in the base year (补缴历年欠费). */
  arrearsFen: Fen;
  /** Contributions for base-year months paid after the base year. */
  paidLaterFen: Fen;
  /** Late fees paid in the base year (滞纳金). */
  lateFeesFen: Fen;
}

export function refundBase(payments: readonly RefundPayment[], baseYear: number): RefundBase {
  const total = (keep: (p: RefundPayment) => boolean) => sumFen(payments.filter(keep).map((p) => p.amountFen));
  const contribution = (p: RefundPayment) => p.kind === 'contribution';
  return {
    baseFen: total((p) => contribution(p) && countsTowardBase(p, baseYear)),
    arrearsFen: total((p) => contribution(p) && yearOf(p.period) < baseYear && yearOf(p.paidOn) === baseYear),
    paidLaterFen: total((p) => contribution(p) && yearOf(p.period) === baseYear && yearOf(p.paidOn) > baseYear),
    lateFeesFen: total((p) => p.kind === 'late_fee' && yearOf(p.paidOn) === baseYear),
  };
}
