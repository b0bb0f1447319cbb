// Fixed people for trying the person portal (/person) on the demo data: three registered unemployed after an
// involuntary separation with more than a year of contributions, who can claim benefit with only the ID number
// (鲁人社发〔2024〕8号 第七条), and an insured worker with a new certificate, who can apply for the skill-upgrade
// subsidy with only its number (第四条). Their ID numbers use order codes 991–995, which the allocator reaches only
// after 495 people of one sex born on the same day in the same area, so they never collide with generated people.
import { addPeriods, periodsBetween, type IsoDate, type Period } from '../../policy/core/dates.ts';
import type { SeparationReason } from '../../domain/benefit.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../domain/masking.ts';
import type { GenerationContext } from './context.ts';
import { monthlyContributionFen } from './ledger.ts';
import { planUnit } from './unit-plan.ts';

interface DemoPerson {
  idNumber: string;
  name: string;
  phone: string;
  bankAccount: string;
  insuredFrom: Period;
  /** Last insured month; null while still insured. */
  insuredTo: Period | null;
}

interface DemoClaimant extends DemoPerson {
  separatedOn: IsoDate;
  reason: SeparationReason;
  registeredOn: IsoDate;
}

export const DEMO_CLAIMANTS: readonly DemoClaimant[] = [
  {
    idNumber: '371002198604159914',
    name: '刘建军',
    phone: '13906310001',
    bankAccount: '6217000000000000011',
    insuredFrom: '2022-09',
    insuredTo: '2024-08',
    separatedOn: '2024-08-31',
    reason: 'contract_expired',
    registeredOn: '2024-09-02',
  },
  {
    idNumber: '371002197911029920',
    name: '王秀兰',
    phone: '13906310002',
    bankAccount: '6217000000000000029',
    insuredFrom: '2020-01',
    insuredTo: '2024-07',
    separatedOn: '2024-07-31',
    reason: 'layoff',
    registeredOn: '2024-08-05',
  },
  {
    idNumber: '371002199207219930',
    name: '张海涛',
    phone: '13906310003',
    bankAccount: '6217000000000000037',
    insuredFrom: '2023-06',
    insuredTo: '2024-08',
    separatedOn: '2024-08-20',
    reason: 'unit_terminated',
    registeredOn: '2024-08-26',
  },
];

export const DEMO_CERTIFICATE_HOLDER: DemoPerson & {
  certificate: { number: string; occupationCode: string; occupationName: string; level: number; issueDate: IsoDate };
} = {
  idNumber: '371002199005089955',
  name: '陈晓东',
  phone: '13906310005',
  bankAccount: '6217000000000000052',
  insuredFrom: '2019-03',
  insuredTo: null,
  // Letter, issuer area, year, a serial no generated certificate reaches (9999999…), level 4 as the 16th digit.
  certificate: {
    number: 'S371002249999999400001',
    occupationCode: '6-31-01-03',
    occupationName: '电工',
    level: 4,
    issueDate: '2024-08-20',
  },
};

export const REGISTRATION_COLUMNS = [
  'person_id',
  'separated_on',
  'unit_id',
  'separation_reason',
  'registered_on',
  'region_code',
] as const;
export const DEMO_PEOPLE_COUNT = DEMO_CLAIMANTS.length + 1;

export interface DemoPeopleRows {
  persons: CellValue[][];
  insurance_spells: CellValue[][];
  person_contributions: CellValue[][];
  certificates: CellValue[][];
  unemployment_registrations: CellValue[][];
}

/** The first unit that is not a labour-dispatch unit (whose base the dispatch split reads from its workers). */
function employerOf(ctx: GenerationContext) {
  for (let i = 0; i < ctx.spec.units; i++) {
    const plan = planUnit(ctx, i);
    if (!plan.laborDispatch) return plan;
  }
  throw new RangeError('no unit to employ the demo people');
}

function birthDateOf(idNumber: string): IsoDate {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** A monthly wage base for the demo people's contributions. */
const BASE_FEN = 600_000;

export function demoPeopleRows(ctx: GenerationContext, firstPersonId: number, cipher: FieldCipher): DemoPeopleRows {
  const unit = employerOf(ctx);
  const monthlyFen = monthlyContributionFen(ctx, BASE_FEN);
  const region = unit.region.code;
  const rows: DemoPeopleRows = {
    persons: [],
    insurance_spells: [],
    person_contributions: [],
    certificates: [],
    unemployment_registrations: [],
  };
  const addPerson = (personId: number, p: DemoPerson) => {
    rows.persons.push([
      personId,
      cipher.blindIndex(p.idNumber),
      cipher.encrypt(p.idNumber),
      maskIdNumber(p.idNumber),
      p.name,
      Number(p.idNumber[16]) % 2 === 1 ? 'male' : 'female',
      birthDateOf(p.idNumber),
      cipher.encrypt(p.phone),
      maskPhone(p.phone),
      cipher.encrypt(p.bankAccount),
      maskBankAccount(p.bankAccount),
      region,
    ]);
    rows.insurance_spells.push([personId, unit.id, p.insuredFrom, p.insuredTo, region]);
  };
  DEMO_CLAIMANTS.forEach((c, i) => {
    const personId = firstPersonId + i;
    addPerson(personId, c);
    for (let m = 0; m <= periodsBetween(c.insuredFrom, c.insuredTo!); m++) {
      const period = addPeriods(c.insuredFrom, m);
      rows.person_contributions.push([personId, unit.id, period, `${period}-15`, monthlyFen, region]);
    }
    rows.unemployment_registrations.push([personId, c.separatedOn, unit.id, c.reason, c.registeredOn, region]);
  });
  const holder = DEMO_CERTIFICATE_HOLDER;
  const holderId = firstPersonId + DEMO_CLAIMANTS.length;
  addPerson(holderId, holder);
  const cert = holder.certificate;
  rows.certificates.push([
    cert.number,
    holderId,
    cert.occupationCode,
    cert.occupationName,
    cert.level,
    cert.issueDate,
    true,
    region,
  ]);
  return rows;
}
