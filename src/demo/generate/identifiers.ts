// Valid identifiers for generated units and people: unified social credit codes (GB 32100-2015) and citizen ID
// numbers (GB 11643-1999), with check characters from src/policy/identifier.ts. Both are unique by construction.
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../policy/identifier.ts';
import type { OrgType } from '../../policy/core/input-fields.ts';
import { fromDayNumber, toDayNumber, type IsoDate } from '../../policy/core/dates.ts';
import { ID_AREAS } from './regions.ts';

/** Registration authority (1st character) and organisation category (2nd) by type of unit (GB 32100-2015 表1). */
const CREDIT_CODE_PREFIX: Record<OrgType, string> = {
  government_agency: '11', // 机构编制 · 机关
  public_institution: '12', // 机构编制 · 事业单位
  law_firm: '31', // 司法行政 · 律师执业机构
  social_organization: '51', // 民政 · 社会团体
  social_service_agency: '52', // 民政 · 民办非企业单位
  foundation: '53', // 民政 · 基金会
  enterprise: '91', // 工商 · 企业
  accounting_firm: '91', // 工商 · 企业 (会计师事务所 register as companies or partnerships)
  individual_business: '92', // 工商 · 个体工商户
};

/** GB 11714-1997 organisation code: 8 body characters then a check character (weights, modulus 11). */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CODE_SPACE = 100_000_000;
/** Odd and not a multiple of 5, so index → index × multiplier mod 10^8 is a bijection. */
const ORG_CODE_MULTIPLIER = 48_271;

function orgCodeCheck(body: string): string {
  const sum = ORG_CODE_WEIGHTS.reduce((acc, weight, i) => acc + Number(body[i]) * weight, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The credit code of unit number `index` (0-based): distinct indices give distinct codes. */
export function makeCreditCode(orgType: OrgType, regionCode: string, index: number, offset: number): string {
  if (index >= ORG_CODE_SPACE) throw new RangeError('too many units for distinct organisation codes');
  const body = String((index * ORG_CODE_MULTIPLIER + offset) % ORG_CODE_SPACE).padStart(8, '0');
  const first17 = CREDIT_CODE_PREFIX[orgType] + regionCode + body + orgCodeCheck(body);
  return first17 + creditCodeCheckCharacter(first17);
}

export const BIRTH_FROM: IsoDate = '1950-01-01';
export const BIRTH_TO: IsoDate = '2007-12-31';
const FIRST_DAY = toDayNumber(BIRTH_FROM);
const DAYS = toDayNumber(BIRTH_TO) - FIRST_DAY + 1;
/** Order codes per area, birth date and sex: 3 digits whose last is odd for men and even for women. */
const ORDER_CODES_PER_SEX = 500;

/**
 * Hands out ID numbers so that no two people share one: a counter per (area, birth date, sex) gives the order code.
 * When a day's 500 codes are used up, the next day is taken (about 2.5 MB of counters, whatever the population).
 */
export class IdNumberAllocator {
  private readonly used = new Uint16Array(ID_AREAS.length * DAYS * 2);
  private readonly areaIndex = new Map(ID_AREAS.map((area, i) => [area, i]));

  allocate(area: string, birthDate: IsoDate, male: boolean): { idNumber: string; birthDate: IsoDate } {
    const a = this.areaIndex.get(area);
    if (a === undefined) throw new RangeError(`unknown ID area ${area}`);
    let day = toDayNumber(birthDate) - FIRST_DAY;
    if (day < 0 || day >= DAYS) throw new RangeError(`birth date ${birthDate} outside ${BIRTH_FROM}…${BIRTH_TO}`);
    for (let tries = 0; tries < DAYS; tries++, day = (day + 1) % DAYS) {
      const slot = (a * DAYS + day) * 2 + (male ? 1 : 0);
      const n = this.used[slot]!;
      if (n >= ORDER_CODES_PER_SEX) continue;
      this.used[slot] = n + 1;
      const date = fromDayNumber(FIRST_DAY + day);
      const order = String(n * 2 + (male ? 1 : 0)).padStart(3, '0');
      const first17 = area + date.replaceAll('-', '') + order;
      return { idNumber: first17 + idNumberCheckCharacter(first17), birthDate: date };
    }
    throw new RangeError(`no ID numbers left for area ${area}`);
  }
}
