// Applies migrations/*.sql in name order, each in its own transaction, recording name and checksum in
// schema_migrations. Safe to run again and from several processes at once (an advisory lock serialises them).

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** From the repository root, so that the compiled command (dist/cli/compiled, as deep as this folder) finds it too. */
const MIGRATIONS_DIR = new URL('../../../src/adapters/store/migrations/', import.meta.url);
/** Advisory lock key held while migrating (any constant unique to this application). */
const MIGRATION_LOCK = 3_700_008;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(new URL(name, dir), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    }),
  );
}

async function lock(trx: Kysely<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
}

async function appliedChecksums(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

function checkHistory(migrations: readonly Migration[], applied: ReadonlyMap<string, string>): void {
  const known = new Map(migrations.map((m) => [m.name, m.checksum]));
  for (const [name, checksum] of applied) {
    if (!known.has(name)) throw new Error(`数据库已执行本程序没有的迁移 ${name}：请使用较新版本的程序`);
    if (known.get(name) !== checksum) throw new Error(`迁移 ${name} 在执行后被修改过：已执行的迁移不得修改，请新增迁移`);
  }
}

/** Applies the pending migrations; returns their names. */
export async function migrate(db: Kysely<Database>, migrations?: readonly Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  await db.transaction().execute(async (trx) => {
    await lock(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name       text PRIMARY KEY,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
  });
  checkHistory(all, await appliedChecksums(db));

  const appliedNow: string[] = [];
  for (const migration of all) {
    const done = await db.transaction().execute(async (trx) => {
      await lock(trx);
      if ((await appliedChecksums(trx)).has(migration.name)) return true;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: migration.name, checksum: migration.checksum }).execute();
      return false;
    });
    if (!done) appliedNow.push(migration.name);
  }
  return appliedNow;
}
