// The field cipher a command seals and opens personal data with: the key ring WENGANG_KEYS / WENGANG_INDEX_KEY names,
// or the development ring (with a warning) outside production.
import { keyRingFromEnv } from '../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../adapters/crypto/sm-field-cipher.ts';
import type { FieldCipher } from '../domain/ports/field-cipher.ts';
import { settings } from '../config/settings.ts';

export function commandCipher(env: Readonly<Record<string, string | undefined>> = settings()): FieldCipher {
  const { keyRing, development } = keyRingFromEnv(env);
  if (development) process.stderr.write('注意：未配置 WENGANG_KEYS / WENGANG_INDEX_KEY，个人信息使用开发密钥加密，仅供演示\n');
  return new SmFieldCipher(keyRing);
}
