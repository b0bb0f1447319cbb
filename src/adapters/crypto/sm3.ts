// SM3 (GB/T 32905-2016) and HMAC-SM3 through Node's built-in crypto.
import { createHash, createHmac } from 'node:crypto';

/** SM3 digest of UTF-8 text or bytes, as 64 lower-case hex characters. */
export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 (RFC 2104 construction over SM3): a 32-byte tag. */
export function hmacSm3(key: Uint8Array, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}
