// The certificate registry answered from the file feed: the registry's extracts imported as the `certificates` import
// kind (docs/FEEDS.md). Look-ups by certificate number, or by ID number through the persons' blind index.
import type { Kysely } from 'kysely';
import type { CertificateRegistry, RegistryCertificate } from '../../domain/ports/certificate-registry.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Database } from '../store/schema.ts';

export function importedCertificateRegistry(db: Kysely<Database>, cipher: FieldCipher): CertificateRegistry {
  const certificates = () =>
    db
      .selectFrom('certificates as c')
      .select([
        'c.number',
        'c.person_id',
        'c.occupation_code',
        'c.occupation_name',
        'c.level',
        'c.issue_date',
        'c.issuing_body',
        'c.verified',
        'c.region_code',
      ]);
  const toCertificate = (r: Awaited<ReturnType<ReturnType<typeof certificates>['execute']>>[number]): RegistryCertificate => ({
    number: r.number,
    personId: r.person_id,
    occupationCode: r.occupation_code,
    occupationName: r.occupation_name,
    level: r.level,
    issueDate: r.issue_date,
    issuingBody: r.issuing_body,
    verified: r.verified,
    regionCode: r.region_code,
  });
  return {
    async byNumber(number) {
      const row = await certificates().where('c.number', '=', number.trim()).executeTakeFirst();
      return row && toCertificate(row);
    },
    async byIdNumber(idNumber) {
      const rows = await certificates()
        .innerJoin('persons as p', 'p.id', 'c.person_id')
        .where('p.id_number_index', '=', cipher.blindIndex(idNumber.trim().toUpperCase()))
        .orderBy('c.issue_date', 'desc')
        .orderBy('c.number')
        .execute();
      return rows.map(toCertificate);
    },
  };
}
