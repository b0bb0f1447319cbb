// Personal data at rest (ID numbers, phones, bank accounts): SM4-CBC (GB/T 32907-2016) with a random IV,
// encrypt-then-MAC with HMAC-SM3 (GB/T 32905-2016), and an HMAC-SM3 blind index for exact look-ups.
// Sealed layout: version (1 byte) ‖ IV (16) ‖ ciphertext (PKCS#7, n×16) ‖ tag = HMAC-SM3(macKey, all before it) (32).
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { checkKeyRing, type KeyRing } from './key-ring.ts';
import { hmacSm3 } from './sm3.ts';

const VERSION_BYTES = 1;
const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const TAG_BYTES = 32;
const TAMPERED = '个人信息解密失败：数据可能被篡改';

/** A value that cannot be decrypted; the message can be shown to the user. */
export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
}

export class SmFieldCipher implements FieldCipher {
  constructor(private readonly ring: KeyRing) {
    checkKeyRing(ring);
  }

  encrypt(plain: string): Buffer {
    const { encKey, macKey } = this.ring.keys[this.ring.current]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('sm4-cbc', encKey, iv);
    const body = Buffer.concat([Buffer.of(this.ring.current), iv, cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([body, hmacSm3(macKey, body)]);
  }

  decrypt(sealed: Buffer): string {
    const cipherBytes = sealed.length - VERSION_BYTES - IV_BYTES - TAG_BYTES;
    if (cipherBytes < BLOCK_BYTES || cipherBytes % BLOCK_BYTES !== 0) throw new FieldCipherError(TAMPERED);
    const version = sealed[0]!;
    const pair = this.ring.keys[version];
    if (!pair) throw new FieldCipherError(`个人信息解密失败：密钥版本 ${version} 未配置，或数据被篡改`);
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    if (!timingSafeEqual(hmacSm3(pair.macKey, body), sealed.subarray(body.length))) throw new FieldCipherError(TAMPERED);
    const decipher = createDecipheriv('sm4-cbc', pair.encKey, body.subarray(VERSION_BYTES, VERSION_BYTES + IV_BYTES));
    return Buffer.concat([decipher.update(body.subarray(VERSION_BYTES + IV_BYTES)), decipher.final()]).toString('utf8');
  }

  blindIndex(plain: string): string {
    return hmacSm3(this.ring.indexKey, normaliseForIndex(plain)).toString('hex');
  }
}

/** Frozen on purpose: changing it would orphan every stored index, so it does not follow other normalisers. */
function normaliseForIndex(value: string): string {
  return value.trim().toUpperCase();
}
