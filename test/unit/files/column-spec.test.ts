import { describe, it, expect } from 'vitest';
import {
  amountYuan,
  checkedCode,
  date,
  defineImportSpec,
  enterpriseSize,
  enumOf,
  integer,
  period,
  text,
  yesNo,
} from '../../../src/adapters/files/column-spec.ts';
import { sampleSpec } from './support.ts';

const valueOf = <V>(result: { value: V } | { error: string }) => ('value' in result ? result.value : result.error);

describe('amountYuan', () => {
  const amount = amountYuan();

  it('reads yuan with separators and one or two decimals as exact fen', () => {
    expect(amount.parse('1,234.56')).toEqual({ value: 123456 });
    expect(amount.parse('1234.5')).toEqual({ value: 123450 });
    expect(amount.parse('12')).toEqual({ value: 1200 });
    expect(amount.parse('1,234,567,890.12')).toEqual({ value: 123456789012 });
  });

  it('is exact where floating point is not (0.1 + 0.2, 4.35, 0.07)', () => {
    // In floating point 0.1 + 0.2 is 0.30000000000000004, 4.35 × 100 is 434.99999999999994, 0.07 × 100 is 7.000000000000001
    expect(amount.parse('0.3')).toEqual({ value: 30 });
    expect(amount.parse('4.35')).toEqual({ value: 435 });
    expect(amount.parse('0.07')).toEqual({ value: 7 });
    expect(amount.parse('9007199254740.99')).toEqual({ value: 900719925474099 });
  });

  it('rejects more than two decimals unless they are zeros, and says so in Chinese', () => {
    expect(amount.parse('0.30000000000000004')).toEqual({ error: '金额最多两位小数（精确到分）' });
    expect(amount.parse('1.005')).toEqual({ error: '金额最多两位小数（精确到分）' });
    expect(amount.parse('12.300')).toEqual({ value: 1230 });
  });

  it('rejects malformed numbers, negatives (unless allowed) and amounts beyond the safe range', () => {
    for (const bad of ['1,23.00', '12,34', '1.2E+3', '¥12', '12元', '1.', '.5', 'abc']) {
      expect(valueOf(amount.parse(bad)), bad).toMatch(/金额格式不正确/);
    }
    expect(amount.parse('-5.00')).toEqual({ error: '金额不能为负数' });
    expect(amountYuan({ allowNegative: true }).parse('-1,234.5')).toEqual({ value: -123450 });
    expect(amount.parse('90071992547409.92')).toEqual({ error: '金额超出可处理的范围' });
  });

  it('accepts full-width digits typed with a Chinese input method', () => {
    expect(amount.parse('１，２３４．５６')).toEqual({ value: 123456 });
  });
});

describe('integer', () => {
  it('accepts whole numbers with separators and rejects fractions and values out of range', () => {
    const headcount = integer();
    expect(headcount.parse('1,200')).toEqual({ value: 1200 });
    expect(headcount.parse('25.00')).toEqual({ value: 25 });
    expect(headcount.parse('2.5')).toEqual({ error: '须为整数' });
    expect(headcount.parse('-1')).toEqual({ error: '须不小于 0' });
    expect(integer({ min: 1, max: 12 }).parse('13')).toEqual({ error: '须在 1 至 12 之间' });
  });
});

describe('text', () => {
  it('counts Chinese characters, not bytes', () => {
    const name = text({ maxLength: 4 });
    expect(name.parse('济南示例')).toEqual({ value: '济南示例' });
    expect(name.parse('济南示例公司')).toEqual({ error: '长度不能超过 4 个字（当前 6 个）' });
  });
});

describe('date', () => {
  const parse = date().parse;

  it('accepts the ways people and Excel write a date and returns ISO', () => {
    for (const raw of [
      '2024-08-15',
      '2024/8/15',
      '2024.8.15',
      '2024年8月15日',
      '2024 年 8 月 15 日',
      '20240815',
      '2024/8/15 0:00',
      '2024-08-15 00:00:00',
      '２０２４－０８－１５',
    ]) {
      expect(parse(raw), raw).toEqual({ value: '2024-08-15' });
    }
  });

  it('rejects dates that do not exist and unknown formats', () => {
    expect(parse('2023-02-29')).toEqual({ error: '日期不存在：2023-02-29' });
    expect(parse('2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(valueOf(parse('15/08/2024'))).toMatch(/日期格式不正确/);
    expect(valueOf(parse('2024-08-15 10:30'))).toMatch(/日期格式不正确/);
  });
});

describe('period', () => {
  const parse = period().parse;

  it('accepts 2024-08, 2024/8, 202408, 2024年8月 and an Excel month cell (first of the month)', () => {
    for (const raw of ['2024-08', '2024/8', '202408', '2024年8月', '2024-08-01'])
      expect(parse(raw), raw).toEqual({ value: '2024-08' });
  });

  it('rejects month 13 and a full date that is not the first', () => {
    expect(parse('2024-13')).toEqual({ error: '月份须在 1 至 12 之间：2024-13' });
    expect(valueOf(parse('2024-08-15'))).toMatch(/年月格式不正确/);
  });
});

describe('enums', () => {
  it('maps Chinese labels to codes and lists the allowed labels when wrong', () => {
    expect(yesNo().parse('是')).toEqual({ value: true });
    expect(yesNo().parse('否')).toEqual({ value: false });
    expect(yesNo().parse('Y')).toEqual({ error: '须为以下之一：是、否' });
    expect(enterpriseSize().parse('微型')).toEqual({ value: 'micro' });
    expect(enterpriseSize().parse('特大型')).toEqual({ error: '须为以下之一：大型、中型、小型、微型' });
    expect(enumOf({ 男: 'M', 女: 'F' }).parse('toString')).toEqual({ error: '须为以下之一：男、女' });
  });
});

describe('checkedCode', () => {
  const check = (value: string) => (value.endsWith('X') || /\d$/.test(value) ? [] : ['CHECK_CHAR', 'OTHER']);
  const code = checkedCode({ check, messages: { CHECK_CHAR: '校验码不正确' }, hint: '编码' });

  it('normalises spaces, case and full width before checking', () => {
    expect(code.parse('3701 0219 9001 0112 3x')).toEqual({ value: '37010219900101123X' });
    expect(code.parse('３７０１')).toEqual({ value: '3701' });
  });

  it('turns every problem code into a Chinese message, unknown codes shown as is', () => {
    expect(code.parse('abc')).toEqual({ error: '校验码不正确；不符合编码规则（OTHER）' });
  });
});

describe('defineImportSpec', () => {
  it('keeps the columns in the order written, each with its key', () => {
    expect(sampleSpec.columns.map((c) => [c.key, c.header])).toEqual([
      ['creditCode', '统一社会信用代码'],
      ['name', '单位名称'],
      ['size', '企业规模'],
      ['paidFen', '实缴金额（元）'],
      ['insuredOn', '参保日期'],
      ['period', '所属期'],
      ['dispatch', '是否劳务派遣'],
      ['headcount', '参保人数'],
    ]);
  });

  it('refuses duplicate headers and examples that fail their own parser', () => {
    expect(() =>
      defineImportSpec<{ a: string; b: string }>({
        kind: 'x',
        title: 'x',
        columns: {
          a: { header: '名称', required: true, example: 'a', ...text({ maxLength: 5 }) },
          b: { header: ' 名称 ', required: true, example: 'b', ...text({ maxLength: 5 }) },
        },
      }),
    ).toThrow(/duplicate header/);
    expect(() =>
      defineImportSpec<{ a: number }>({
        kind: 'x',
        title: 'x',
        columns: { a: { header: '金额', required: true, example: '1.234', ...amountYuan() } },
      }),
    ).toThrow(/does not parse/);
  });
});
