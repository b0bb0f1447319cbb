// Seals the bank account numbers an installation stored in plain text before migration 013 into the columns
// schema-payments.ts describes ("Where a payment's account is kept"), and units' and confirmations' alike: each plain
// value is sealed and cleared, a chunk per transaction, so a crash resumes where it stopped. Once no plain value is
// left the plain columns are dropped and the tables rewritten (VACUUM FULL), so the old values leave the data files
// too. Runs on every opening; with nothing to do it only looks the columns up.
import { sql, type Kysely } from 'kysely';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { maskBankAccount } from '../../domain/masking.ts';
import type { Database } from './schema.ts';

const CHUNK = 500;

interface PlainColumn {
  table: string;
  key: readonly string[];
  plain: string;
  cipher: string;
  masked: string;
}

const PLAIN_COLUMNS: readonly PlainColumn[] = [
  {
    table: 'units',
    key: ['id'],
    plain: 'corporate_account',
    cipher: 'corporate_account_cipher',
    masked: 'corporate_account_masked',
  },
  {
    table: 'units',
    key: ['id'],
    plain: 'contribution_account',
    cipher: 'contribution_account_cipher',
    masked: 'contribution_account_masked',
  },
  { table: 'payments', key: ['id'], plain: 'account_no', cipher: 'account_cipher', masked: 'account_masked' },
  {
    table: 'payment_attempts',
    key: ['payment_id', 'attempt'],
    plain: 'account_no',
    cipher: 'account_cipher',
    masked: 'account_masked',
  },
  { table: 'account_corrections', key: ['id'], plain: 'account_no', cipher: 'account_cipher', masked: 'account_masked' },
];

/** The tables whose sealed column is required once every row has one. */
const REQUIRED_SEALED = ['payments', 'payment_attempts', 'account_corrections'];

async function plainColumnsLeft(db: Kysely<Database>): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name || '.' || column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema()
       AND ((table_name = 'units' AND column_name IN ('corporate_account', 'contribution_account'))
         OR (table_name IN ('payments', 'payment_attempts', 'account_corrections') AND column_name = 'account_no'))`.execute(db);
  return new Set(rows.map((r) => r.name));
}

async function sealColumn(db: Kysely<Database>, cipher: FieldCipher, c: PlainColumn): Promise<void> {
  const keys = sql.join(c.key.map((k) => sql.ref(k)));
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT ${keys}, ${sql.ref(c.plain)} AS plain FROM ${sql.table(c.table)}
         WHERE ${sql.ref(c.plain)} IS NOT NULL LIMIT ${CHUNK} FOR UPDATE`.execute(trx);
      for (const row of rows) {
        const no = String(row.plain);
        const match = sql.join(
          c.key.map((k) => sql`${sql.ref(k)} = ${row[k]}`),
          sql` AND `,
        );
        await sql`UPDATE ${sql.table(c.table)} SET ${sql.ref(c.cipher)} = ${cipher.encrypt(no)},
                  ${sql.ref(c.masked)} = ${maskBankAccount(no)}, ${sql.ref(c.plain)} = NULL WHERE ${match}`.execute(trx);
      }
      return rows.length;
    });
    if (sealed < CHUNK) return;
  }
}

/** A confirmation's pay_to `<kind>:<number>` becomes `<kind>` with the number sealed beside it. */
async function sealConfirmations(db: Kysely<Database>, cipher: FieldCipher): Promise<void> {
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('confirmations')
        .select(['round', 'unit_id', 'pay_to'])
        .where('pay_to', 'like', '%:%')
        .limit(CHUNK)
        .forUpdate()
        .execute();
      for (const row of rows) {
        const at = row.pay_to.indexOf(':');
        const no = row.pay_to.slice(at + 1);
        await trx
          .updateTable('confirmations')
          .set({
            pay_to: row.pay_to.slice(0, at),
            account_cipher: no ? cipher.encrypt(no) : null,
            account_masked: no ? maskBankAccount(no) : null,
          })
          .where('round', '=', row.round)
          .where('unit_id', '=', row.unit_id)
          .execute();
      }
      return rows.length;
    });
    if (sealed < CHUNK) return;
  }
}

/** Seals every plain bank account number left; `cipher` is asked for only when there is one. */
export async function sealBankAccounts(db: Kysely<Database>, cipher: () => FieldCipher): Promise<void> {
  const left = await plainColumnsLeft(db);
  const pending = PLAIN_COLUMNS.filter((c) => left.has(`${c.table}.${c.plain}`));
  if (!pending.length) return;
  for (const column of pending) await sealColumn(db, cipher(), column);
  await sealConfirmations(db, cipher());
  await db.transaction().execute(async (trx) => {
    for (const c of pending) await sql`ALTER TABLE ${sql.table(c.table)} DROP COLUMN IF EXISTS ${sql.ref(c.plain)}`.execute(trx);
    for (const table of REQUIRED_SEALED) {
      await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN account_cipher SET NOT NULL, ALTER COLUMN account_masked SET NOT NULL`.execute(
        trx,
      );
    }
  });
  await sql`VACUUM FULL units, confirmations, payments, payment_attempts, account_corrections`.execute(db);
}
