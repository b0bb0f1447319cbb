// Deterministic, varied contract cases for benchmarks (shapes from ../shared/policy/CONTRACT.md).
import { addPeriods } from '../src/policy/core/dates.ts';

const CREDIT_CODES = ['91371000MA0000139Q', '91371000MA0000140X'];
const ID_NUMBERS = ['371002198503121239', '371002199001011237', '11010519491231002X'];

function refundCase(i: number) {
  const due = 10_000 + (i % 50) * 1_000;
  const periods = Array.from({ length: 19 }, (_, k) => addPeriods('2023-01', k));
  return {
    id: `R${i}`,
    asOf: '2024-08-15',
    unit: {
      creditCode: CREDIT_CODES[i % 2],
      orgType: i % 17 === 0 ? 'social_organization' : 'enterprise',
      size: i % 100 === 0 ? 'large' : 'small',
      hasCorporateAccount: i % 25 !== 0,
    },
    months: periods.map((period) => ({ period, dueFen: due })),
    payments: periods
      .filter((_, k) => k !== i % 23)
      .map((period) => ({ period, paidOn: `${period}-15`, amountFen: due, kind: 'contribution' })),
    headcount: { start: 20 + (i % 300), end: 20 + (i % 300) - (i % 7), retiredOrDied: i % 2 },
  };
}

const builders: Record<string, (i: number) => unknown> = {
  contribution: (i) => ({ id: `C${i}`, period: addPeriods('2024-01', i % 24), wageBaseFen: 400_000 + i }),
  'enterprise-size': (i) => ({
    id: `E${i}`,
    industry: ['industrial', 'retail', 'software_it', 'catering'][i % 4],
    employees: i % 1500,
    revenueWan: (i * 37) % 50_000,
  }),
  'job-retention-refund': refundCase,
  'dispatch-allocation': (i) => ({
    ...refundCase(i),
    id: `D${i}`,
    unit: { ...refundCase(i).unit, laborDispatch: true },
    workers: [
      {
        workerId: 'w1',
        placements: [{ from: '2023-01', to: '2023-12', userUnit: { creditCode: CREDIT_CODES[1], orgType: 'enterprise' } }],
      },
      { workerId: 'w2', ownStaff: true, placements: [] },
    ],
    workerPayments: ['w1', 'w2'].flatMap((workerId) =>
      Array.from({ length: 12 }, (_, k) => ({
        workerId,
        period: addPeriods('2023-01', k),
        paidOn: `${addPeriods('2023-01', k)}-15`,
        amountFen: 5_000,
      })),
    ),
  }),
  'skill-subsidy': (i) => ({
    id: `S${i}`,
    applicationDate: '2024-10-08',
    person: {
      idNumber: ID_NUMBERS[i % 3],
      status: i % 5 === 0 ? 'unemployed' : 'employed',
      insuredMonths: i % 40,
      benefitPeriods: [{ from: '2024-01-01', to: '2024-12-31' }],
    },
    certificate: {
      number: `S0001370000012414${String(i % 100000).padStart(5, '0')}`,
      occupationCode: '6-31-01-03',
      level: 1 + (i % 5),
      issueDate: '2024-06-30',
      verified: i % 11 !== 0,
    },
    history: i % 3 === 0 ? [{ type: 'skill_subsidy', occupationCode: '6-31-01-03', level: 3, grantedOn: '2024-02-01' }] : [],
  }),
  'unemployment-benefit': (i) => ({
    id: `U${i}`,
    claimDate: '2024-03-01',
    contributionMonths: i % 150,
    involuntary: i % 9 !== 0,
    registeredUnemployed: true,
    carriedOverMonths: i % 4,
  }),
  'spending-cap': (i) => ({
    id: `P${i}`,
    sealedBalanceFen: 200_000_000,
    committedFen: (i * 1_000) % 30_000_000,
    requestFen: 1_000_000,
    planFiled: i % 13 !== 0,
  }),
  identifier: (i) =>
    i % 2
      ? { id: `I${i}`, kind: 'credit_code', value: CREDIT_CODES[i % 2] }
      : { id: `I${i}`, kind: 'id_number', value: ID_NUMBERS[i % 3] },
};

export function sampleCase(rule: string, i: number): unknown {
  const build = builders[rule];
  if (!build) throw new Error(`no sample cases for rule ${rule}`);
  return build(i);
}
