// Helpers for the audit tests: entries appended as a service would, tampering as a database owner would (around the
// append-only trigger), the commands run in-process, and persons with encrypted personal data.
import { sql, type Kysely } from 'kysely';
import { keyRingFromEnv } from '../../../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../../src/adapters/crypto/sm-field-cipher.ts';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { maskBankAccount, maskIdNumber, maskPhone } from '../../../src/domain/masking.ts';
import { recordAudit } from '../../../src/services/audit/record-audit.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';

export const cipher = new SmFieldCipher(keyRingFromEnv({}).keyRing);
export const clerk = { kind: 'staff', role: 'case_worker', name: '王经办' } as const;
export const auditor = { kind: 'staff', role: 'auditor', name: '赵审计' } as const;

/** Appends `count` sign-ins of the clerk, each in its own transaction, one minute apart from `start`. */
export async function appendEntries(db: Kysely<Database>, count: number, start = '2024-09-02T01:00:00.000Z'): Promise<void> {
  const clock = fixedClock(start);
  for (let i = 1; i <= count; i++) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, {
        actor: clerk,
        action: 'auth.sign_in',
        subject: 'staff:王经办',
        detail: { n: i },
        clock,
      }),
    );
    clock.set(new Date(clock.now().getTime() + 60_000));
  }
}

/** Runs SQL on the log with the append-only trigger disabled, as an owner of the database could. */
export async function tamper(db: Kysely<Database>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
  });
}

export interface PersonData {
  idNumber: string;
  phone: string;
  bankAccount: string;
}

/** A person whose ID number, phone and bank account are stored encrypted with a blind index and masked copies. */
export async function insertPerson(db: Kysely<Database>, name: string, data: PersonData): Promise<number> {
  const { id } = await db
    .insertInto('persons')
    .values({
      id_number_index: cipher.blindIndex(data.idNumber),
      id_number_cipher: cipher.encrypt(data.idNumber),
      id_number_masked: maskIdNumber(data.idNumber),
      phone_cipher: cipher.encrypt(data.phone),
      phone_masked: maskPhone(data.phone),
      bank_account_cipher: cipher.encrypt(data.bankAccount),
      bank_account_masked: maskBankAccount(data.bankAccount),
      name,
      region_code: '371002',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
