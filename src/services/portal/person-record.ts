// What the person portal shows a signed-in person about themselves: name, masked ID number and phone, the units they
// were insured through and when, their certificates, the skill-upgrade and training subsidies granted to them and
// their unemployment-benefit periods. Reading one's own personal data is recorded in the audit trail
// (personal_data.self_view, 个人信息保护法) in the same transaction as the reads.
import type { Kysely } from 'kysely';
import type { Database, GrantType } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';

export interface PersonRecord {
  personId: number;
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  regionCode: string;
  regionName: string;
  /** Newest first; toPeriod null while still insured. */
  insuranceSpells: { unitName: string; fromPeriod: string; toPeriod: string | null }[];
  certificates: {
    number: string;
    occupationCode: string;
    occupationName: string | null;
    level: number;
    issueDate: string;
    verified: boolean;
  }[];
  subsidyGrants: {
    type: GrantType;
    occupationCode: string;
    level: number;
    grantedOn: string;
    amountFen: Fen;
    amountYuan: string;
  }[];
  benefitPeriods: { fromDate: string; toDate: string }[];
}

/** The person's record, or undefined when no person has this id (nothing is audited then). */
export async function personRecord(
  db: Kysely<Database>,
  options: { personId: number; clock: Clock },
): Promise<PersonRecord | undefined> {
  const { personId, clock } = options;
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('persons as p')
      .innerJoin('regions as r', 'r.code', 'p.region_code')
      .select(['p.id', 'p.name', 'p.id_number_masked', 'p.phone_masked', 'p.region_code', 'r.name as region_name'])
      .where('p.id', '=', personId)
      .executeTakeFirst();
    if (!person) return undefined;
    const spells = await trx
      .selectFrom('insurance_spells as s')
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .select(['u.name', 's.from_period', 's.to_period'])
      .where('s.person_id', '=', personId)
      .orderBy('s.from_period', 'desc')
      .execute();
    const certificates = await trx
      .selectFrom('certificates')
      .select(['number', 'occupation_code', 'occupation_name', 'level', 'issue_date', 'verified'])
      .where('person_id', '=', personId)
      .orderBy('issue_date', 'desc')
      .execute();
    const grants = await trx
      .selectFrom('subsidy_grants')
      .select(['type', 'occupation_code', 'level', 'granted_on', 'amount_fen'])
      .where('person_id', '=', personId)
      .orderBy('granted_on', 'desc')
      .execute();
    const benefits = await trx
      .selectFrom('benefit_periods')
      .select(['from_date', 'to_date'])
      .where('person_id', '=', personId)
      .orderBy('from_date', 'desc')
      .execute();
    await appendAudit(trx, {
      actor: `个人:${personId}`,
      action: 'personal_data.self_view',
      subject: auditSubject.person(personId),
      at: clock.now(),
    });
    return {
      personId: person.id,
      name: person.name,
      idNumberMasked: person.id_number_masked,
      phoneMasked: person.phone_masked,
      regionCode: person.region_code,
      regionName: person.region_name,
      insuranceSpells: spells.map((s) => ({ unitName: s.name, fromPeriod: s.from_period, toPeriod: s.to_period })),
      certificates: certificates.map((c) => ({
        number: c.number,
        occupationCode: c.occupation_code,
        occupationName: c.occupation_name,
        level: c.level,
        issueDate: c.issue_date,
        verified: c.verified,
      })),
      subsidyGrants: grants.map((g) => ({
        type: g.type,
        occupationCode: g.occupation_code,
        level: g.level,
        grantedOn: g.granted_on,
        amountFen: g.amount_fen,
        amountYuan: formatYuan(g.amount_fen),
      })),
      benefitPeriods: benefits.map((b) => ({ fromDate: b.from_date, toDate: b.to_date })),
    };
  });
}
