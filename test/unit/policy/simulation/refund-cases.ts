// Refund inputs for the simulation tests, written out from a story: a medium enterprise that paid 2,000 yuan a month
// in full through 2023 and the first half of 2024 and kept its staff.
import type { RefundInput } from '../../../../src/policy/refund/refund-input.ts';

export const PERIODS = Array.from(
  { length: 19 },
  (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

export function refundCase(
  overrides: { size?: RefundInput['unit']['size']; paidPeriods?: readonly string[]; headcount?: RefundInput['headcount'] } = {},
): RefundInput {
  const paid = overrides.paidPeriods ?? PERIODS;
  return {
    id: 'case',
    asOf: '2024-08-15',
    unit: {
      creditCode: '91371002MA3C100011',
      name: '模拟单位',
      orgType: 'enterprise',
      size: overrides.size ?? 'medium',
      industry: 'industrial',
      employees: 200,
      revenueWan: null,
      assetsWan: null,
      flags: [],
      laborDispatch: false,
      hasCorporateAccount: true,
    },
    months: PERIODS.map((period) => ({ period, dueFen: 200_000 })),
    payments: paid.map((period) => ({ period, paidOn: `${period}-20`, amountFen: 200_000, kind: 'contribution' as const })),
    headcount: overrides.headcount ?? { start: 200, end: 200, retiredOrDied: 0 },
  };
}
