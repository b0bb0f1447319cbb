import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCreditCode, checkIdNumber, identifierRule } from '../../../src/policy/identifier.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { runCaseFile } from '../../support/run-cases.ts';

// Independent oracles for the check characters, written from the standards' definitions (not copied from the rule):
// GB 32100-2015 weights are 3^(i−1) mod 31; GB 11643-1999 (ISO 7064 MOD 11-2) weights are 2^(17−i) mod 11.
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';

function creditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(first17[i]!) * (3 ** i % 31);
  return CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

const chars = (alphabet: string, length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));

const validCreditCode = fc
  .tuple(chars(CODE_CHARS, 2), chars(DIGITS, 6), chars(CODE_CHARS, 9))
  .map(([a, b, c]) => a + b + c)
  .map((first17) => first17 + creditCheck(first17));

const validIdNumber = fc
  .tuple(
    chars(DIGITS, 6),
    fc.integer({ min: 1900, max: 2099 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    chars(DIGITS, 3),
  )
  .map(([area, y, m, d, seq]) => `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`)
  .map((first17) => first17 + idCheck(first17));

/** The code with the character at `index` replaced by a different one from `alphabet`. */
function mutate(code: string, index: number, pick: number, alphabet: string): string {
  const others = [...alphabet].filter((c) => c !== code[index]);
  return code.slice(0, index) + others[pick % others.length] + code.slice(index + 1);
}

describe('identifier cases', () => {
  runCaseFile('identifier', identifierRule);
});

describe('identifier checks', () => {
  it('accepts real credit codes and ID numbers', () => {
    for (const code of ['91330100716105852F', '9144030071526726XG', '914403001922038216'])
      expect(checkCreditCode(code)).toEqual([]);
    expect(checkIdNumber('11010519491231002X')).toEqual([]);
  });

  it('reports a check-character error with the check character a clerk should expect', () => {
    const decision = identifierRule.evaluate({ id: 'x', kind: 'credit_code', value: '91330100716105852E' }, projectParameters());
    expect(decision.reasons).toEqual(['BAD_CHECK_CHARACTER']);
    expect(decision.trace.find((s) => s.step === 'checkCharacter')).toMatchObject({ value: 'E', threshold: 'F', passed: false });
  });

  it('always accepts a generated credit code with a correct check character', () => {
    fc.assert(fc.property(validCreditCode, (code) => checkCreditCode(code).length === 0));
  });

  it('rejects a credit code with any single character changed', () => {
    fc.assert(
      fc.property(validCreditCode, fc.integer({ min: 0, max: 17 }), fc.nat(), (code, index, pick) => {
        const alphabet = index >= 2 && index < 8 ? DIGITS : CODE_CHARS;
        return checkCreditCode(mutate(code, index, pick, alphabet)).length > 0;
      }),
    );
  });

  it('always accepts a generated ID number with a real birth date and a correct check character', () => {
    fc.assert(fc.property(validIdNumber, (id) => checkIdNumber(id).length === 0));
  });

  it('rejects an ID number with any single character changed', () => {
    fc.assert(
      fc.property(
        validIdNumber,
        fc.integer({ min: 0, max: 17 }),
        fc.nat(),
        (id, index, pick) => checkIdNumber(mutate(id, index, pick, index === 17 ? `${DIGITS}X` : DIGITS)).length > 0,
      ),
    );
  });

  it('is eligible exactly when it reports no reason', () => {
    const params = projectParameters();
    const value = fc.oneof(validCreditCode, validIdNumber, fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.constantFrom('credit_code', 'id_number'), value, (kind, v) => {
        const decision = identifierRule.evaluate({ kind: kind as 'credit_code' | 'id_number', value: v }, params);
        return (decision.status === 'eligible') === (decision.reasons.length === 0);
      }),
    );
  });
});
