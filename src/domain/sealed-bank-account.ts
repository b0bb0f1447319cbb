// A bank account number as it is kept at rest: SM4-sealed by the FieldCipher (with its key version) beside a masked
// copy that lists show. The full number is opened only for a bank instruction file or an audited reveal.
import type { FieldCipher } from './ports/field-cipher.ts';
import { maskBankAccount } from './masking.ts';

export interface SealedBankAccount {
  cipher: Buffer;
  masked: string;
}

export function sealBankAccount(cipher: FieldCipher, accountNo: string): SealedBankAccount {
  return { cipher: cipher.encrypt(accountNo), masked: maskBankAccount(accountNo) };
}

/** Sealed and masked cells for a number that may be missing (null or empty). */
export function sealedCells(cipher: FieldCipher, accountNo: string | null): [Buffer | null, string | null] {
  if (!accountNo) return [null, null];
  const sealed = sealBankAccount(cipher, accountNo);
  return [sealed.cipher, sealed.masked];
}
