// Column parsers shared by several import kinds: identifiers with check characters, region codes, phone numbers,
// bank accounts and amounts in 万元. Each returns a Chinese message that says what the cell should look like.
import { amountYuan, checkedCode, type FieldParser } from '../../../adapters/files/column-spec.ts';
import {
  checkCreditCode,
  checkIdNumber,
  creditCodeCheckCharacter,
  idNumberCheckCharacter,
  IDENTIFIER_PROBLEM_TEXT,
} from '../../../policy/identifier.ts';

/** Template examples: well-formed, with correct check characters, and clearly made up. */
export const EXAMPLE_CREDIT_CODE = withCheck('91371002MA3C00000', creditCodeCheckCharacter);
export const EXAMPLE_USER_UNIT_CREDIT_CODE = withCheck('12371000MB0000000', creditCodeCheckCharacter);
export const EXAMPLE_ID_NUMBER = withCheck('37100219900101001', idNumberCheckCharacter);
export const EXAMPLE_REGION = '371002';

function withCheck(first17: string, check: (first17: string) => string): string {
  return first17 + check(first17);
}

export function creditCode(): FieldParser<string> {
  return checkedCode({
    check: checkCreditCode,
    hint: '18 位统一社会信用代码',
    messages: {
      BAD_FORMAT: `统一社会信用代码${IDENTIFIER_PROBLEM_TEXT.BAD_FORMAT}：须为 18 位，由数字和大写字母组成（不含 I、O、S、V、Z）`,
      BAD_CHECK_CHARACTER: `统一社会信用代码${IDENTIFIER_PROBLEM_TEXT.BAD_CHECK_CHARACTER}：第 18 位与按 GB 32100-2015 计算的结果不符，请核对是否抄错`,
    },
  });
}

export function idNumber(): FieldParser<string> {
  return checkedCode({
    check: checkIdNumber,
    hint: '18 位公民身份号码，末位可为 X',
    messages: {
      BAD_FORMAT: `公民身份号码${IDENTIFIER_PROBLEM_TEXT.BAD_FORMAT}：须为 18 位，前 17 位为数字，末位为数字或 X`,
      BAD_BIRTH_DATE: `公民身份号码${IDENTIFIER_PROBLEM_TEXT.BAD_BIRTH_DATE}：第 7–14 位不是有效的出生日期`,
      BAD_CHECK_CHARACTER: `公民身份号码${IDENTIFIER_PROBLEM_TEXT.BAD_CHECK_CHARACTER}：第 18 位与按 GB 11643-1999 计算的结果不符，请核对是否抄错`,
    },
  });
}

/** A value matched against a pattern after spaces and dashes typed for readability are removed. */
function pattern(options: { re: RegExp; hint: string; error: string; keepDashes?: boolean }): FieldParser<string> {
  return {
    hint: options.hint,
    parse(raw) {
      const value = raw.replace(options.keepDashes ? /\s+/g : /[\s-]+/g, '');
      return options.re.test(value) ? { value } : { error: options.error };
    },
  };
}

export function regionCode(): FieldParser<string> {
  return pattern({ re: /^\d{6}$/, hint: '6 位行政区划代码，如 371002（环翠区）', error: '区划代码须为 6 位数字，如 371002' });
}

export function mobilePhone(): FieldParser<string> {
  return pattern({ re: /^1[3-9]\d{9}$/, hint: '11 位手机号码', error: '手机号码须为以 1 开头的 11 位数字' });
}

/** A mobile number, or a landline with its area code (0631-5201234). */
export function contactPhone(): FieldParser<string> {
  return pattern({
    re: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
    keepDashes: true,
    hint: '11 位手机号码，或带区号的固定电话（如 0631-5201234）',
    error: '联系电话须为 11 位手机号码或带区号的固定电话（如 0631-5201234）',
  });
}

export function accountNumber(what: string): FieldParser<string> {
  return pattern({ re: /^\d{8,32}$/, hint: `${what}，8 至 32 位数字`, error: `${what}须为 8 至 32 位数字（可含空格）` });
}

/** 万元 with at most two decimals → the exact decimal text the numeric(16, 2) columns take. */
export function amountWan(): FieldParser<string> {
  const yuan = amountYuan();
  return {
    hint: '金额，单位万元，最多两位小数，如 1,234.56',
    parse(raw) {
      const result = yuan.parse(raw);
      if ('error' in result) return { error: result.error.replace('以元为单位', '以万元为单位').replace('（精确到分）', '') };
      if (result.value >= 1e16) return { error: '金额超出可处理的范围' };
      return { value: `${Math.trunc(result.value / 100)}.${String(result.value % 100).padStart(2, '0')}` };
    },
  };
}
