// A backup of a paid round restores into a fresh data folder with every decision, payment, ledger line and audit entry
// identical, and the restore reports the audit chain and the ledger sound; a damaged archive, one for the other kind
// of database and one needing a key version not configured are refused before anything is written.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyRingFromEnv } from '../../../src/adapters/crypto/key-ring.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { backupStore, restoreArchive } from '../../../src/cli/backup-restore.ts';
import { authorisedBatch, clock } from '../../support/payment-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const ring = keyRingFromEnv({}).keyRing;
const pglite = storeBackends().find((backend) => backend.name === 'pglite')!;

async function contents(store: Store) {
  const { db } = store;
  return {
    decisions: await db.selectFrom('refund_decisions').selectAll().orderBy('run_id').orderBy('unit_id').execute(),
    cases: await db.selectFrom('refund_cases').selectAll().orderBy('unit_id').execute(),
    payments: await db.selectFrom('payments').selectAll().orderBy('id').execute(),
    ledger: await db.selectFrom('ledger_lines').selectAll().orderBy('transaction_id').orderBy('line_no').execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('seq').execute(),
  };
}

describe('backup and restore of the embedded database', () => {
  let dir = '';
  beforeAll(async () => {
    await pglite.setup();
    dir = await mkdtemp(join(tmpdir(), 'wengang-backup-'));
  });
  afterAll(async () => {
    await pglite.teardown();
    await rm(dir, { recursive: true, force: true });
  });

  it('restores a paid round identically and verifies it; refuses damaged and mismatched archives', async () => {
    const store = await openStore(await pglite.freshConfig());
    const archive = join(dir, 'round.wgbak');
    let before: Awaited<ReturnType<typeof contents>>;
    try {
      const batchId = await authorisedBatch(store.db, 4);
      await runPaymentBatch(store.db, { batchId, clock, workerId: 'backup-test' });
      before = await contents(store);
      expect(before.payments).toHaveLength(4);
      expect(before.audit.length).toBeGreaterThan(4);
      const manifest = await backupStore(store, { path: archive, now: clock.now() });
      expect(manifest).toMatchObject({ kind: 'pglite', keyVersions: [1] });
      expect(manifest.migrations).toContain('013-bank-accounts-encrypted.sql');
    } finally {
      await store.close();
    }
    expect((await readFile(archive)).toString('latin1')).not.toMatch(/encKey|macKey|WENGANG_KEYS/);

    const outcome = await restoreArchive(archive, { dataDir: join(dir, 'restored', 'pglite') }, ring);
    expect(outcome.audit.ok).toBe(true);
    expect(outcome.ledger.ok).toBe(true);
    const restored = await openStore({ dataDir: join(dir, 'restored', 'pglite') });
    try {
      expect(await contents(restored)).toEqual(before);
    } finally {
      await restored.close();
    }

    const damaged = join(dir, 'damaged.wgbak');
    const bytes = await readFile(archive);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    await writeFile(damaged, bytes);
    await expect(restoreArchive(damaged, { dataDir: join(dir, 'never', 'pglite') }, ring)).rejects.toThrow(/SM3 校验失败/);
    await writeFile(damaged, bytes.subarray(0, bytes.length - 10));
    await expect(restoreArchive(damaged, { dataDir: join(dir, 'never', 'pglite') }, ring)).rejects.toThrow(/长度不符/);
    await expect(restoreArchive(archive, { databaseUrl: 'postgres://nowhere.invalid/none' }, ring)).rejects.toThrow(
      /migrate-to-postgres/,
    );
    await expect(
      restoreArchive(archive, { dataDir: join(dir, 'never', 'pglite') }, { ...ring, keys: { 2: ring.keys[1]! }, current: 2 }),
    ).rejects.toThrow(/密钥版本 1/);
    await expect(restoreArchive(archive, { dataDir: join(dir, 'restored', 'pglite') }, ring)).rejects.toThrow(/不是空目录/);
  }, 180_000);
});
