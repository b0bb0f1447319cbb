// What the skill-subsidy rule needs besides the certificate, read from the store (鲁人社发〔2024〕8号 第四条：无需个人
// 提供证明材料): whether the person is insured at the application date and for how many months in all, their
// unemployment-benefit periods, and the subsidies already granted to them.
import type { Transaction } from 'kysely';
import type { Database, GrantType } from '../../adapters/store/schema.ts';
import type { RegistryCertificate } from '../../domain/ports/certificate-registry.ts';
import { addPeriods, periodOf, type IsoDate, type Period } from '../../policy/core/dates.ts';
import type { SkillSubsidyInput } from '../../policy/skill-subsidy.ts';

type Trx = Transaction<Database>;

/** Distinct months covered by the spells, up to and including `until`. */
export function insuredMonths(spells: readonly { from_period: Period; to_period: Period | null }[], until: Period): number {
  const months = new Set<Period>();
  for (const spell of spells) {
    const last = spell.to_period === null || spell.to_period > until ? until : spell.to_period;
    for (let p = spell.from_period; p <= last; p = addPeriods(p, 1)) months.add(p);
  }
  return months.size;
}

/** What the store holds about the applicant, as the rule reads it. */
export interface ApplicantRecords {
  spells: readonly { from_period: Period; to_period: Period | null }[];
  /** In date order. */
  benefits: readonly { from_date: IsoDate; to_date: IsoDate }[];
  /** In date order. */
  grants: readonly { type: GrantType; occupation_code: string; level: number; granted_on: IsoDate }[];
}

export interface SkillApplicationFacts {
  applicationId: string;
  idNumber: string;
  certificate: Pick<RegistryCertificate, 'number' | 'occupationCode' | 'occupationName' | 'level' | 'issueDate' | 'verified'>;
  applicationDate: IsoDate;
}

/** The rule's input from the application's facts and the applicant's records (no I/O). */
export function assembleSkillInput(facts: SkillApplicationFacts, records: ApplicantRecords): SkillSubsidyInput {
  const { certificate, applicationDate } = facts;
  const { spells, benefits, grants } = records;
  const period = periodOf(applicationDate);
  const insuredNow = spells.some((s) => s.from_period <= period && (s.to_period === null || s.to_period >= period));
  const status = insuredNow ? 'employed' : benefits.length ? 'unemployed' : 'other';
  return {
    id: facts.applicationId,
    applicationDate,
    person: {
      idNumber: facts.idNumber,
      status,
      insuredMonths: insuredMonths(spells, period),
      benefitPeriods: benefits.map((b) => ({ from: b.from_date, to: b.to_date })),
    },
    certificate: {
      number: certificate.number,
      occupationCode: certificate.occupationCode,
      ...(certificate.occupationName && { occupationName: certificate.occupationName }),
      level: certificate.level,
      issueDate: certificate.issueDate,
      verified: certificate.verified,
    },
    history: grants.map((g) => ({ type: g.type, occupationCode: g.occupation_code, level: g.level, grantedOn: g.granted_on })),
  };
}

/**
 * The rule's input for the person's application with this certificate. `idNumber` is the holder's full ID number,
 * decrypted by the caller (and audited there).
 */
export async function skillSubsidyInput(
  trx: Trx,
  request: SkillApplicationFacts & { personId: number; certificate: RegistryCertificate },
): Promise<SkillSubsidyInput> {
  const { personId } = request;
  const spells = await trx
    .selectFrom('insurance_spells')
    .select(['from_period', 'to_period'])
    .where('person_id', '=', personId)
    .execute();
  const benefits = await trx
    .selectFrom('benefit_periods')
    .select(['from_date', 'to_date'])
    .where('person_id', '=', personId)
    .orderBy('from_date')
    .execute();
  const grants = await trx
    .selectFrom('subsidy_grants')
    .select(['type', 'occupation_code', 'level', 'granted_on'])
    .where('person_id', '=', personId)
    .orderBy('granted_on')
    .execute();
  return assembleSkillInput(request, { spells, benefits, grants });
}
