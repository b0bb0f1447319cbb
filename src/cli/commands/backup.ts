// `wengang backup --out FILE` and `wengang restore FILE [--data DIR | --database-url URL]`: a whole installation
// into one SM3-checksummed archive and back; the restore prints the audit-chain verification and the ledger check.
import { resolve } from 'node:path';
import { BackupArchiveError } from '../../adapters/backup/archive.ts';
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { storeConfigFromEnv, type StoreConfig } from '../../adapters/store/open-store.ts';
import { backupStore, restoreArchive } from '../backup-restore.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions } from '../command-support.ts';
import { withStore } from '../with-store.ts';
import { settings } from '../../config/settings.ts';

export async function runBackup(args: string[]): Promise<number> {
  const v = parseOptions(args, { out: { type: 'string' } });
  if (!v.out) throw new CliError('请用 --out 指定备份文件', 'give the archive with --out FILE');
  const path = resolve(v.out);
  const manifest = await withStore((store) =>
    backupStore(store, { path, databaseUrl: settings().DATABASE_URL || undefined, now: commandClock().now() }),
  );
  return output(
    v.json,
    { path, ...manifest },
    () =>
      `已备份至 ${path}（${manifest.kind === 'pglite' ? '内嵌数据库' : 'PostgreSQL'}，${manifest.payloadBytes} 字节）\n` +
      `SM3：${manifest.payloadSm3}\n恢复时 WENGANG_KEYS 须包含密钥版本：${manifest.keyVersions.join('、') || '（无加密数据）'}`,
  );
}

export async function runRestore(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (!file || file.startsWith('--'))
    throw new CliError(
      '请指定备份文件：wengang restore <文件> [--data 目录 | --database-url 地址]',
      'give the archive: wengang restore <file>',
    );
  const v = parseOptions(rest, { data: { type: 'string' }, 'database-url': { type: 'string' } });
  const target: StoreConfig = v['database-url']
    ? { databaseUrl: v['database-url'] }
    : v.data
      ? { dataDir: resolve(v.data, 'pglite') }
      : storeConfigFromEnv(settings());
  try {
    const outcome = await restoreArchive(resolve(file), target, keyRingFromEnv(settings()).keyRing);
    const ok = outcome.audit.ok && outcome.ledger.ok;
    output(v.json, outcome, () =>
      [
        `已恢复 ${outcome.manifest.createdAt} 的备份`,
        outcome.audit.ok
          ? `审计日志校验通过：共 ${outcome.audit.count} 条，哈希链完整`
          : `审计日志校验未通过：${outcome.audit.message}`,
        outcome.ledger.ok
          ? `基金账务检查通过：${outcome.ledger.transactionCount} 笔记账，借贷平衡`
          : `基金账务检查未通过：${outcome.ledger.violations.length} 处问题`,
      ].join('\n'),
    );
    return ok ? 0 : 1;
  } catch (error) {
    if (error instanceof BackupArchiveError)
      throw new CliError(error.message, 'the archive was refused (see the Chinese message)');
    throw error;
  }
}
