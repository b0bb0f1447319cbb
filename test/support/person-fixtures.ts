// Persons as the persons import leaves them: ID number, phone and social security card account encrypted (SM4) with a
// blind index and masked copies, with the test key ring.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/adapters/store/schema.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../src/domain/masking.ts';

import { testCipher } from './sealed-accounts.ts';

export { testCipher };

export interface PersonSpec {
  name: string;
  idNumber: string;
  phone?: string;
  /** The social security card's bank account; none when omitted. */
  bankAccount?: string;
  regionCode?: string;
}

export async function insertPerson(db: Kysely<Database>, spec: PersonSpec): Promise<number> {
  const c = testCipher;
  const { id } = await db
    .insertInto('persons')
    .values({
      id_number_index: c.blindIndex(spec.idNumber),
      id_number_cipher: c.encrypt(spec.idNumber),
      id_number_masked: maskIdNumber(spec.idNumber),
      phone_cipher: spec.phone ? c.encrypt(spec.phone) : null,
      phone_masked: spec.phone ? maskPhone(spec.phone) : null,
      bank_account_cipher: spec.bankAccount ? c.encrypt(spec.bankAccount) : null,
      bank_account_masked: spec.bankAccount ? maskBankAccount(spec.bankAccount) : null,
      name: spec.name,
      region_code: spec.regionCode ?? '371002',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
