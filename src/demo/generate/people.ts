// The people of a unit whose staff are generated: personal data (encrypted, with masked copies), insurance spells,
// monthly contributions, skill certificates, earlier subsidies and unemployment-benefit periods.
import {
  addDays,
  addMonths,
  addPeriods,
  firstDayOf,
  fromDayNumber,
  periodOf,
  periodsBetween,
  toDayNumber,
  yearOf,
  type IsoDate,
} from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../domain/masking.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { GenerationContext } from './context.ts';
import type { IdNumberAllocator } from './identifiers.ts';
import { NEVER, ledgerPeriod, type Staffing } from './ledger.ts';
import { personName } from './names.ts';
import type { Rng } from './prng.ts';
import { pickIdArea } from './regions.ts';
import { BASE_YEAR, LEDGER_FROM } from './scales.ts';
import { mobilePhone } from './unit-record.ts';
import { planUnit, type UnitPlan } from './unit-plan.ts';
import { amountForLevel } from '../../policy/skill-subsidy.ts';

export const PERSON_COLUMNS = [
  'id',
  'id_number_index',
  'id_number_cipher',
  'id_number_masked',
  'name',
  'gender',
  'birth_date',
  'phone_cipher',
  'phone_masked',
  'bank_account_cipher',
  'bank_account_masked',
  'region_code',
] as const;
export const SPELL_COLUMNS = ['person_id', 'unit_id', 'from_period', 'to_period', 'region_code'] as const;
export const PERSON_CONTRIBUTION_COLUMNS = ['person_id', 'unit_id', 'period', 'paid_on', 'amount_fen', 'region_code'] as const;
export const CERTIFICATE_COLUMNS = [
  'number',
  'person_id',
  'occupation_code',
  'occupation_name',
  'level',
  'issue_date',
  'verified',
  'region_code',
] as const;
export const GRANT_COLUMNS = [
  'person_id',
  'type',
  'occupation_code',
  'level',
  'granted_on',
  'amount_fen',
  'region_code',
] as const;
export const BENEFIT_COLUMNS = ['person_id', 'from_date', 'to_date', 'region_code'] as const;

/** Rows of the person tables, in the order foreign keys need them written. */
export interface PeopleRows {
  persons: CellValue[][];
  insurance_spells: CellValue[][];
  person_contributions: CellValue[][];
  certificates: CellValue[][];
  subsidy_grants: CellValue[][];
  benefit_periods: CellValue[][];
}

/** A generated person as the dispatch placements need them. */
export interface PersonSpell {
  personId: number;
  from: string;
  to: string | null;
}

/** Skill occupations (职业分类大典 codes N-NN-NN-NN). */
const OCCUPATIONS: readonly (readonly [string, string])[] = [
  ['6-31-01-03', '电工'],
  ['6-18-02-04', '焊工'],
  ['6-18-01-01', '车工'],
  ['6-18-01-02', '铣工'],
  ['4-03-02-01', '中式烹调师'],
  ['4-03-02-02', '中式面点师'],
  ['4-12-01-01', '汽车维修工'],
  ['4-10-01-05', '养老护理员'],
];
const LEVELS: readonly (readonly [number, number])[] = [
  [5, 35],
  [4, 30],
  [3, 20],
  [2, 10],
  [1, 5],
];
const CERTIFICATES_FROM = toDayNumber('2023-06-01');
const CERTIFICATES_TO = toDayNumber('2024-10-31');
const SHARE_VERIFIED = 0.93;
/**
 * Per-person contributions serve the dispatch split of the base-year refund (鲁人社发〔2024〕8号 第三条), so they
 * are generated for the base year's months only (ledger indices, end exclusive); the unit ledger covers more.
 */
const BASE_YEAR_FIRST = periodsBetween(LEDGER_FROM, `${BASE_YEAR}-01`);
const BASE_YEAR_END = periodsBetween(LEDGER_FROM, `${BASE_YEAR}-12`) + 1;
const SHARE_PRIOR_SPELL = 0.3;
const SHARE_LAID_OFF_ON_BENEFIT = 0.6;
/** Earlier grants of a certificate's own subsidy are dated before the notice (2024-07-09). */
const LATEST_EARLIER_GRANT = '2024-04-01';

function randomDay(rng: Rng, from: number, to: number): IsoDate {
  return fromDayNumber(rng.int(from, to));
}

function birthDateFor(rng: Rng, departure: Staffing['departure'][number], male: boolean): IsoDate {
  let year: number;
  if (departure === 'attrition' && rng.chance(0.8))
    year = male ? 1963 : 1973; // reached retirement age in 2023
  else year = 2023 - rng.int(19, 58);
  return fromDayNumber(toDayNumber(`${year}-01-01`) + rng.int(0, 364));
}

/** 1 letter + 21 digits: issuer area (6), year (2), serial (7), level (the 16th digit), serial (5). */
function certificateNumber(rng: Rng, area: string, issued: IsoDate, level: number, personId: number, seq: number): string {
  const serial = String(personId * 10 + seq).padStart(12, '0');
  return `${rng.chance(0.7) ? 'S' : 'Y'}${area}${issued.slice(2, 4)}${serial.slice(0, 7)}${level}${serial.slice(7)}`;
}

export interface PeopleInput {
  ctx: GenerationContext;
  plan: UnitPlan;
  staffing: Staffing;
  settledOn: readonly (IsoDate | null)[];
  monthlyFen: readonly Fen[];
  firstPersonId: number;
  ids: IdNumberAllocator;
  cipher: FieldCipher;
  rng: Rng;
}

export function peopleOf(input: PeopleInput): { rows: PeopleRows; spells: PersonSpell[] } {
  const { plan, staffing, rng } = input;
  const rows: PeopleRows = {
    persons: [],
    insurance_spells: [],
    person_contributions: [],
    certificates: [],
    subsidy_grants: [],
    benefit_periods: [],
  };
  const spells: PersonSpell[] = [];
  const region = plan.region.code;
  for (let p = 0; p < plan.persons; p++) {
    const personId = input.firstPersonId + p;
    const male = rng.chance(0.55);
    const { idNumber, birthDate } = input.ids.allocate(
      pickIdArea(rng, plan.region),
      birthDateFor(rng, staffing.departure[p]!, male),
      male,
    );
    const phone = mobilePhone(rng);
    const bankAccount = `62${rng.digits(17)}`;
    rows.persons.push([
      personId,
      input.cipher.blindIndex(idNumber),
      input.cipher.encrypt(idNumber),
      maskIdNumber(idNumber),
      personName(rng, male),
      male ? 'male' : 'female',
      birthDate,
      input.cipher.encrypt(phone),
      maskPhone(phone),
      input.cipher.encrypt(bankAccount),
      maskBankAccount(bankAccount),
      region,
    ]);

    const join = staffing.join[p]!;
    const leave = staffing.leave[p]!;
    const from = join > 0 ? ledgerPeriod(join) : hiredBy2022(rng, plan, birthDate);
    const to = leave < NEVER ? ledgerPeriod(leave - 1) : null;
    rows.insurance_spells.push([personId, plan.id, from, to, region]);
    spells.push({ personId, from, to });
    const prior = priorSpell(input, rng, from, birthDate);
    if (prior) rows.insurance_spells.push([personId, ...prior]);

    for (let m = Math.max(join, BASE_YEAR_FIRST); m < Math.min(leave, BASE_YEAR_END); m++) {
      const paidOn = input.settledOn[m];
      if (paidOn) rows.person_contributions.push([personId, plan.id, ledgerPeriod(m), paidOn, input.monthlyFen[p]!, region]);
    }

    const benefit =
      staffing.departure[p] === 'layoff' && rng.chance(SHARE_LAID_OFF_ON_BENEFIT)
        ? benefitAfter(rng, ledgerPeriod(leave))
        : undefined;
    if (benefit) rows.benefit_periods.push([personId, benefit.from, benefit.to, region]);
    certificatesOf(input, rng, personId, benefit, rows);
  }
  return { rows, spells };
}

/** A start before 2022-12 for someone already insured then: after the unit's first month and their 18th birthday. */
function hiredBy2022(rng: Rng, plan: UnitPlan, birthDate: IsoDate): string {
  const adult = addPeriods(periodOf(birthDate), 18 * 12);
  const earliest = [plan.firstInsured, adult].sort()[1]!;
  const span = Math.max(0, periodsBetween(earliest, LEDGER_FROM));
  return addPeriods(LEDGER_FROM, -rng.skewedInt(0, span, 2));
}

/** An earlier job at another (already generated) unit, ended before this one started and before 2022-12. */
function priorSpell(input: PeopleInput, rng: Rng, from: string, birthDate: IsoDate): CellValue[] | undefined {
  if (input.plan.index === 0 || !rng.chance(SHARE_PRIOR_SPELL)) return undefined;
  const other = planUnit(input.ctx, rng.int(0, input.plan.index - 1));
  const to = [addPeriods(from, -rng.int(1, 6)), addPeriods(LEDGER_FROM, -1)].sort()[0]!;
  const priorFrom = [addPeriods(to, -rng.int(6, 96)), other.firstInsured, addPeriods(periodOf(birthDate), 18 * 12)].sort()[2]!;
  if (priorFrom > to) return undefined;
  return [other.id, priorFrom, to, other.region.code];
}

/** Unemployment benefit from shortly after leaving, for 3–12 months. */
function benefitAfter(rng: Rng, leftIn: string): { from: IsoDate; to: IsoDate } {
  const from = addDays(firstDayOf(leftIn), rng.int(0, 40));
  return { from, to: addDays(addMonths(from, rng.int(3, 12)), -1) };
}

function certificatesOf(
  input: PeopleInput,
  rng: Rng,
  personId: number,
  benefit: { from: IsoDate; to: IsoDate } | undefined,
  rows: PeopleRows,
): void {
  const r = rng.next();
  let count = r < 0.08 ? 1 : r < 0.1 ? 2 : r < 0.105 ? 3 : 0;
  // Some of the unemployed certify while on benefit.
  const duringBenefit =
    benefit && rng.chance(0.4)
      ? ([Math.max(CERTIFICATES_FROM, toDayNumber(benefit.from)), Math.min(CERTIFICATES_TO, toDayNumber(benefit.to))] as const)
      : undefined;
  if (duringBenefit && duringBenefit[0] <= duringBenefit[1]) count = Math.max(count, 1);
  const region = input.plan.region.code;
  const firstOccupation = rng.int(0, OCCUPATIONS.length - 1);
  for (let seq = 0; seq < count; seq++) {
    const [code, name] = OCCUPATIONS[(firstOccupation + seq) % OCCUPATIONS.length]!;
    const level = rng.weighted(LEVELS);
    const issued =
      seq === 0 && duringBenefit && duringBenefit[0] <= duringBenefit[1]
        ? randomDay(rng, duringBenefit[0], duringBenefit[1])
        : randomDay(rng, CERTIFICATES_FROM, CERTIFICATES_TO);
    const number = certificateNumber(rng, input.plan.region.idArea, issued, level, personId, seq);
    rows.certificates.push([number, personId, code, name, level, issued, rng.chance(SHARE_VERIFIED), region]);
    if (seq === 0) rows.subsidy_grants.push(...earlierGrants(input.ctx, rng, personId, code, level, issued, region));
  }
}

/**
 * Grants a certificate holder may already have had: the same certificate's subsidy, a higher level of the same
 * occupation, a training subsidy for it, three other skill subsidies this year, or an unrelated older one.
 */
function earlierGrants(
  ctx: GenerationContext,
  rng: Rng,
  personId: number,
  code: string,
  level: number,
  issued: IsoDate,
  region: string,
): CellValue[][] {
  const skill = (occupation: string, lvl: number, on: IsoDate): CellValue[] | undefined => {
    const amount = amountForLevel(ctx.skillAmountByLevel, lvl);
    return amount === undefined ? undefined : [personId, 'skill_subsidy', occupation, lvl, on, amount, region];
  };
  const others = OCCUPATIONS.map(([c]) => c).filter((c) => c !== code);
  const r = rng.next();
  const rows: (CellValue[] | undefined)[] = [];
  if (r < 0.04 && issued < LATEST_EARLIER_GRANT) rows.push(skill(code, level, addDays(issued, rng.int(20, 90))));
  else if (r < 0.08 && level > 3)
    rows.push(skill(code, rng.int(3, level - 1), fromDayNumber(rng.int(toDayNumber('2022-01-01'), toDayNumber(issued) - 1))));
  else if (r < 0.12)
    rows.push([
      personId,
      'vocational_training_subsidy',
      code,
      level,
      addDays(issued, rng.int(-60, -1)),
      rng.int(600, 1500) * 100,
      region,
    ]);
  else if (r < 0.15) {
    const on = toDayNumber('2024-01-02');
    for (let i = 0; i < 3; i++) rows.push(skill(others[i]!, 5, fromDayNumber(on + rng.int(0, 120))));
  } else if (r < 0.25)
    rows.push(skill(rng.pick(others), rng.pick([5, 4]), `${yearOf(issued) - 1}-${String(rng.int(1, 12)).padStart(2, '0')}-20`));
  return rows.filter((row): row is CellValue[] => row !== undefined);
}
