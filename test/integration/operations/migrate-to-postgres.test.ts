// `wengang migrate-to-postgres` moves an embedded installation with a paid round into a fresh PostgreSQL database:
// every table's row count printed and equal on both sides, every decision, payment, ledger line and audit entry
// identical, the audit chain and the ledger sound, new rows numbered after the copied ones; a target that already
// holds data is refused.
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { runMigrateToPostgres } from '../../../src/cli/commands/migrate-to-postgres.ts';
import { CliError } from '../../../src/cli/cli-error.ts';
import { authorisedBatch, clock } from '../../support/payment-fixtures.ts';
import { runCommand } from '../../support/run-command.ts';
import { contents } from '../../support/store-contents.ts';
import { storeBackends } from '../../support/store-backends.ts';

const pglite = storeBackends().find((backend) => backend.name === 'pglite')!;
const serverUrl = process.env.TEST_DATABASE_URL;
const skipReason = serverUrl ? undefined : 'TEST_DATABASE_URL is not set';
if (skipReason && process.env.CI !== 'true') console.warn(`migrate-to-postgres: skipped (${skipReason})`);

async function onServer(query: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

describe.skipIf(skipReason && process.env.CI !== 'true')('moving the embedded database to PostgreSQL', () => {
  const database = `wengang_move_${process.pid}_${Date.now()}`;
  let dir = '';
  let targetUrl = '';
  beforeAll(async () => {
    if (!serverUrl) throw new Error(`${skipReason}: under CI the move must be tested on PostgreSQL`);
    await pglite.setup();
    dir = await mkdtemp(join(tmpdir(), 'wengang-move-'));
    await onServer(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    targetUrl = url.toString();
  });
  afterAll(async () => {
    await pglite.teardown();
    await rm(dir, { recursive: true, force: true });
    if (serverUrl) await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('copies a paid round table by table with equal row counts, and refuses a target holding data', async () => {
    const { dataDir: template } = (await pglite.freshConfig()) as { dataDir: string };
    const store = await openStore({ dataDir: template });
    let before: Awaited<ReturnType<typeof contents>>;
    try {
      const batchId = await authorisedBatch(store.db, 3);
      await runPaymentBatch(store.db, { batchId, clock, workerId: 'move-test' });
      before = await contents(store);
    } finally {
      await store.close();
    }
    expect(before.payments).toHaveLength(3);
    await rename(template, join(dir, 'pglite'));

    const moved = await runCommand(runMigrateToPostgres, ['--to', targetUrl, '--data', dir]);
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/^payments\t3\t3$/m);
    expect(moved.out).toMatch(/^regions\t(\d+)\t\1$/m);
    expect(moved.out).toMatch(/各表行数一致/);
    expect(moved.out).not.toMatch(/不一致/);

    const target = await openStore({ databaseUrl: targetUrl });
    try {
      expect(await contents(target)).toEqual(before);
      expect((await verifyAudit(target.db)).ok).toBe(true);
      expect((await checkLedger(target.db)).ok).toBe(true);
      const { rows } = await sql<{
        next: string;
      }>`SELECT nextval(pg_get_serial_sequence('payments', 'id'))::text AS next`.execute(target.db);
      expect(Number(rows[0]!.next)).toBe(Number(before.payments.at(-1)!.id) + 1);
    } finally {
      await target.close();
    }

    const again = runMigrateToPostgres(['--to', targetUrl, '--data', dir]);
    await expect(again).rejects.toBeInstanceOf(CliError);
    await expect(again).rejects.toMatchObject({ zh: expect.stringMatching(/目标数据库不是空库（.*payments/) });
  }, 240_000);
});
