import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyConfigError, keyRingFromEnv } from '../../../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../../src/adapters/crypto/sm-field-cipher.ts';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const b64 = (bytes: number) => randomBytes(bytes).toString('base64');

describe('keyRingFromEnv', () => {
  it('reads hex and base64 keys and writes with the highest version', () => {
    const [enc1, mac1, enc2, mac2, index] = [hex(16), hex(32), b64(16), b64(32), b64(32)];
    const { keyRing, development } = keyRingFromEnv({
      WENGANG_KEYS: `2:${enc2}:${mac2}, 1:${enc1}:${mac1}`,
      WENGANG_INDEX_KEY: index,
      NODE_ENV: 'production',
    });
    expect(development).toBe(false);
    expect(keyRing.current).toBe(2);
    expect(keyRing.keys[1]!.encKey.equals(Buffer.from(enc1, 'hex'))).toBe(true);
    expect(keyRing.keys[2]!.macKey.equals(Buffer.from(mac2, 'base64'))).toBe(true);
    expect(keyRing.indexKey.equals(Buffer.from(index, 'base64'))).toBe(true);
  });

  it('falls back to a flagged development key ring outside production, the same on every start', () => {
    const first = keyRingFromEnv({});
    expect(first.development).toBe(true);
    const sealed = new SmFieldCipher(first.keyRing).encrypt('13812345678');
    expect(new SmFieldCipher(keyRingFromEnv({ NODE_ENV: 'test' }).keyRing).decrypt(sealed)).toBe('13812345678');
  });

  it('refuses to start in production without keys', () => {
    expect(() => keyRingFromEnv({ NODE_ENV: 'production' })).toThrow('生产环境必须配置');
  });

  it('refuses half a configuration rather than mixing real and development keys', () => {
    expect(() => keyRingFromEnv({ WENGANG_KEYS: `1:${hex(16)}:${hex(32)}` })).toThrow('须同时配置');
    expect(() => keyRingFromEnv({ WENGANG_INDEX_KEY: hex(32) })).toThrow('须同时配置');
  });

  it('names the faulty item when a key is malformed', () => {
    const env = (keys: string) => ({ WENGANG_KEYS: keys, WENGANG_INDEX_KEY: hex(32) });
    expect(() => keyRingFromEnv(env(`1:${hex(16)}`))).toThrow('第 1 项格式应为 版本:加密密钥:认证密钥');
    expect(() => keyRingFromEnv(env(`1:${hex(16)}:${hex(32)},2:${hex(15)}:${hex(32)}`))).toThrow('第 2 项的加密密钥须为 16 字节');
    expect(() => keyRingFromEnv(env(`1:${hex(16)}:${hex(32)},1:${hex(16)}:${hex(32)}`))).toThrow('版本 1 重复');
    expect(() => keyRingFromEnv(env(`0:${hex(16)}:${hex(32)}`))).toThrow(KeyConfigError);
    expect(() => keyRingFromEnv(env(`1:${'zz'.repeat(16)}:${hex(32)}`))).toThrow(KeyConfigError);
    expect(() => keyRingFromEnv({ WENGANG_KEYS: `1:${hex(16)}:${hex(32)}`, WENGANG_INDEX_KEY: hex(16) })).toThrow(
      'WENGANG_INDEX_KEY（检索密钥）须为 32 字节',
    );
  });
});
