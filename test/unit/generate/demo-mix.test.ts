// The demo population, measured from the rows the generator writes: the mixes the demo needs, valid
// identifiers, and a ledger that agrees with itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCreditCode, checkIdNumber } from '../../../src/policy/identifier.ts';
import { measureLayoffs } from '../../../src/policy/refund/layoffs.ts';
import { ratioAtMost } from '../../../src/policy/core/ratio.ts';
import { evaluateEnterpriseSize } from '../../../src/policy/enterprise-size.ts';
import type { Industry } from '../../../src/policy/core/input-fields.ts';
import { DEMO_CERTIFICATE_HOLDER, DEMO_CLAIMANTS } from '../../../src/demo/generate/demo-people.ts';
import { cipher, generateInMemory, params, type MemoryWriter, type Row } from './support.ts';

let w: MemoryWriter;
let units: Row[];
/** The fixed demo people (src/demo/generate/demo-people.ts) have their own contributions outside the unit ledger. */
let demoPersonIds: Set<unknown>;
const generatedContributions = () => w.rows('person_contributions').filter((c) => !demoPersonIds.has(c.person_id));
const share = (part: number, whole: number) => part / whole;

beforeAll(async () => {
  w = await generateInMemory('demo', 2024);
  units = w.rows('units');
  const demoIds = new Set([...DEMO_CLAIMANTS, DEMO_CERTIFICATE_HOLDER].map((p) => cipher.blindIndex(p.idNumber)));
  demoPersonIds = new Set(
    w
      .rows('persons')
      .filter((p) => demoIds.has(p.id_number_index as string))
      .map((p) => p.id),
  );
}, 180_000);

function groupBy<K>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const r of rows) {
    const k = key(r);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(r);
  }
  return groups;
}

describe('demo scale: units', () => {
  it('has 5,000 units in Weihai’s seven areas and about 60,000 people', () => {
    expect(units).toHaveLength(5_000);
    expect(new Set(units.map((u) => u.region_code))).toEqual(
      new Set(['371002', '371003', '371082', '371083', '371071', '371072', '371073']),
    );
    expect(w.rows('persons').length).toBeGreaterThan(54_000);
    expect(w.rows('persons').length).toBeLessThan(66_000);
  });

  it('gives every unit a distinct valid credit code whose prefix fits its type and whose digits 3–8 are its region', () => {
    const prefixes: Record<string, string> = {
      enterprise: '91',
      accounting_firm: '91',
      individual_business: '92',
      social_organization: '51',
      social_service_agency: '52',
      foundation: '53',
      law_firm: '31',
      government_agency: '11',
      public_institution: '12',
    };
    for (const u of units) {
      const code = u.credit_code as string;
      expect(checkCreditCode(code), code).toEqual([]);
      expect(code.slice(0, 2)).toBe(prefixes[u.org_type as string]);
      expect(code.slice(2, 8)).toBe(u.region_code);
    }
    expect(new Set(units.map((u) => u.credit_code)).size).toBe(units.length);
  });

  it('makes about 1% large, mostly enterprises, a few of each SME-treated type and some agencies and institutions', () => {
    const byType = groupBy(units, (u) => u.org_type as string);
    expect(share(units.filter((u) => u.size === 'large').length, units.length)).toBeGreaterThan(0.006);
    expect(share(units.filter((u) => u.size === 'large').length, units.length)).toBeLessThan(0.015);
    expect(share(byType.get('enterprise')!.length, units.length)).toBeGreaterThan(0.85);
    for (const type of [
      'social_organization',
      'foundation',
      'social_service_agency',
      'law_firm',
      'accounting_firm',
      'individual_business',
      'government_agency',
      'public_institution',
    ]) {
      expect(byType.get(type)?.length ?? 0, type).toBeGreaterThan(3);
    }
    const dispatch = units.filter((u) => u.labor_dispatch === true);
    expect(share(dispatch.length, units.length)).toBeGreaterThan(0.012);
    expect(share(dispatch.length, units.length)).toBeLessThan(0.03);
  });

  it('states sizes that the size standard confirms; about 2% leave it to be derived, about 0.5% cannot be sized', () => {
    const enterprises = units.filter((u) => u.org_type === 'enterprise');
    let derivable = 0;
    let unknown = 0;
    for (const u of enterprises) {
      const decision = evaluateEnterpriseSize(
        {
          id: u.id as number,
          industry: u.industry as Industry,
          employees: u.employees as number | null,
          revenueWan: u.revenue_wan === null ? null : Number(u.revenue_wan),
          assetsWan: u.assets_wan === null ? null : Number(u.assets_wan),
        },
        params,
      );
      const derived = decision.size;
      if (u.size !== null) expect(derived, `unit ${u.id}`).toBe(u.size);
      else if (derived === null) unknown++;
      else derivable++;
    }
    expect(share(derivable, units.length)).toBeGreaterThan(0.01);
    expect(share(derivable, units.length)).toBeLessThan(0.03);
    expect(unknown).toBeGreaterThan(5);
    expect(share(unknown, units.length)).toBeLessThan(0.01);
  });

  it('flags about 1% of units with each exclusion, some dishonesty listings already lifted', () => {
    const flags = groupBy(w.rows('unit_flags'), (f) => f.flag as string);
    for (const flag of ['serious_dishonesty', 'zombie', 'deregistered', 'bankruptcy']) {
      const n = flags.get(flag)?.length ?? 0;
      expect(share(n, units.length), flag).toBeGreaterThan(0.005);
      expect(share(n, units.length), flag).toBeLessThan(0.016);
    }
    expect(flags.get('serious_dishonesty')!.some((f) => f.to_date !== null)).toBe(true);
  });

  it('first insures about 5% of units during 2023', () => {
    const in2023 = units.filter((u) => (u.first_insured_period as string).startsWith('2023-')).length;
    expect(share(in2023, units.length)).toBeGreaterThan(0.035);
    expect(share(in2023, units.length)).toBeLessThan(0.065);
    expect(units.every((u) => (u.first_insured_period as string) <= '2023-12')).toBe(true);
  });

  it('leaves about 4% of units, all small, without a corporate account but with a contribution account', () => {
    const without = units.filter((u) => u.corporate_account_cipher === null && u.corporate_account_masked === null);
    expect(share(without.length, units.length)).toBeGreaterThan(0.025);
    expect(share(without.length, units.length)).toBeLessThan(0.055);
    for (const u of without) {
      expect(cipher.decrypt(u.contribution_account_cipher as Buffer)).toMatch(/^\d{19}$/);
      expect(u.contribution_account_masked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
      expect(['micro', null]).toContain(u.size);
    }
  });
});

describe('demo scale: headcounts and layoffs (SPEC Art. 2 condition 3, net-decrease formula)', () => {
  const rates = () => {
    const out: { basis: number; layoffs: number }[] = [];
    for (const rows of groupBy(w.rows('unit_headcounts'), (h) => h.unit_id).values()) {
      const at = (p: string) => rows.find((r) => r.period === p);
      const december = at('2022-12');
      const [measure] = measureLayoffs('net_decrease', {
        start: (december?.insured_count as number) ?? 0,
        end: at('2023-12')!.insured_count as number,
        retiredOrDied: rows
          .filter((r) => (r.period as string).startsWith('2023'))
          .reduce((s, r) => s + (r.natural_attrition as number), 0),
        firstInsuredMonth: december ? null : (rows[0]!.insured_count as number),
      });
      if (measure && 'layoffs' in measure) out.push(measure);
    }
    return out;
  };

  it('records 2022-12 to 2023-12 for every unit insured then', () => {
    expect(new Set(w.rows('unit_headcounts').map((h) => h.unit_id)).size).toBe(units.length);
    expect(w.rows('unit_headcounts').every((h) => (h.period as string) >= '2022-12' && (h.period as string) <= '2023-12')).toBe(
      true,
    );
  });

  it('passes most units above 30 staff, fails some narrowly above 5.5% and holds some at exactly 5.5%', () => {
    const larger = rates().filter((r) => r.basis > 30);
    const passing = larger.filter((r) => ratioAtMost(r.layoffs, r.basis, 550));
    expect(share(passing.length, larger.length)).toBeGreaterThan(0.85);
    const exactly = larger.filter((r) => r.layoffs * 200 === r.basis * 11);
    expect(exactly.length).toBeGreaterThan(0);
    // Narrowly: one layoff fewer would have passed.
    const narrowlyAbove = larger.filter((r) => !ratioAtMost(r.layoffs, r.basis, 550) && ratioAtMost(r.layoffs - 1, r.basis, 550));
    expect(share(narrowlyAbove.length, larger.length)).toBeGreaterThan(0.015);
    expect(share(narrowlyAbove.length, larger.length)).toBeLessThan(0.05);
  });

  it('gives some small units (≤ 30) rates around 20%, on both sides of it', () => {
    const small = rates().filter((r) => r.basis <= 30 && r.layoffs > 0);
    const around = small.filter((r) => ratioAtMost(r.layoffs, r.basis, 3000) && !ratioAtMost(r.layoffs, r.basis, 1000));
    expect(around.some((r) => ratioAtMost(r.layoffs, r.basis, 2000))).toBe(true);
    expect(around.some((r) => !ratioAtMost(r.layoffs, r.basis, 2000))).toBe(true);
  });
});

describe('demo scale: contributions and payments', () => {
  it('has dues for 2022-12 … 2024-07 and pays most months in full on the 15th', () => {
    const months = w.rows('unit_contribution_months');
    expect(months.every((m) => (m.period as string) >= '2022-12' && (m.period as string) <= '2024-07')).toBe(true);
    const contributions = w.rows('unit_payments').filter((p) => p.kind === 'contribution');
    expect(
      share(contributions.filter((p) => (p.paid_on as string).endsWith('-15')).length, contributions.length),
    ).toBeGreaterThan(0.8);
    expect(new Set(w.rows('unit_payments').map((p) => `${p.unit_id}/${p.receipt_no}`)).size).toBe(w.rows('unit_payments').length);
  });

  it('has 2023 months paid in 2024, 2022 arrears paid in 2023, and late fees paid with them', () => {
    const payments = w.rows('unit_payments');
    const late2023 = payments.filter(
      (p) => p.kind === 'contribution' && (p.period as string).startsWith('2023') && (p.paid_on as string).startsWith('2024'),
    );
    const arrears2022 = payments.filter(
      (p) => p.kind === 'contribution' && p.period === '2022-12' && (p.paid_on as string).startsWith('2023'),
    );
    const fees = payments.filter((p) => p.kind === 'late_fee');
    expect(new Set(late2023.map((p) => p.unit_id)).size).toBeGreaterThan(50);
    expect(new Set(arrears2022.map((p) => p.unit_id)).size).toBeGreaterThan(30);
    expect(fees.length).toBeGreaterThan(0);
    for (const fee of fees) {
      expect(fee.amount_fen).toBeGreaterThan(0);
      expect(
        payments.some(
          (p) => p.kind === 'contribution' && p.unit_id === fee.unit_id && p.period === fee.period && p.paid_on === fee.paid_on,
        ),
      ).toBe(true);
    }
  });

  it('has months paid only in part', () => {
    const due = new Map(w.rows('unit_contribution_months').map((m) => [`${m.unit_id}/${m.period}`, m.due_fen as number]));
    const paid = new Map<string, number>();
    for (const p of w.rows('unit_payments')) {
      if (p.kind === 'contribution')
        paid.set(`${p.unit_id}/${p.period}`, (paid.get(`${p.unit_id}/${p.period}`) ?? 0) + (p.amount_fen as number));
    }
    const short = [...due].filter(([key, fen]) => (paid.get(key) ?? 0) > 0 && paid.get(key)! < fen);
    expect(short.length).toBeGreaterThan(5);
    expect([...paid].every(([key, fen]) => fen <= (due.get(key) ?? 0))).toBe(true);
  });

  it('makes each unit’s 2023 dues the sum of its people’s contributions when its people are generated', () => {
    const sums = new Map<string, number>();
    for (const c of generatedContributions()) {
      expect((c.period as string).startsWith('2023')).toBe(true);
      const key = `${c.unit_id}/${c.period}`;
      sums.set(key, (sums.get(key) ?? 0) + (c.amount_fen as number));
    }
    const due = new Map(w.rows('unit_contribution_months').map((m) => [`${m.unit_id}/${m.period}`, m.due_fen as number]));
    expect(sums.size).toBeGreaterThan(1_000);
    for (const [key, fen] of sums) expect(fen, key).toBe(due.get(key));
  });

  it('gives every labour-dispatch unit a 2023 base equal to its workers’ 2023 contributions paid in 2023 (第三条)', () => {
    const inBase = (r: Row) => (r.period as string).startsWith('2023') && (r.paid_on as string).startsWith('2023');
    const total = (rows: Row[]) => {
      const sums = new Map<unknown, number>();
      for (const r of rows.filter(inBase)) sums.set(r.unit_id, (sums.get(r.unit_id) ?? 0) + (r.amount_fen as number));
      return sums;
    };
    const dispatch = units.filter((u) => u.labor_dispatch === true).map((u) => u.id);
    const workers = total(generatedContributions());
    const own = total(w.rows('unit_payments').filter((p) => p.kind === 'contribution'));
    const withWorkers = dispatch.filter((id) => workers.has(id));
    expect(withWorkers.length).toBeGreaterThan(10);
    for (const id of withWorkers) expect(workers.get(id), `unit ${String(id)}`).toBe(own.get(id));
  });
});

describe('demo scale: people', () => {
  it('stores valid, distinct ID numbers only encrypted, with blind index, masked copy, birth date and sex that match', () => {
    const seen = new Set<string>();
    for (const p of w.rows('persons')) {
      const id = cipher.decrypt(p.id_number_cipher as Buffer);
      expect(checkIdNumber(id), id).toEqual([]);
      expect(p.id_number_index).toBe(cipher.blindIndex(id));
      expect(p.id_number_masked).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
      expect(id.slice(6, 14)).toBe((p.birth_date as string).replaceAll('-', ''));
      expect(Number(id[16]) % 2 === 1).toBe(p.gender === 'male');
      expect(cipher.decrypt(p.phone_cipher as Buffer)).toMatch(/^1[3-9]\d{9}$/);
      expect(/^[\u4e00-\u9fa5]{2,4}$/.test(p.name as string)).toBe(true);
      seen.add(id);
    }
    expect(seen.size).toBe(w.rows('persons').length);
  });

  it('places dispatch workers at enterprises and at government agencies and public institutions that exist', () => {
    const byCode = new Map(units.map((u) => [u.credit_code, u]));
    const placements = w.rows('dispatch_placements');
    const placed = placements.filter((p) => !p.own_staff);
    for (const p of placed) expect(byCode.get(p.user_unit_credit_code)?.org_type).toBe(p.user_unit_org_type);
    const types = new Set(placed.map((p) => p.user_unit_org_type));
    expect(types).toContain('government_agency');
    expect(types).toContain('public_institution');
    expect(types).toContain('enterprise');
    expect(placements.some((p) => p.own_staff)).toBe(true);
    const dispatchIds = new Set(units.filter((u) => u.labor_dispatch).map((u) => u.id));
    expect(new Set(placements.map((p) => p.dispatch_unit_id))).toEqual(dispatchIds);
    // Every dispatch worker's base-year contributions are there to split.
    const paidFor = new Set(
      w
        .rows('person_contributions')
        .filter((c) => dispatchIds.has(c.unit_id))
        .map((c) => c.person_id),
    );
    expect(placements.filter((p) => (p.to_period as string) >= '2023-01').every((p) => paidFor.has(p.person_id))).toBe(true);
  });

  it('issues certificates of all five levels, mostly verified, dated 2023-06 … 2024-10, numbered with the level', () => {
    const certificates = w.rows('certificates');
    expect(new Set(certificates.map((c) => c.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(share(certificates.filter((c) => c.verified).length, certificates.length)).toBeGreaterThan(0.85);
    for (const c of certificates) {
      expect((c.issue_date as string) >= '2023-06-01' && (c.issue_date as string) <= '2024-10-31').toBe(true);
      expect(c.number).toMatch(/^[SY]\d{21}$/);
      expect(Number((c.number as string)[16])).toBe(c.level);
      expect(c.occupation_code).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
    }
  });

  it('records earlier skill and training subsidies, and benefit periods some certificates fall in', () => {
    const grants = w.rows('subsidy_grants');
    expect(grants.some((g) => g.type === 'skill_subsidy')).toBe(true);
    expect(grants.some((g) => g.type === 'vocational_training_subsidy')).toBe(true);
    const byPerson = groupBy(
      grants.filter((g) => g.type === 'skill_subsidy' && (g.granted_on as string).startsWith('2024')),
      (g) => g.person_id,
    );
    expect([...byPerson.values()].some((list) => list.length >= 3)).toBe(true);
    const benefits = groupBy(w.rows('benefit_periods'), (b) => b.person_id);
    expect(benefits.size).toBeGreaterThan(100);
    const certifiedOnBenefit = w
      .rows('certificates')
      .filter((c) =>
        benefits
          .get(c.person_id)
          ?.some((b) => (c.issue_date as string) >= (b.from_date as string) && (c.issue_date as string) <= (b.to_date as string)),
      );
    expect(certifiedOnBenefit.length).toBeGreaterThan(0);
  });

  it('includes the fixed demo people: three registered unemployed and a certificate holder', () => {
    expect(demoPersonIds.size).toBe(4);
    expect(w.rows('unemployment_registrations').map((r) => r.separation_reason)).toEqual([
      'contract_expired',
      'layoff',
      'unit_terminated',
    ]);
    expect(w.rows('certificates').some((c) => c.number === 'S371002249999999400001')).toBe(true);
  });

  it('gives people insurance spells, some with an earlier job at another unit', () => {
    const spells = groupBy(w.rows('insurance_spells'), (s) => s.person_id);
    expect(spells.size).toBe(w.rows('persons').length);
    expect([...spells.values()].filter((list) => list.length > 1).length).toBeGreaterThan(5_000);
    for (const list of spells.values()) {
      for (const s of list) expect(s.to_period === null || (s.to_period as string) >= (s.from_period as string)).toBe(true);
    }
  });
});
