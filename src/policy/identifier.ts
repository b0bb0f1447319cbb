// Identifiers (SPEC «Identifiers»): the unified social credit code of a unit (GB 32100-2015) and the citizen
// ID number of a person (GB 11643-1999) must be well-formed and carry a correct check character.
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { isValidDate, yearOf } from './core/dates.ts';
import { caseId, text } from './core/input-fields.ts';
import type { RuleDefinition } from './core/rule.ts';
import type { ParameterStore } from './core/parameters.ts';

const RULE = 'identifier';
const CREDIT_CODE_BASIS = 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》';
const ID_NUMBER_BASIS = 'GB 11643-1999《公民身份号码》';

/** GB 32100-2015: the 31 code characters (no I, O, S, V, Z), in value order 0…30. */
const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i (1-based) is 3^(i−1) mod 31. */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** GB 11643-1999: ISO 7064 MOD 11-2 weights and the check character for each remainder 0…10. */
const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_NUMBER_CHECK = '10X98765432';
const ID_NUMBER_RE = /^\d{17}[0-9X]$/;
const MIN_BIRTH_YEAR = 1900;

export type IdentifierProblem = 'BAD_FORMAT' | 'BAD_CHECK_CHARACTER' | 'BAD_BIRTH_DATE';

/** Each problem as people read it. */
export const IDENTIFIER_PROBLEM_TEXT: Record<IdentifierProblem, string> = {
  BAD_FORMAT: '格式错误',
  BAD_CHECK_CHARACTER: '校验码错误',
  BAD_BIRTH_DATE: '出生日期无效',
};

export function normalizeIdentifier(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, weight, i) => acc + CREDIT_CODE_CHARSET.indexOf(first17[i]!) * weight, 0);
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = ID_NUMBER_WEIGHTS.reduce((acc, weight, i) => acc + Number(first17[i]) * weight, 0);
  return ID_NUMBER_CHECK[sum % 11]!;
}

/** What was found in a value: its normalised form and, when well-formed, the details each check needs. */
interface Inspection {
  value: string;
  formatOk: boolean;
  expectedCheck?: string;
  birthDate?: string;
  birthDateOk?: boolean;
}

function inspectCreditCode(raw: string): Inspection {
  const value = normalizeIdentifier(raw);
  if (!CREDIT_CODE_RE.test(value)) return { value, formatOk: false };
  return { value, formatOk: true, expectedCheck: creditCodeCheckCharacter(value.slice(0, 17)) };
}

function inspectIdNumber(raw: string): Inspection {
  const value = normalizeIdentifier(raw);
  if (!ID_NUMBER_RE.test(value)) return { value, formatOk: false };
  const digits = value.slice(6, 14);
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return {
    value,
    formatOk: true,
    expectedCheck: idNumberCheckCharacter(value.slice(0, 17)),
    birthDate,
    birthDateOk: isValidDate(birthDate) && yearOf(birthDate) >= MIN_BIRTH_YEAR,
  };
}

function problemsOf(inspection: Inspection): IdentifierProblem[] {
  if (!inspection.formatOk) return ['BAD_FORMAT'];
  const problems: IdentifierProblem[] = [];
  if (inspection.birthDateOk === false) problems.push('BAD_BIRTH_DATE');
  if (inspection.value[17] !== inspection.expectedCheck) problems.push('BAD_CHECK_CHARACTER');
  return problems;
}

/** Problems with a unified social credit code (empty when valid). The value is trimmed and upper-cased first. */
export function checkCreditCode(value: string): IdentifierProblem[] {
  return problemsOf(inspectCreditCode(value));
}

/** Problems with an 18-digit citizen ID number (empty when valid). The value is trimmed and upper-cased first. */
export function checkIdNumber(value: string): IdentifierProblem[] {
  return problemsOf(inspectIdNumber(value));
}

const kinds = ['credit_code', 'id_number'] as const;

export const identifierInput = z.object({
  id: caseId,
  kind: z.enum(kinds, { message: '证件类型须为 credit_code 或 id_number' }),
  value: text,
});
export type IdentifierInput = z.infer<typeof identifierInput>;

export function evaluateIdentifier(input: IdentifierInput, _params: ParameterStore) {
  const isCreditCode = input.kind === 'credit_code';
  const basis = isCreditCode ? CREDIT_CODE_BASIS : ID_NUMBER_BASIS;
  const name = isCreditCode ? '统一社会信用代码' : '公民身份号码';
  const checks = new Checklist(basis);
  const found = isCreditCode ? inspectCreditCode(input.value) : inspectIdNumber(input.value);

  checks.check({
    step: 'format',
    value: found.value,
    reason: 'BAD_FORMAT',
    passed: found.formatOk,
    text: isCreditCode
      ? `${name}「${found.value}」须为18位，第1–2位及第9–18位取自31个代码字符（不含 I、O、S、V、Z），第3–8位为数字`
      : `${name}「${found.value}」须为18位，前17位为数字，末位为数字或 X`,
  });
  if (found.birthDate !== undefined) {
    checks.check({
      step: 'birthDate',
      value: found.birthDate,
      reason: 'BAD_BIRTH_DATE',
      passed: found.birthDateOk === true,
      text: `出生日期（第7–14位）${found.birthDate} 须为不早于${MIN_BIRTH_YEAR}年的真实日期`,
    });
  }
  if (found.expectedCheck !== undefined) {
    const actual = found.value[17];
    checks.check({
      step: 'checkCharacter',
      value: actual,
      threshold: found.expectedCheck,
      reason: 'BAD_CHECK_CHARACTER',
      passed: actual === found.expectedCheck,
      text: `校验码（第18位）为 ${actual}，按${isCreditCode ? '加权模31' : 'ISO 7064 MOD 11-2'}计算应为 ${found.expectedCheck}`,
    });
  }
  return checks.decide(input.id, RULE, 0, { kind: input.kind, value: found.value });
}

export const identifierRule: RuleDefinition<IdentifierInput> = {
  name: RULE,
  title: '统一社会信用代码与公民身份号码校验',
  article: `${CREDIT_CODE_BASIS}；${ID_NUMBER_BASIS}`,
  input: identifierInput,
  evaluate: evaluateIdentifier,
};
