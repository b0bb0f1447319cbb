// Backing up and restoring a whole installation. A backup names the migrations and key versions its data needs;
// a restore refuses an archive that is damaged, written by a newer program, of the other database kind, or sealed with
// a key version the configured key ring lacks — and after restoring it verifies the audit chain and the ledger.
import { sql } from 'kysely';
import { BackupArchiveError, readArchive, writeArchive, type BackupManifest } from '../adapters/backup/archive.ts';
import { dumpPayload, restorePglite, restorePostgres } from '../adapters/backup/database-payload.ts';
import type { KeyRing } from '../adapters/crypto/key-ring.ts';
import { loadMigrations } from '../adapters/store/migrate.ts';
import { openStore, type Store, type StoreConfig } from '../adapters/store/open-store.ts';
import { verifyAudit, type AuditVerdict } from '../services/audit/verify-audit.ts';
import { checkLedger, type LedgerCheck } from '../services/ledger/check.ts';

/** Every sealed column: the first byte of a sealed value is its key version. */
const SEALED = [
  ['persons', 'id_number_cipher'],
  ['persons', 'phone_cipher'],
  ['persons', 'bank_account_cipher'],
  ['units', 'contact_phone_cipher'],
  ['units', 'corporate_account_cipher'],
  ['units', 'contribution_account_cipher'],
  ['confirmations', 'account_cipher'],
  ['payments', 'account_cipher'],
  ['payment_attempts', 'account_cipher'],
  ['account_corrections', 'account_cipher'],
  ['sms_outbox', 'phone_cipher'],
] as const;

async function keyVersionsUsed(store: Store): Promise<number[]> {
  const parts = SEALED.map(
    ([table, column]) =>
      sql`SELECT DISTINCT get_byte(${sql.ref(column)}, 0) AS v FROM ${sql.table(table)} WHERE ${sql.ref(column)} IS NOT NULL`,
  );
  const { rows } = await sql<{ v: number }>`SELECT DISTINCT v FROM (${sql.join(parts, sql` UNION `)}) AS used ORDER BY v`.execute(
    store.db,
  );
  return rows.map((r) => Number(r.v));
}

export async function backupStore(
  store: Store,
  options: { path: string; databaseUrl?: string; now: Date },
): Promise<BackupManifest> {
  const migrations = (await store.db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
  const keyVersions = await keyVersionsUsed(store);
  const payload = await dumpPayload(store, options.databaseUrl);
  return writeArchive(
    options.path,
    { kind: store.backend, createdAt: options.now.toISOString(), migrations, keyVersions },
    payload,
  );
}

export interface RestoreOutcome {
  manifest: BackupManifest;
  audit: AuditVerdict;
  ledger: LedgerCheck;
}

async function refuseMismatch(manifest: BackupManifest, target: StoreConfig, ring: KeyRing): Promise<void> {
  const known = new Set((await loadMigrations()).map((m) => m.name));
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length)
    throw new BackupArchiveError(`备份来自较新版本的程序（含本程序没有的迁移 ${unknown.join('、')}）：请用新版本恢复`);
  const kind = 'databaseUrl' in target ? 'postgres' : 'pglite';
  if (manifest.kind !== kind) {
    throw new BackupArchiveError(
      `备份是${manifest.kind === 'pglite' ? '内嵌数据库（PGlite）' : 'PostgreSQL'}的，不能恢复到${kind === 'pglite' ? '内嵌数据库' : 'PostgreSQL'}；迁移请用 wengang migrate-to-postgres`,
    );
  }
  const missing = manifest.keyVersions.filter((version) => !ring.keys[version]);
  if (missing.length)
    throw new BackupArchiveError(
      `备份中的个人信息需要密钥版本 ${missing.join('、')}，当前 WENGANG_KEYS 没有配置：请先配置后再恢复`,
    );
}

export async function restoreArchive(path: string, target: StoreConfig, ring: KeyRing): Promise<RestoreOutcome> {
  const { manifest, payload } = await readArchive(path);
  await refuseMismatch(manifest, target, ring);
  if ('databaseUrl' in target) await restorePostgres(target.databaseUrl, payload);
  else await restorePglite(target.dataDir, payload);
  const store = await openStore(target);
  try {
    return { manifest, audit: await verifyAudit(store.db), ledger: await checkLedger(store.db) };
  } finally {
    await store.close();
  }
}
