// The persons a reform reaches beside the units: unemployment-benefit claims re-decided from the input each claim
// keeps (鲁人社发〔2024〕8号 第五条), and skill-subsidy applications (第四条) re-decided from their input rebuilt from
// the store as the application service builds it (the certificate registry, insurance spells, benefit periods and
// the grants made before the application was submitted), each under the baseline and under the reform. Claims and
// applications returned to the applicant are left out (they may come back as new ones). Read in keyset chunks with
// one statement per table and chunk; the applicants' ID numbers are opened for the rule's ID check and the read audited.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { evaluateSkillSubsidy } from '../../policy/skill-subsidy.ts';
import { evaluateUnemploymentBenefit, unemploymentBenefitInput } from '../../policy/unemployment-benefit.ts';
import { assembleSkillInput, type ApplicantRecords } from '../skill-subsidy/skill-inputs.ts';
import { addTo, emptyBucket, shiftOf, type Bucket, type BucketOutcome, type PersonImpact } from './impact-tally.ts';

type Sides = { baseline: ParameterStore; reform: ParameterStore };
type Side = BucketOutcome['baseline'];

const CHUNK = 2_000;

/** One claim or application (one person) decided under the baseline and under the reform. */
const both = (decide: (params: ParameterStore) => Side, params: Sides): BucketOutcome => ({
  people: 1,
  baseline: decide(params.baseline),
  reform: decide(params.reform),
});

function checkedProduct(a: number, b: number): Fen {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new RangeError('benefit total outside the safe integer range');
  return product;
}

async function benefitImpact(db: Kysely<Database>, params: Sides, regionCodes?: readonly string[]): Promise<Bucket> {
  const bucket = emptyBucket();
  for (let after = 0; ;) {
    let q = db.selectFrom('benefit_claims').select(['id', 'input']).where('id', '>', after).where('status', '<>', 'returned');
    if (regionCodes) q = q.where('region_code', 'in', regionCodes);
    const rows = await q.orderBy('id').limit(CHUNK).execute();
    if (rows.length === 0) return bucket;
    for (const row of rows) {
      const input = unemploymentBenefitInput.parse(row.input);
      const outcome = both((p) => {
        const d = evaluateUnemploymentBenefit(input, p);
        const amountFen = d.status === 'eligible' ? checkedProduct(d.amountFen, Number(d.maxMonths ?? 0)) : 0;
        return { status: d.status, amountFen, reasons: d.reasons };
      }, params);
      addTo(bucket, outcome, shiftOf(outcome));
    }
    after = rows.at(-1)!.id;
  }
}

/** The chunk's applicants' spells, benefit periods and grants (with when each grant was recorded), by person. */
async function applicantRecords(db: Kysely<Database>, personIds: readonly number[]) {
  const [spells, benefits, grants] = await Promise.all([
    db
      .selectFrom('insurance_spells')
      .select(['person_id', 'from_period', 'to_period'])
      .where('person_id', 'in', personIds)
      .execute(),
    db
      .selectFrom('benefit_periods')
      .select(['person_id', 'from_date', 'to_date'])
      .where('person_id', 'in', personIds)
      .orderBy('from_date')
      .execute(),
    db
      .selectFrom('subsidy_grants')
      .select(['person_id', 'type', 'occupation_code', 'level', 'granted_on', 'created_at'])
      .where('person_id', 'in', personIds)
      .orderBy('granted_on')
      .execute(),
  ]);
  const byPerson = <T extends { person_id: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.person_id, [...(map.get(row.person_id) ?? []), row]);
    return (personId: number) => map.get(personId) ?? [];
  };
  return { spells: byPerson(spells), benefits: byPerson(benefits), grants: byPerson(grants) };
}

async function skillImpact(
  db: Kysely<Database>,
  params: Sides,
  cipher: FieldCipher,
  regionCodes?: readonly string[],
): Promise<{ total: Bucket; level: Record<string, Bucket>; idNumbersRead: number }> {
  const total = emptyBucket();
  const level: Record<string, Bucket> = {};
  let idNumbersRead = 0;
  for (let after = 0; ;) {
    let q = db
      .selectFrom('skill_subsidy_applications as a')
      .innerJoin('persons as p', 'p.id', 'a.person_id')
      .leftJoin('certificates as c', 'c.number', 'a.certificate_number')
      .select([
        'a.id',
        'a.person_id',
        'a.certificate_number',
        'a.occupation_code',
        'a.level',
        'a.issue_date',
        'a.application_date',
        'a.submitted_at',
        'p.id_number_cipher',
        'c.occupation_name',
        'c.verified',
      ])
      .where('a.id', '>', after)
      .where('a.state', '<>', 'returned');
    if (regionCodes) q = q.where('a.region_code', 'in', regionCodes);
    const rows = await q.orderBy('a.id').limit(CHUNK).execute();
    if (rows.length === 0) return { total, level, idNumbersRead };
    const records = await applicantRecords(db, [...new Set(rows.map((r) => r.person_id))]);
    for (const row of rows) {
      const submitted = row.submitted_at.getTime();
      const applicant: ApplicantRecords = {
        spells: records.spells(row.person_id),
        benefits: records.benefits(row.person_id),
        // What the store held when the application was submitted: not the grant it led to.
        grants: records.grants(row.person_id).filter((g) => g.created_at.getTime() < submitted),
      };
      const input = assembleSkillInput(
        {
          applicationId: `skill:${row.certificate_number}`,
          idNumber: cipher.decrypt(row.id_number_cipher),
          certificate: {
            number: row.certificate_number,
            occupationCode: row.occupation_code,
            occupationName: row.occupation_name,
            level: row.level,
            issueDate: row.issue_date,
            verified: row.verified === true,
          },
          applicationDate: row.application_date,
        },
        applicant,
      );
      idNumbersRead += 1;
      const outcome = both((p) => {
        const d = evaluateSkillSubsidy(input, p);
        return { status: d.status, amountFen: d.status === 'eligible' ? d.amountFen : 0, reasons: d.reasons };
      }, params);
      const shift = shiftOf(outcome);
      addTo(total, outcome, shift);
      addTo((level[String(row.level)] ??= emptyBucket()), outcome, shift);
    }
    after = rows.at(-1)!.id;
  }
}

/** The claims and applications of the scope (all regions when absent) decided both ways, and how many ID numbers were opened. */
export async function personImpact(
  db: Kysely<Database>,
  params: Sides,
  cipher: FieldCipher,
  regionCodes?: readonly string[],
): Promise<{ impact: PersonImpact; idNumbersRead: number }> {
  const benefit = await benefitImpact(db, params, regionCodes);
  const skill = await skillImpact(db, params, cipher, regionCodes);
  return { impact: { benefit, skill: skill.total, skillLevel: skill.level }, idNumbersRead: skill.idNumbersRead };
}
