import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyConfigError, type FieldKeyPair, type KeyRing } from '../../../src/adapters/crypto/key-ring.ts';
import { FieldCipherError, SmFieldCipher } from '../../../src/adapters/crypto/sm-field-cipher.ts';

const pair = (): FieldKeyPair => ({ encKey: randomBytes(16), macKey: randomBytes(32) });
const v1 = pair();
const v2 = pair();
const indexKey = randomBytes(32);
const ringV1: KeyRing = { current: 1, keys: { 1: v1 }, indexKey };
const ringV2: KeyRing = { current: 2, keys: { 1: v1, 2: v2 }, indexKey };

describe('SmFieldCipher', () => {
  const cipher = new SmFieldCipher(ringV1);

  it('decrypts what it encrypted, including Chinese text, block-sized and empty values', () => {
    for (const value of ['371002199001011234', '13812345678', '山东省济南市历下区', 'x'.repeat(16), '']) {
      expect(cipher.decrypt(cipher.encrypt(value))).toBe(value);
    }
  });

  it('never writes the same bytes twice for the same value, and hides the value', () => {
    const a = cipher.encrypt('371002199001011234');
    const b = cipher.encrypt('371002199001011234');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('3710021990'))).toBe(false);
  });

  it('detects a change to any single byte, with a message for the user', () => {
    const sealed = cipher.encrypt('6222021234567890123');
    for (let i = 0; i < sealed.length; i++) {
      const altered = Buffer.from(sealed);
      altered[i]! ^= 0x01;
      expect(() => cipher.decrypt(altered), `byte ${i}`).toThrow(FieldCipherError);
    }
    const tampered = Buffer.from(sealed);
    tampered[sealed.length - 1]! ^= 0x80;
    expect(() => cipher.decrypt(tampered)).toThrow('个人信息解密失败：数据可能被篡改');
  });

  it('rejects truncated and extended values', () => {
    const sealed = cipher.encrypt('13812345678');
    expect(() => cipher.decrypt(sealed.subarray(0, sealed.length - 1))).toThrow(FieldCipherError);
    expect(() => cipher.decrypt(sealed.subarray(0, 20))).toThrow(FieldCipherError);
    expect(() => cipher.decrypt(Buffer.concat([sealed, Buffer.alloc(16)]))).toThrow(FieldCipherError);
    expect(() => cipher.decrypt(Buffer.alloc(0))).toThrow(FieldCipherError);
  });

  it('rejects a value sealed under another key of the same version', () => {
    const other = new SmFieldCipher({ current: 1, keys: { 1: pair() }, indexKey });
    expect(() => cipher.decrypt(other.encrypt('13812345678'))).toThrow('数据可能被篡改');
  });

  it('after rotation still decrypts old values and writes new ones under the new version', () => {
    const old = cipher.encrypt('371002199001011234');
    const rotated = new SmFieldCipher(ringV2);
    expect(rotated.decrypt(old)).toBe('371002199001011234');
    const fresh = rotated.encrypt('371002199001011234');
    expect(rotated.decrypt(fresh)).toBe('371002199001011234');
    expect(() => cipher.decrypt(fresh)).toThrow('密钥版本 2 未配置');
  });

  it('gives a stable blind index that ignores surrounding spaces and letter case', () => {
    const rotated = new SmFieldCipher(ringV2);
    const index = cipher.blindIndex('37100219900101123X');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex(' 37100219900101123x ')).toBe(index);
    expect(rotated.blindIndex('37100219900101123X')).toBe(index); // rotation keeps look-ups working
    expect(cipher.blindIndex('371002199001011234')).not.toBe(index);
  });

  it('makes the blind index depend on the index key', () => {
    const otherIndex = new SmFieldCipher({ ...ringV1, indexKey: randomBytes(32) });
    expect(otherIndex.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345678'));
  });

  it('refuses a key ring with wrong key lengths or a missing current version', () => {
    expect(() => new SmFieldCipher({ ...ringV1, current: 3 })).toThrow(KeyConfigError);
    expect(() => new SmFieldCipher({ ...ringV1, keys: { 1: { ...v1, encKey: randomBytes(32) } } })).toThrow(KeyConfigError);
    expect(() => new SmFieldCipher({ ...ringV1, keys: { 1: { ...v1, macKey: randomBytes(16) } } })).toThrow(KeyConfigError);
    expect(() => new SmFieldCipher({ ...ringV1, indexKey: randomBytes(16) })).toThrow(KeyConfigError);
    expect(() => new SmFieldCipher({ current: 256, keys: { 256: v1 }, indexKey })).toThrow(KeyConfigError);
  });
});
