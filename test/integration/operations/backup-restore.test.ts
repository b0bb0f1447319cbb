// A backup of a round completed through the API restores into a fresh store — a new data folder for PGlite, a new
// database (pg_dump custom format, pg_restore) for PostgreSQL — with every decision, case, payment, attempt, ledger
// line and audit entry identical, and the restore reports the audit chain and the ledger sound. A damaged or cut
// archive, one for the other kind of database and one needing a key version not configured are refused before
// anything is written.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { keyRingFromEnv } from '../../../src/adapters/crypto/key-ring.ts';
import { openStore, type StoreConfig } from '../../../src/adapters/store/open-store.ts';
import { backupStore, restoreArchive } from '../../../src/cli/backup-restore.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { runRoundThroughApi } from '../../support/api-round.ts';
import { contents } from '../../support/store-contents.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const ring = keyRingFromEnv({}).keyRing;
const clock = fixedClock('2024-10-08T09:00:00+08:00');

async function onServer(serverUrl: string, query: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A fresh, empty target of the backend's kind (a database of its own on the server, dropped by `drop`). */
function freshTarget(backend: 'pglite' | 'postgres', folder: string, name: string) {
  if (backend === 'pglite')
    return { config: { dataDir: join(folder, name, 'pglite') } as StoreConfig, create: async () => {}, drop: async () => {} };
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const database = `wengang_restore_${name}_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    config: { databaseUrl: url.toString() } as StoreConfig,
    create: () => onServer(serverUrl, `CREATE DATABASE ${database}`),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`backup and restore on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-backup-');

    it('restores a completed round identically and verifies it; refuses damaged and mismatched archives', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const archive = join(folder(), 'round.wgbak');
      let before: Awaited<ReturnType<typeof contents>>;
      try {
        await runRoundThroughApi(store, folder());
        before = await contents(store);
        expect(before.payments.length).toBeGreaterThan(0);
        expect(before.payments.every((p) => p.status === 'paid')).toBe(true);
        expect(before.audit.length).toBeGreaterThan(10);
        const manifest = await backupStore(store, {
          path: archive,
          databaseUrl: 'databaseUrl' in config ? config.databaseUrl : undefined,
          now: clock.now(),
        });
        expect(manifest).toMatchObject({ kind: backend.name, keyVersions: [1] });
        expect(manifest.migrations).toContain('013-bank-accounts-encrypted.sql');
      } finally {
        await store.close();
      }
      expect((await readFile(archive)).toString('latin1')).not.toMatch(/encKey|macKey|WENGANG_KEYS/);

      const target = freshTarget(backend.name, folder(), 'restored');
      await target.create();
      try {
        const outcome = await restoreArchive(archive, target.config, ring);
        expect(outcome.audit.ok).toBe(true);
        expect(outcome.ledger.ok).toBe(true);
        const restored = await openStore(target.config);
        try {
          expect(await contents(restored)).toEqual(before);
        } finally {
          await restored.close();
        }
      } finally {
        await target.drop();
      }

      const never = freshTarget(backend.name, folder(), 'never');
      const damaged = join(folder(), 'damaged.wgbak');
      const bytes = await readFile(archive);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      await writeFile(damaged, bytes);
      await expect(restoreArchive(damaged, never.config, ring)).rejects.toThrow(/SM3 校验失败/);
      await writeFile(damaged, bytes.subarray(0, bytes.length - 10));
      await expect(restoreArchive(damaged, never.config, ring)).rejects.toThrow(/长度不符/);
      const otherKind: StoreConfig =
        backend.name === 'pglite'
          ? { databaseUrl: 'postgres://nowhere.invalid/none' }
          : { dataDir: join(folder(), 'never', 'pglite') };
      await expect(restoreArchive(archive, otherKind, ring)).rejects.toThrow(/不能恢复到/);
      await expect(restoreArchive(archive, never.config, { ...ring, keys: { 2: ring.keys[1]! }, current: 2 })).rejects.toThrow(
        /密钥版本 1/,
      );
      if (backend.name === 'pglite')
        await expect(restoreArchive(archive, { dataDir: join(folder(), 'restored', 'pglite') }, ring)).rejects.toThrow(
          /不是空目录/,
        );
    }, 240_000);
  });
}
