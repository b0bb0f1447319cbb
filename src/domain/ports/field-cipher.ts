// Port for personal data at rest (ID numbers, phones, bank accounts): encrypted values plus a blind index
// for exact look-ups. The SM4/SM3 implementation lives in src/adapters/crypto/.

export interface FieldCipher {
  /** Encrypts a value; the result carries its key version so keys can rotate. */
  encrypt(plain: string): Buffer;
  /** Decrypts a value written by encrypt (any key version still configured); throws if it was altered. */
  decrypt(sealed: Buffer): string;
  /** A keyed, deterministic digest of the value for exact-match look-ups (hex). */
  blindIndex(plain: string): string;
}
