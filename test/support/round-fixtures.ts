// A small population for refund-round tests, written with the BulkWriter: each unit with its ledger from December
// 2022 to July 2024 (the 2024 round screens on 2024-08-15, base year 2023), its headcounts and optional flags.
import type { Store } from '../../src/adapters/store/open-store.ts';
import type { EnterpriseSize, OrgType, UnitFlag } from '../../src/adapters/store/schema.ts';
import { addPeriods, type IsoDate, type Period } from '../../src/policy/core/dates.ts';
import type { CellValue } from '../../src/domain/ports/bulk-writer.ts';
import { sealedCells } from '../../src/domain/sealed-bank-account.ts';
import { testCipher } from './sms-fixtures.ts';

function unitAccountCells(accountNo: string | null): CellValue[] {
  return sealedCells(testCipher, accountNo);
}

export interface FixtureUnit {
  id: number;
  orgType?: OrgType;
  size?: EnterpriseSize | null;
  industry?: string | null;
  employees?: number | null;
  region?: string;
  laborDispatch?: boolean;
  /** false: no corporate account (refund goes to the contribution account). */
  corporateAccount?: boolean;
  /** Contribution due each month, fen. */
  dueFen?: number;
  /** Headcount in December 2022 (`start`), December 2023 (`end`) and the retirements/deaths of 2023. */
  staff?: { start: number; end: number; retiredOrDied?: number };
  /** Months whose contribution was paid on another date than the 20th of the month itself. */
  paidOn?: Record<Period, IsoDate>;
  /** Months left unpaid. */
  unpaid?: Period[];
  lateFees?: { period: Period; paidOn: IsoDate; amountFen: number }[];
  flags?: { flag: UnitFlag; from: IsoDate; to?: IsoDate }[];
}

export const LEDGER_FROM: Period = '2022-12';
export const LEDGER_TO: Period = '2024-07';

export function creditCodeOf(id: number): string {
  return `9137100${String(id).padStart(10, '0')}X`;
}

function ledgerPeriods(): Period[] {
  const periods: Period[] = [];
  for (let p = LEDGER_FROM; p <= LEDGER_TO; p = addPeriods(p, 1)) periods.push(p);
  return periods;
}

/** Writes the units and their records; returns them as given. */
export async function insertFixtureUnits(store: Store, units: readonly FixtureUnit[]): Promise<readonly FixtureUnit[]> {
  const rows: Record<string, CellValue[][]> = {
    units: [],
    unit_flags: [],
    unit_contribution_months: [],
    unit_payments: [],
    unit_headcounts: [],
  };
  for (const u of units) {
    const region = u.region ?? '371002';
    const due = u.dueFen ?? 50_000;
    const staff = u.staff ?? { start: 10, end: 10 };
    rows.units!.push([
      u.id,
      creditCodeOf(u.id),
      `测试单位${u.id}`,
      u.orgType ?? 'enterprise',
      u.industry ?? null,
      u.employees ?? null,
      u.size === undefined ? 'small' : u.size,
      region,
      u.laborDispatch ?? false,
      ...unitAccountCells(u.corporateAccount === false ? null : `6222${String(u.id).padStart(8, '0')}`),
    ]);
    for (const f of u.flags ?? []) rows.unit_flags!.push([u.id, f.flag, f.from, f.to ?? null]);
    for (const period of ledgerPeriods()) {
      rows.unit_contribution_months!.push([u.id, period, due, region]);
      if (u.unpaid?.includes(period)) continue;
      rows.unit_payments!.push([
        u.id,
        `R${u.id}-${period}`,
        period,
        u.paidOn?.[period] ?? `${period}-20`,
        due,
        'contribution',
        region,
      ]);
    }
    for (const fee of u.lateFees ?? []) {
      rows.unit_payments!.push([u.id, `F${u.id}-${fee.period}`, fee.period, fee.paidOn, fee.amountFen, 'late_fee', region]);
    }
    rows.unit_headcounts!.push([u.id, '2022-12', staff.start, 0, region]);
    for (let m = 1; m <= 12; m++) {
      const count = m === 12 ? staff.end : staff.start;
      rows.unit_headcounts!.push([
        u.id,
        `2023-${String(m).padStart(2, '0')}`,
        count,
        m === 6 ? (staff.retiredOrDied ?? 0) : 0,
        region,
      ]);
    }
  }
  await store.bulk.copyRows(
    'units',
    [
      'id',
      'credit_code',
      'name',
      'org_type',
      'industry',
      'employees',
      'size',
      'region_code',
      'labor_dispatch',
      'corporate_account_cipher',
      'corporate_account_masked',
    ],
    rows.units!,
  );
  await store.bulk.copyRows('unit_flags', ['unit_id', 'flag', 'from_date', 'to_date'], rows.unit_flags!);
  await store.bulk.copyRows(
    'unit_contribution_months',
    ['unit_id', 'period', 'due_fen', 'region_code'],
    rows.unit_contribution_months!,
  );
  await store.bulk.copyRows(
    'unit_payments',
    ['unit_id', 'receipt_no', 'period', 'paid_on', 'amount_fen', 'kind', 'region_code'],
    rows.unit_payments!,
  );
  await store.bulk.copyRows(
    'unit_headcounts',
    ['unit_id', 'period', 'insured_count', 'natural_attrition', 'region_code'],
    rows.unit_headcounts!,
  );
  await store.resetIdentity('units');
  return units;
}

/** The population the screening tests use, one unit per situation the round must handle. */
export const ROUND_POPULATION: readonly FixtureUnit[] = [
  // Small enterprise, nothing unusual: 60% of 12 × 500 元.
  { id: 1, size: 'small', flags: [{ flag: 'zombie', from: '2020-01-01', to: '2023-06-30' }] },
  // Laid off 18 of 100 (start 100, end 80, 2 retired): over 5.5%.
  { id: 2, size: 'medium', staff: { start: 100, end: 80, retiredOrDied: 2 }, dueFen: 400_000 },
  // No size and no industry: a case worker must enter the size.
  { id: 3, size: null, industry: null },
  // Labour-dispatch unit: must apply (第三条).
  { id: 4, size: 'small', laborDispatch: true },
  // Government agency: not covered.
  { id: 5, orgType: 'government_agency', size: null },
  // Large enterprise that paid December 2022 in March 2023 and November/December 2023 in January 2024, with a late fee.
  {
    id: 6,
    size: 'large',
    staff: { start: 400, end: 398 },
    dueFen: 2_000_000,
    region: '371082',
    paidOn: { '2022-12': '2023-03-10', '2023-11': '2024-01-10', '2023-12': '2024-01-10' },
    lateFees: [{ period: '2023-11', paidOn: '2024-01-10', amountFen: 12_345 }],
  },
  // On the zombie-enterprise list at the screening date.
  { id: 7, size: 'micro', region: '371082', flags: [{ flag: 'zombie', from: '2024-03-01' }] },
  // Small social organisation without a corporate account: SME ratio, paid into the contribution account (第七条 allows
  // it for small and micro units only).
  { id: 8, orgType: 'social_organization', size: 'small', corporateAccount: false, region: '371082' },
];
