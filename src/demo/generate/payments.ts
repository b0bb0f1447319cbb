// What a unit paid against its monthly dues: mostly in full on the 15th, with a few units that paid 2023 months
// only in 2024, paid the 2022 arrears during 2023, paid a month in part, or still owe recent months; late payments
// carry a late fee of 0.05% a day (社会保险法 第八十六条).
import { addPeriods, daysInMonth, toDayNumber, yearOf, type IsoDate } from '../../policy/core/dates.ts';
import { applyRatioHalfUp, type Fen } from '../../policy/core/money.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { Rng } from './prng.ts';
import { LEDGER_MONTHS, ledgerPeriod, type Staffing } from './ledger.ts';
import type { UnitPlan } from './unit-plan.ts';

export const PAYMENT_COLUMNS = ['unit_id', 'receipt_no', 'period', 'paid_on', 'amount_fen', 'kind', 'region_code'] as const;

const LATE_FEE_BP_PER_DAY = 5;
const SHARE_2023_PAID_IN_2024 = 0.04;
const SHARE_2022_PAID_IN_2023 = 0.03;
const SHARE_PARTIAL_MONTH = 0.02;
const SHARE_RECENT_UNPAID = 0.01;
/** Ledger indices: 0 = 2022-12, 1…12 = 2023, 13… = 2024. */
const JAN_2023 = 1;
const DEC_2023 = 12;

export interface Payments {
  rows: CellValue[][];
  /** Per ledger month, the day its due was fully paid (null when it was not, or nothing was due). */
  settledOn: (IsoDate | null)[];
}

function day(period: string, dayOfMonth: number): IsoDate {
  return `${period}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The usual day: the 15th; sometimes another day of the month or the 10th of the next. */
function usualPayDay(rng: Rng, period: string): IsoDate {
  const r = rng.next();
  if (r < 0.88) return day(period, 15);
  if (r < 0.97) return day(period, rng.int(1, 28));
  return day(addPeriods(period, 1), 10);
}

function lateFeeFen(amountFen: Fen, period: string, paidOn: IsoDate): Fen {
  const dueBy = day(period, daysInMonth(yearOf(period), Number(period.slice(5, 7))));
  const days = toDayNumber(paidOn) - toDayNumber(dueBy);
  return days > 0 ? applyRatioHalfUp(amountFen, LATE_FEE_BP_PER_DAY * days) : 0;
}

/** Months of 2023 (ledger indices) in which the unit was insured. */
function monthsOf2023(staffing: Staffing): [number, number] {
  return [Math.max(staffing.firstIndex, JAN_2023), DEC_2023];
}

export function paymentsOf(rng: Rng, plan: UnitPlan, staffing: Staffing, dues: readonly Fen[]): Payments {
  const late = new Map<number, IsoDate>();
  const [from2023, to2023] = monthsOf2023(staffing);
  if (from2023 <= to2023 && rng.chance(SHARE_2023_PAID_IN_2024)) {
    const start = rng.int(from2023, to2023);
    const paidOn = day(`2024-0${rng.int(1, 6)}`, rng.int(5, 25));
    for (let m = start; m <= Math.min(to2023, start + rng.int(0, 3)); m++) late.set(m, paidOn);
  }
  if (staffing.firstIndex === 0 && rng.chance(SHARE_2022_PAID_IN_2023)) {
    late.set(0, day(`2023-0${rng.int(2, 9)}`, rng.int(5, 25)));
  }
  let partial: { month: number; share: number; restPaidIn: number | null } | undefined;
  // A dispatch unit's ledger is its workers' payroll added up (鲁人社发〔2024〕8号 第三条), so its months are paid whole, as its workers'
  // contributions are recorded; the draw is still made so every other unit's data stay the same.
  if (from2023 <= to2023 && rng.chance(SHARE_PARTIAL_MONTH) && !plan.laborDispatch) {
    const month = rng.int(from2023, to2023);
    if (!late.has(month))
      partial = { month, share: 0.5 + 0.4 * rng.next(), restPaidIn: rng.chance(0.7) ? month + rng.int(1, 3) : null };
  }
  const unpaidFrom = rng.chance(SHARE_RECENT_UNPAID) ? LEDGER_MONTHS - rng.int(1, 3) : LEDGER_MONTHS;

  const rows: CellValue[][] = [];
  const settledOn: (IsoDate | null)[] = new Array<IsoDate | null>(LEDGER_MONTHS).fill(null);
  let receipts = 0;
  const pay = (period: string, paidOn: IsoDate, amountFen: Fen, kind: 'contribution' | 'late_fee') => {
    const receipt = `SB${paidOn.replaceAll('-', '')}${String(plan.id).padStart(9, '0')}${String(++receipts).padStart(3, '0')}`;
    rows.push([plan.id, receipt, period, paidOn, amountFen, kind, plan.region.code]);
  };
  for (let m = staffing.firstIndex; m < unpaidFrom; m++) {
    const due = dues[m]!;
    if (due === 0) continue;
    const period = ledgerPeriod(m);
    const latePaidOn = late.get(m);
    if (latePaidOn) {
      pay(period, latePaidOn, due, 'contribution');
      pay(period, latePaidOn, lateFeeFen(due, period, latePaidOn), 'late_fee');
      settledOn[m] = latePaidOn;
    } else if (partial?.month === m) {
      const first = Math.floor(due * partial.share);
      pay(period, day(period, 15), first, 'contribution');
      if (partial.restPaidIn !== null && partial.restPaidIn < LEDGER_MONTHS) {
        const restOn = day(ledgerPeriod(partial.restPaidIn), 15);
        pay(period, restOn, due - first, 'contribution');
        settledOn[m] = restOn;
      }
    } else {
      const paidOn = usualPayDay(rng, period);
      pay(period, paidOn, due, 'contribution');
      settledOn[m] = paidOn;
    }
  }
  return { rows, settledOn };
}
