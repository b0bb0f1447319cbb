// Fills the blind index of the bank account each payment goes to (migration 018): the sealed number is opened and its
// keyed digest stored beside it, a chunk per transaction, so a crash resumes where it stopped. Opening the store does
// it for the payments an installation already has; each risk run does it for the payments written since.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Database } from './schema.ts';

const CHUNK = 1_000;

/** Indexes every payment still without one; `cipher` is asked for only when there is one. Returns how many. */
export async function indexPaymentAccounts(db: Kysely<Database>, cipher: () => FieldCipher): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute((trx) => indexChunk(trx, cipher));
    total += done;
    if (done < CHUNK) return total;
  }
}

async function indexChunk(trx: Transaction<Database>, cipher: () => FieldCipher): Promise<number> {
  const rows = await trx
    .selectFrom('payments')
    .select(['id', 'account_cipher'])
    .where('account_index', 'is', null)
    .orderBy('id')
    .limit(CHUNK)
    .forUpdate()
    .execute();
  if (!rows.length) return 0;
  const fieldCipher = cipher();
  const values = rows.map((r) => sql`(${r.id}::bigint, ${fieldCipher.blindIndex(fieldCipher.decrypt(r.account_cipher))})`);
  await sql`UPDATE payments p SET account_index = v.account_index
            FROM (VALUES ${sql.join(values)}) AS v (id, account_index) WHERE p.id = v.id`.execute(trx);
  return rows.length;
}
