// Opens the store: PGlite in a data folder by default, PostgreSQL when a database URL is given. Opening migrates
// the schema and seeds the regions, so a store is always ready to use.

import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import type { BulkWriter } from '../../domain/ports/bulk-writer.ts';
import { bulkWriterFor } from './bulk-writer.ts';
import { migrate } from './migrate.ts';
import { pgliteDialect } from './pglite-dialect.ts';
import { postgresDialect } from './postgres-dialect.ts';
import type { Database, IdentityTable } from './schema.ts';
import { seedRegions } from './seed-regions.ts';
import { sealBankAccounts } from './seal-bank-accounts.ts';
import { indexPaymentAccounts } from './index-payment-accounts.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { keyRingFromEnv } from '../crypto/key-ring.ts';
import { SmFieldCipher } from '../crypto/sm-field-cipher.ts';
import { textParsers } from './type-parsers.ts';
import { dataPath } from '../data-folder.ts';
import { settings } from '../../config/settings.ts';

export type StoreConfig = { dataDir: string } | { databaseUrl: string };

export interface Store {
  db: Kysely<Database>;
  bulk: BulkWriter;
  backend: 'pglite' | 'postgres';
  /** Runs bulk writes in one transaction: all of them land, or none. */
  bulkTransaction<T>(work: (bulk: BulkWriter) => Promise<T>): Promise<T>;
  /** After ids were supplied explicitly (e.g. by COPY), moves the table's identity past its largest id. */
  resetIdentity(table: IdentityTable): Promise<void>;
  /** How many rows an identity table holds. */
  countRows(table: IdentityTable): Promise<number>;
  /** The embedded database's whole data folder as one consistent gzip tar (PGlite only; for backups). */
  dumpDataDir?: () => Promise<Buffer>;
  close(): Promise<void>;
}

/** DATABASE_URL selects PostgreSQL; otherwise PGlite in the data folder's pglite/ (WENGANG_DATA, or ./data). */
export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>>): StoreConfig {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: dataPath(env, 'pglite') };
}

async function connect(config: StoreConfig): Promise<Pick<Store, 'db' | 'backend' | 'dumpDataDir'>> {
  if ('databaseUrl' in config) {
    return { db: new Kysely<Database>({ dialect: postgresDialect(config.databaseUrl) }), backend: 'postgres' };
  }
  // PGlite creates the data folder itself, but not its parents.
  await mkdir(dirname(resolve(config.dataDir)), { recursive: true });
  const pglite = await PGlite.create(config.dataDir, { parsers: textParsers });
  const dumpDataDir = async () => Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  return { db: new Kysely<Database>({ dialect: pgliteDialect(pglite) }), backend: 'pglite', dumpDataDir };
}

/**
 * Opens, migrates and seeds the store. `cipher` seals bank accounts an older installation kept in plain text and
 * indexes the accounts of payments without a blind index; it is only asked for when there is one, and defaults to the key ring the environment names (WENGANG_KEYS).
 */
export async function openStore(config: StoreConfig, cipher?: () => FieldCipher): Promise<Store> {
  const { db, backend, dumpDataDir } = await connect(config);
  try {
    await migrate(db);
    const fieldCipher = cipher ?? (() => new SmFieldCipher(keyRingFromEnv(settings()).keyRing));
    await sealBankAccounts(db, fieldCipher);
    await indexPaymentAccounts(db, fieldCipher);
    await seedRegions(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    backend,
    dumpDataDir,
    bulk: bulkWriterFor(db),
    bulkTransaction: (work) => db.transaction().execute((trx) => work(bulkWriterFor(trx))),
    async resetIdentity(table) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
                FROM ${sql.table(table)}`.execute(db);
    },
    async countRows(table) {
      const { rows } = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
      return Number(rows[0]!.n);
    },
    close: () => db.destroy(),
  };
}
