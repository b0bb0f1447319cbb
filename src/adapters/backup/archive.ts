// The backup archive: one file, a first line naming the format, a JSON manifest line, then the payload — the PGlite
// data folder as PGlite dumps it (gzip tar) or a PostgreSQL database in pg_dump's custom format (compressed). The
// manifest carries the payload's SM3 digest and length, the migrations the data was written under and the key
// versions its sealed values need — never a key. Reading refuses a file that is cut short, altered or not an archive.
import { readFile, writeFile } from 'node:fs/promises';
import { sm3Hex } from '../crypto/sm3.ts';

const MAGIC = 'WENGANG-BACKUP 1';

export interface BackupManifest {
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** The migrations applied in the backed-up database, in order. */
  migrations: string[];
  /** The key-ring versions the sealed personal data needs (WENGANG_KEYS must list them to read it after restoring). */
  keyVersions: number[];
  payloadBytes: number;
  payloadSm3: string;
}

/** A damaged, cut or foreign archive; the message is for the operator, in Chinese. */
export class BackupArchiveError extends Error {
  override name = 'BackupArchiveError';
}

export async function writeArchive(
  path: string,
  manifest: Omit<BackupManifest, 'payloadBytes' | 'payloadSm3'>,
  payload: Buffer,
): Promise<BackupManifest> {
  const full: BackupManifest = { ...manifest, payloadBytes: payload.length, payloadSm3: sm3Hex(payload) };
  await writeFile(path, Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(full)}\n`, 'utf8'), payload]));
  return full;
}

function line(bytes: Buffer, from: number): { text: string; next: number } {
  const end = bytes.indexOf(0x0a, from);
  if (end < 0) throw new BackupArchiveError('备份文件不完整：缺少文件头');
  return { text: bytes.subarray(from, end).toString('utf8'), next: end + 1 };
}

export async function readArchive(path: string): Promise<{ manifest: BackupManifest; payload: Buffer }> {
  const bytes = await readFile(path);
  const magic = line(bytes, 0);
  if (magic.text !== MAGIC) throw new BackupArchiveError('不是稳岗系统的备份文件（文件头不符）');
  const header = line(bytes, magic.next);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(header.text) as BackupManifest;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new BackupArchiveError('备份文件的清单已损坏');
  }
  const payload = bytes.subarray(header.next);
  if (payload.length !== manifest.payloadBytes) {
    throw new BackupArchiveError(
      `备份文件长度不符：应为 ${manifest.payloadBytes} 字节，实为 ${payload.length} 字节（文件被截断或改动）`,
    );
  }
  if (sm3Hex(payload) !== manifest.payloadSm3) throw new BackupArchiveError('备份文件 SM3 校验失败：内容已损坏或被改动');
  return { manifest, payload };
}
