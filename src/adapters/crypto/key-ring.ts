// Keys for personal data at rest: versioned SM4 / HMAC-SM3 key pairs (so keys can rotate) and the blind-index key.
//
// Configuration (each key hex or base64):
//   WENGANG_KEYS      = <version>:<encKey>:<macKey>[,<version>:<encKey>:<macKey>…]
//                       version 1…255, encKey 16 bytes (SM4), macKey 32 bytes (HMAC-SM3). New values are written
//                       with the highest version; keep older versions listed until every value is re-encrypted.
//   WENGANG_INDEX_KEY = <indexKey>, 32 bytes. It does not rotate: a new index key orphans every stored blind index.
// Example: WENGANG_KEYS="1:$(openssl rand -hex 16):$(openssl rand -hex 32)" WENGANG_INDEX_KEY="$(openssl rand -hex 32)"
// With neither set and NODE_ENV ≠ production, a fixed development key ring is used and flagged.
import { sm3Hex } from './sm3.ts';

export const ENC_KEY_BYTES = 16;
export const MAC_KEY_BYTES = 32;
export const INDEX_KEY_BYTES = 32;
const MAX_VERSION = 255;
const DEVELOPMENT_LABEL = 'wengang-development-key-not-for-production';

export interface FieldKeyPair {
  encKey: Buffer;
  macKey: Buffer;
}

export interface KeyRing {
  current: number;
  keys: Readonly<Record<number, FieldKeyPair>>;
  indexKey: Buffer;
}

/** A key configuration the operator must fix; the message is for the operator, in Chinese. */
export class KeyConfigError extends Error {
  override name = 'KeyConfigError';
}

/** Throws KeyConfigError unless every version is 1…255, every key has its length and the current version exists. */
export function checkKeyRing(ring: KeyRing): void {
  for (const [name, pair] of Object.entries(ring.keys)) {
    const version = Number(name);
    if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) fail(`密钥版本 ${name} 须为 1…${MAX_VERSION} 的整数`);
    if (pair.encKey.length !== ENC_KEY_BYTES) fail(`版本 ${version} 的加密密钥须为 ${ENC_KEY_BYTES} 字节`);
    if (pair.macKey.length !== MAC_KEY_BYTES) fail(`版本 ${version} 的认证密钥须为 ${MAC_KEY_BYTES} 字节`);
  }
  if (!ring.keys[ring.current]) fail(`当前密钥版本 ${ring.current} 未配置`);
  if (ring.indexKey.length !== INDEX_KEY_BYTES) fail(`检索密钥须为 ${INDEX_KEY_BYTES} 字节`);
}

/** Reads the key ring from WENGANG_KEYS / WENGANG_INDEX_KEY; `development` is true when the built-in keys are used. */
export function keyRingFromEnv(env: Readonly<Record<string, string | undefined>>): { keyRing: KeyRing; development: boolean } {
  const keys = env.WENGANG_KEYS?.trim();
  const indexKey = env.WENGANG_INDEX_KEY?.trim();
  if (!keys && !indexKey) {
    if (env.NODE_ENV === 'production') fail('生产环境必须配置 WENGANG_KEYS 和 WENGANG_INDEX_KEY');
    return { keyRing: developmentKeyRing(), development: true };
  }
  if (!keys || !indexKey) fail('WENGANG_KEYS 与 WENGANG_INDEX_KEY 须同时配置');
  const keyRing = { ...parseKeys(keys), indexKey: decodeKey(indexKey, INDEX_KEY_BYTES, 'WENGANG_INDEX_KEY（检索密钥）') };
  checkKeyRing(keyRing);
  return { keyRing, development: false };
}

function parseKeys(text: string): Pick<KeyRing, 'current' | 'keys'> {
  const keys: Record<number, FieldKeyPair> = {};
  for (const [i, item] of text.split(',').entries()) {
    const parts = item.trim().split(':');
    const where = `WENGANG_KEYS 第 ${i + 1} 项`;
    if (parts.length !== 3 || !/^\d{1,3}$/.test(parts[0]!)) fail(`${where}格式应为 版本:加密密钥:认证密钥`);
    const version = Number(parts[0]);
    if (keys[version]) fail(`${where}：密钥版本 ${version} 重复`);
    keys[version] = {
      encKey: decodeKey(parts[1]!, ENC_KEY_BYTES, `${where}的加密密钥`),
      macKey: decodeKey(parts[2]!, MAC_KEY_BYTES, `${where}的认证密钥`),
    };
  }
  return { current: Math.max(...Object.keys(keys).map(Number)), keys };
}

/** Hex when it is exactly 2×bytes hex digits, otherwise base64; the two lengths never coincide for 16 or 32 bytes. */
function decodeKey(text: string, bytes: number, what: string): Buffer {
  if (/^[0-9a-fA-F]+$/.test(text) && text.length === bytes * 2) return Buffer.from(text, 'hex');
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (key.length !== bytes) fail(`${what}须为 ${bytes} 字节（${bytes * 2} 位十六进制或 base64）`);
  return key;
}

/** Fixed keys derived from a public label: anyone can decrypt data written with them. */
function developmentKeyRing(): KeyRing {
  const derive = (purpose: string, bytes: number) =>
    Buffer.from(sm3Hex(`${DEVELOPMENT_LABEL}/${purpose}`), 'hex').subarray(0, bytes);
  return {
    current: 1,
    keys: { 1: { encKey: derive('enc', ENC_KEY_BYTES), macKey: derive('mac', MAC_KEY_BYTES) } },
    indexKey: derive('index', INDEX_KEY_BYTES),
  };
}

function fail(message: string): never {
  throw new KeyConfigError(`密钥配置错误：${message}`);
}
