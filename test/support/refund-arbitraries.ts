// fast-check generators of job-retention refund inputs (鲁人社发〔2024〕8号 第二条) and dispatch inputs (第三条),
// biased so that a good share of the generated units are eligible.
import fc from 'fast-check';
import { addPeriods, fromDayNumber, toDayNumber } from '../../src/policy/core/dates.ts';
import { orgTypes, sizes } from '../../src/policy/core/input-fields.ts';
import { exclusionFlags, type ExclusionFlag, type RefundInput } from '../../src/policy/refund/refund-input.ts';
import type { DispatchAllocationInput } from '../../src/policy/dispatch-allocation.ts';

const dateBetween = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

const periodBetween = (from: string, count: number) => fc.integer({ min: 0, max: count - 1 }).map((i) => addPeriods(from, i));

/** How a month's due was paid: on time, short by some fen, after the base year, not at all. */
const monthArb = fc.record({
  dueFen: fc.integer({ min: 0, max: 500_000 }),
  how: fc.oneof(
    { arbitrary: fc.constant('on_time' as const), weight: 12 },
    { arbitrary: fc.constantFrom('short' as const, 'next_year' as const, 'never' as const), weight: 3 },
  ),
});

const strayPaymentArb = fc.record({
  period: periodBetween('2021-06', 48),
  paidOn: dateBetween('2022-01-01', '2025-06-30'),
  amountFen: fc.integer({ min: 0, max: 200_000 }),
  kind: fc.constantFrom('contribution' as const, 'late_fee' as const),
});

export const refundInputArb: fc.Arbitrary<RefundInput> = fc
  .record({
    asOf: fc.oneof(dateBetween('2024-01-01', '2024-12-31'), dateBetween('2023-06-01', '2025-06-30')),
    orgType: fc.oneof(fc.constant('enterprise' as const), fc.constantFrom(...orgTypes)),
    size: fc.option(fc.constantFrom(...sizes), { nil: undefined }),
    flags: fc.oneof(fc.constant<ExclusionFlag[]>([]), fc.subarray([...exclusionFlags])),
    laborDispatch: fc.oneof(fc.constant(false), fc.boolean()),
    hasCorporateAccount: fc.option(fc.boolean(), { nil: undefined }),
    firstMonth: fc.oneof(
      { arbitrary: fc.constant('2023-01'), weight: 3 },
      { arbitrary: periodBetween('2022-06', 20), weight: 1 },
    ),
    months: fc.oneof(
      { arbitrary: fc.array(monthArb, { minLength: 14, maxLength: 24 }), weight: 3 },
      { arbitrary: fc.array(monthArb, { maxLength: 30 }), weight: 1 },
    ),
    strays: fc.array(strayPaymentArb, { maxLength: 4 }),
    start: fc.integer({ min: 0, max: 400 }),
    decrease: fc.oneof(
      { arbitrary: fc.integer({ min: -20, max: 0 }), weight: 3 },
      { arbitrary: fc.integer({ min: -20, max: 40 }), weight: 1 },
    ),
    retiredOrDied: fc.integer({ min: 0, max: 5 }),
    firstInsuredMonth: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  })
  .map((g) => {
    const periods = g.months.map((_, i) => addPeriods(g.firstMonth, i));
    const payments = g.months.flatMap((m, i) => {
      const period = periods[i]!;
      switch (m.how) {
        case 'on_time':
          return [{ period, paidOn: `${period}-15`, amountFen: m.dueFen, kind: 'contribution' as const }];
        case 'short':
          return [{ period, paidOn: `${period}-15`, amountFen: Math.max(0, m.dueFen - 1), kind: 'contribution' as const }];
        case 'next_year':
          return [
            { period, paidOn: `${Number(period.slice(0, 4)) + 1}-01-20`, amountFen: m.dueFen, kind: 'contribution' as const },
          ];
        default:
          return [];
      }
    });
    return {
      asOf: g.asOf,
      unit: {
        creditCode: '91371000MA0000001X',
        orgType: g.orgType,
        size: g.size,
        flags: g.flags,
        laborDispatch: g.laborDispatch,
        hasCorporateAccount: g.hasCorporateAccount,
      },
      months: g.months.map((m, i) => ({ period: periods[i]!, dueFen: m.dueFen })),
      payments: [...payments, ...g.strays],
      headcount: {
        start: g.start,
        end: Math.max(0, g.start - g.decrease),
        retiredOrDied: g.retiredOrDied,
        firstInsuredMonth: g.firstInsuredMonth,
      },
    };
  });

const userUnits = [
  { creditCode: '91371000MA3YH0000A', orgType: 'enterprise' as const },
  { creditCode: '91371000MA3YH0000B', orgType: 'law_firm' as const },
  { creditCode: '11371000MB00000000', orgType: 'government_agency' as const },
  { creditCode: '12371000MB00000000', orgType: 'public_institution' as const },
];

const workerArb = fc.record({
  ownStaff: fc.option(fc.boolean(), { nil: undefined }),
  placements: fc.array(
    fc
      .record({
        from: periodBetween('2022-10', 18),
        length: fc.integer({ min: 0, max: 8 }),
        userUnit: fc.constantFrom(...userUnits),
      })
      .map((p) => ({ from: p.from, to: addPeriods(p.from, p.length), userUnit: p.userUnit })),
    { maxLength: 3 },
  ),
});

/** One contribution of the unit split between two workers (share in percent to the first). */
const splitArb = fc.record({
  worker: fc.integer({ min: 0, max: 5 }),
  other: fc.integer({ min: 0, max: 5 }),
  share: fc.integer({ min: 0, max: 100 }),
});

/**
 * Dispatch inputs whose worker payments are, most of the time, the unit's own contributions broken down (as a true
 * sheet is), and otherwise an unrelated sheet that does not add up.
 */
export const dispatchInputArb: fc.Arbitrary<DispatchAllocationInput> = fc
  .record({
    refund: refundInputArb,
    workers: fc.array(workerArb, { maxLength: 5 }),
    matched: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    splits: fc.array(splitArb, { minLength: 40, maxLength: 40 }),
    payments: fc.array(
      fc.record({
        worker: fc.integer({ min: 0, max: 5 }),
        period: periodBetween('2022-10', 18),
        paidOn: dateBetween('2022-10-01', '2024-03-31'),
        amountFen: fc.integer({ min: 0, max: 300_000 }),
      }),
      { maxLength: 20 },
    ),
  })
  .map((g) => {
    const brokenDown = g.refund.payments
      .filter((p) => p.kind === 'contribution')
      .flatMap((p, i) => {
        const split = g.splits[i % g.splits.length]!;
        const first = Math.floor((p.amountFen * split.share) / 100);
        return [
          { workerId: `W${split.worker}`, period: p.period, paidOn: p.paidOn, amountFen: first },
          { workerId: `W${split.other}`, period: p.period, paidOn: p.paidOn, amountFen: p.amountFen - first },
        ];
      });
    const unrelated = g.payments.map((p) => ({
      workerId: `W${p.worker}`,
      period: p.period,
      paidOn: p.paidOn,
      amountFen: p.amountFen,
    }));
    return {
      ...g.refund,
      unit: { ...g.refund.unit, laborDispatch: true },
      workers: g.workers.map((w, i) => ({ workerId: `W${i}`, ...w })),
      workerPayments: g.matched ? brokenDown : unrelated,
    };
  });
