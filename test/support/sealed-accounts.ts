// Bank account columns as the store keeps them (src/adapters/store/schema-payments.ts, "Where a payment's account is
// kept"), sealed with the test cipher, for fixtures that write units, confirmations, payments and corrections
// directly; and the way back for tests that check a stored number.
import { maskBankAccount } from '../../src/domain/masking.ts';
import { keyRingFromEnv } from '../../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../src/adapters/crypto/sm-field-cipher.ts';

/** The development key ring's cipher, as the test stores use it. */
export const testCipher = new SmFieldCipher(keyRingFromEnv({}).keyRing);

export function sealedAccount(accountNo: string): { account_cipher: Buffer; account_masked: string } {
  return { account_cipher: testCipher.encrypt(accountNo), account_masked: maskBankAccount(accountNo) };
}

export function unitAccounts(accounts: { corporate?: string | null; contribution?: string | null }) {
  const seal = (no: string | null | undefined) =>
    no ? ([testCipher.encrypt(no), maskBankAccount(no)] as const) : ([null, null] as const);
  const [corporateCipher, corporateMasked] = seal(accounts.corporate);
  const [contributionCipher, contributionMasked] = seal(accounts.contribution);
  return {
    corporate_account_cipher: corporateCipher,
    corporate_account_masked: corporateMasked,
    contribution_account_cipher: contributionCipher,
    contribution_account_masked: contributionMasked,
  };
}

/** The number a sealed column holds (null stays null). */
export function opened(cipher: Buffer | null): string | null {
  return cipher === null ? null : testCipher.decrypt(cipher);
}

/** `<kind>:<number>` as the tests write a confirmed payee, split into the confirmation's columns. */
export function confirmedPayTo(payTo: string) {
  const at = payTo.indexOf(':');
  const no = payTo.slice(at + 1);
  return {
    pay_to: payTo.slice(0, at),
    account_cipher: no ? testCipher.encrypt(no) : null,
    account_masked: no ? maskBankAccount(no) : null,
  };
}

/** Rows read with `account_cipher`, with the sealed number opened as `account_no` in its place. */
export function withAccountNo<R extends { account_cipher: Buffer }>(
  rows: R[],
): (Omit<R, 'account_cipher'> & { account_no: string })[] {
  return rows.map(({ account_cipher, ...rest }) => ({ ...rest, account_no: testCipher.decrypt(account_cipher) }));
}
