// An insured person with a social security card account and a registry certificate, for the skill-subsidy tests.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/store/schema.ts';
import { insertUnit, REGION } from './review-fixtures.ts';
import { insertPerson } from './person-fixtures.ts';

export interface CertificateHolder {
  personId: number;
  idNumber: string;
  certificateNumber: string;
}

let serial = 0;

/** Insured through a unit from `insuredFrom` on, holding a verified level-4 welder certificate issued on `issueDate`. */
export async function insertCertificateHolder(
  db: Kysely<Database>,
  spec: { idNumber: string; issueDate: string; insuredFrom?: string; level?: number; bankAccount?: string | null },
): Promise<CertificateHolder> {
  const unit = await insertUnit(db, { name: `技能测试单位${++serial}有限公司` });
  const personId = await insertPerson(db, {
    name: `申请人${serial}`,
    idNumber: spec.idNumber,
    phone: '13800000000',
    ...(spec.bankAccount !== null && { bankAccount: spec.bankAccount ?? '6217000012345678901' }),
  });
  await db
    .insertInto('insurance_spells')
    .values({
      person_id: personId,
      unit_id: unit.id,
      from_period: spec.insuredFrom ?? '2020-01',
      to_period: null,
      region_code: REGION,
    })
    .execute();
  const certificateNumber = `S0000371002${String(serial).padStart(11, '0')}`;
  await db
    .insertInto('certificates')
    .values({
      number: certificateNumber,
      person_id: personId,
      occupation_code: '6-18-02-04',
      occupation_name: '焊工',
      level: spec.level ?? 4,
      issue_date: spec.issueDate,
      verified: true,
      issuing_body: '威海市职业技能鉴定指导中心',
      region_code: REGION,
    })
    .execute();
  return { personId, idNumber: spec.idNumber, certificateNumber };
}
