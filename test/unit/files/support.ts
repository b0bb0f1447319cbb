// Shared fixtures for the file-layer tests: a temp folder, a sample import spec, and a GBK encoder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { EnterpriseSize } from '../../../src/policy/core/input-fields.ts';
import {
  amountYuan,
  checkedCode,
  date,
  defineImportSpec,
  enterpriseSize,
  integer,
  period,
  text,
  yesNo,
} from '../../../src/adapters/files/column-spec.ts';

/** A fresh temp folder per test file, removed afterwards; returns a path maker. */
export function tempFiles(): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'wengang-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name) => join(dir, name);
}

export interface SampleRow {
  creditCode: string;
  name: string;
  size: EnterpriseSize | null;
  paidFen: number;
  insuredOn: string;
  period: string;
  dispatch: boolean | null;
  headcount: number;
}

/** Stand-in for src/policy/identifier.ts: 18 characters, ending in a digit or X. */
export function toyCreditCheck(value: string): string[] {
  const problems: string[] = [];
  if (value.length !== 18) problems.push('LENGTH');
  if (!/[0-9X]$/.test(value)) problems.push('CHECK_CHAR');
  return problems;
}

export const sampleSpec = defineImportSpec<SampleRow>({
  kind: 'sample-units',
  title: '参保单位',
  columns: {
    creditCode: {
      header: '统一社会信用代码',
      required: true,
      example: '91370100MA3C00000X',
      ...checkedCode({
        check: toyCreditCheck,
        messages: { LENGTH: '须为 18 位', CHECK_CHAR: '校验码不正确' },
        hint: '18 位统一社会信用代码',
      }),
    },
    name: { header: '单位名称', required: true, example: '济南示例有限公司', ...text({ maxLength: 20 }) },
    size: { header: '企业规模', required: false, example: '小型', ...enterpriseSize() },
    paidFen: { header: '实缴金额（元）', required: true, example: '1,234.56', ...amountYuan() },
    insuredOn: { header: '参保日期', required: true, example: '2024-08-15', ...date() },
    period: { header: '所属期', required: true, example: '2024-08', ...period() },
    dispatch: { header: '是否劳务派遣', required: false, example: '否', ...yesNo(), note: '劳务派遣单位须另行申请' },
    headcount: { header: '参保人数', required: true, example: '25', ...integer() },
  },
});

export const sampleHeaders = sampleSpec.columns.map((column) => column.header);

let gbkTable: Map<string, number[]> | undefined;

/**
 * Node has no GBK encoder: this one inverts Node's GBK decoder over every two-byte code, which is enough for
 * the Chinese text in these fixtures. (The result for 中文 is checked against the published codes D6D0 CEC4.)
 */
export function encodeGbk(value: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}
