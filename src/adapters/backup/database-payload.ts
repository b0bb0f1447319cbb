// What goes into a backup and comes back out of it: the PGlite data folder (dumped by the open instance itself, so
// it is consistent while the server runs) or a PostgreSQL database through pg_dump's custom format, restored with
// pg_restore into an empty database.
import { spawn } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Store } from '../store/open-store.ts';
import { BackupArchiveError } from './archive.ts';

function run(command: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`${command} 退出码 ${code}：${Buffer.concat(err).toString('utf8').trim()}`)),
    );
    child.stdin.end(input);
  });
}

export async function dumpPayload(store: Store, databaseUrl: string | undefined): Promise<Buffer> {
  if (store.dumpDataDir) return store.dumpDataDir();
  if (!databaseUrl) throw new Error('PostgreSQL backup needs the database URL');
  return run('pg_dump', ['--format=custom', '--compress=6', '--no-owner', `--dbname=${databaseUrl}`]);
}

/** Restores a PGlite payload into `dataDir`, which must not exist or be empty. */
export async function restorePglite(dataDir: string, payload: Buffer): Promise<void> {
  const existing = await readdir(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length) throw new BackupArchiveError(`恢复目标 ${dataDir} 不是空目录：请恢复到新的数据目录`);
  await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([payload]) });
  await pglite.close();
}

/** Restores a pg_dump payload into the (empty) database at `databaseUrl`. */
export async function restorePostgres(databaseUrl: string, payload: Buffer): Promise<void> {
  await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${databaseUrl}`], payload);
}
