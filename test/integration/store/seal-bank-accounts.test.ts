// An installation upgraded from before migration 013 keeps its bank accounts in plain text; opening the store seals
// every one (units, confirmations, payments, attempts, corrections), drops the plain columns, and a second opening
// finds nothing left to do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/adapters/store/migrate.ts';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { pgliteDialect } from '../../../src/adapters/store/pglite-dialect.ts';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { seedRegions } from '../../../src/adapters/store/seed-regions.ts';
import { textParsers } from '../../../src/adapters/store/type-parsers.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { numbersInFolder } from '../../support/find-numbers.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

it('seals the plain bank accounts of an older installation when the store opens', async () => {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'wengang-seal-')), 'pglite');
  dirs.push(dataDir);
  const pglite = await PGlite.create(dataDir, { parsers: textParsers });
  const old = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  await migrate(
    old,
    (await loadMigrations()).filter((m) => m.name < '013'),
  );
  await seedRegions(old);
  await sql`INSERT INTO units (id, credit_code, name, org_type, region_code, corporate_account, contribution_account)
            VALUES (1, '91371000MA3C000001', '旧装置单位', 'enterprise', '371002', '6222000011112222', '3710000099998888')`.execute(
    old,
  );
  await sql`INSERT INTO confirmations (round, unit_id, amount_fen, pay_to, account_name, confirmed_by)
            VALUES ('2024', 1, 100, 'corporate_account:6222000011112222', '旧装置单位', '单位:x')`.execute(old);
  await old.destroy();

  const store = await openStore({ dataDir }, () => testCipher);
  try {
    const unit = await store.db.selectFrom('units').selectAll().executeTakeFirstOrThrow();
    expect(testCipher.decrypt(unit.corporate_account_cipher!)).toBe('6222000011112222');
    expect(testCipher.decrypt(unit.contribution_account_cipher!)).toBe('3710000099998888');
    expect(unit).toMatchObject({
      corporate_account_masked: '**** **** **** 2222',
      contribution_account_masked: '**** **** **** 8888',
    });
    expect(Object.keys(unit)).not.toContain('corporate_account');
    const confirmation = await store.db.selectFrom('confirmations').selectAll().executeTakeFirstOrThrow();
    expect(confirmation).toMatchObject({ pay_to: 'corporate_account', account_masked: '**** **** **** 2222' });
    expect(testCipher.decrypt(confirmation.account_cipher!)).toBe('6222000011112222');
  } finally {
    await store.close();
  }
  const again = await openStore({ dataDir }, () => {
    throw new Error('nothing is left to seal');
  });
  await again.close();
  const tables = await numbersInFolder(join(dataDir, 'base'), new Set(['6222000011112222', '3710000099998888']));
  expect(tables).toEqual([]);
}, 120_000);
