// Audit anchors in an append-only file, one JSON line per anchor signed with HMAC-SM3 under a key the database does
// not hold. Configuration:
//   WENGANG_AUDIT_ANCHOR           the file (default audit-anchors.log in the data folder); keep it on storage the
//                                  database's owner cannot write — another host, a WORM volume, or `chattr +a`
//   WENGANG_AUDIT_ANCHOR_KEY       the key, 32 bytes as hex or base64, or
//   WENGANG_AUDIT_ANCHOR_KEY_FILE  a file holding it (readable by the application only)
// With no key and NODE_ENV ≠ production a fixed development key is used (anyone could forge anchors with it).
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { AnchorReading, AuditAnchor, AuditAnchors } from '../../domain/ports/audit-anchors.ts';
import { hmacSm3, sm3Hex } from '../crypto/sm3.ts';
import { KeyConfigError } from '../crypto/key-ring.ts';
import { dataPath } from '../data-folder.ts';

const KEY_BYTES = 32;
const HEX_OR_BASE64 = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/;

type Env = Readonly<Record<string, string | undefined>>;

function signedText(anchor: AuditAnchor): string {
  return `${anchor.seq}|${anchor.hash}|${anchor.at}|${anchor.kind}`;
}

function isAnchor(value: unknown): value is AuditAnchor & { mac: string } {
  const v = value as Record<string, unknown>;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.seq) &&
    typeof v.hash === 'string' &&
    typeof v.at === 'string' &&
    (v.kind === 'checkpoint' || v.kind === 'verified_head') &&
    typeof v.mac === 'string'
  );
}

export class FileAuditAnchors implements AuditAnchors {
  constructor(
    readonly location: string,
    private readonly key: Buffer,
  ) {
    if (key.length !== KEY_BYTES) throw new KeyConfigError(`密钥配置错误：审计锚点密钥须为 ${KEY_BYTES} 字节`);
  }

  private mac(anchor: AuditAnchor): Buffer {
    return hmacSm3(this.key, signedText(anchor));
  }

  async append(anchor: AuditAnchor): Promise<void> {
    const { seq, hash, at, kind } = anchor;
    await mkdir(dirname(this.location), { recursive: true });
    const line = JSON.stringify({ seq, hash, at, kind, mac: this.mac(anchor).toString('hex') });
    await appendFile(this.location, `${line}\n`, { flag: 'a', mode: 0o600 });
  }

  async read(): Promise<AnchorReading> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { ok: true, newest: undefined };
      throw error;
    }
    let newest: AuditAnchor | undefined;
    for (const [index, line] of text.split('\n').entries()) {
      if (!line.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = undefined;
      }
      const mac = isAnchor(parsed) ? Buffer.from(parsed.mac, 'hex') : Buffer.alloc(0);
      const expected = isAnchor(parsed) ? this.mac(parsed) : Buffer.alloc(KEY_BYTES);
      if (!isAnchor(parsed) || mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
        return { ok: false, message: `外部锚点文件 ${this.location} 第 ${index + 1} 行的签名不符：锚点被改动，或以其他密钥写入` };
      }
      const { seq, hash, at, kind } = parsed;
      if (!newest || seq > newest.seq) newest = { seq, hash, at, kind };
    }
    return { ok: true, newest };
  }
}

function decodeKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  if (!HEX_OR_BASE64.test(trimmed))
    throw new KeyConfigError(`密钥配置错误：${what}须为 ${KEY_BYTES} 字节（64 位十六进制或 base64）`);
  return Buffer.from(trimmed, trimmed.length === KEY_BYTES * 2 ? 'hex' : 'base64');
}

/** The anchors as configured; `development` is true when the built-in key is used. */
export function auditAnchorsFromEnv(env: Env): { anchors: FileAuditAnchors; development: boolean } {
  const location = env.WENGANG_AUDIT_ANCHOR || dataPath(env, 'audit-anchors.log');
  if (env.WENGANG_AUDIT_ANCHOR_KEY)
    return {
      anchors: new FileAuditAnchors(location, decodeKey(env.WENGANG_AUDIT_ANCHOR_KEY, 'WENGANG_AUDIT_ANCHOR_KEY')),
      development: false,
    };
  if (env.WENGANG_AUDIT_ANCHOR_KEY_FILE) {
    const key = decodeKey(
      readFileSync(env.WENGANG_AUDIT_ANCHOR_KEY_FILE, 'utf8'),
      `WENGANG_AUDIT_ANCHOR_KEY_FILE（${env.WENGANG_AUDIT_ANCHOR_KEY_FILE}）`,
    );
    return { anchors: new FileAuditAnchors(location, key), development: false };
  }
  if (env.NODE_ENV === 'production')
    throw new KeyConfigError(
      '密钥配置错误：生产环境必须配置 WENGANG_AUDIT_ANCHOR_KEY 或 WENGANG_AUDIT_ANCHOR_KEY_FILE（审计锚点密钥）',
    );
  const developmentKey = Buffer.from(sm3Hex('wengang-development-key-not-for-production/audit-anchor'), 'hex');
  return { anchors: new FileAuditAnchors(location, developmentKey), development: true };
}
