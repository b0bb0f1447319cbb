import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../../../src/adapters/parameters/load-parameters.ts';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'params-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const valid = `rule: demo
title: 示例
parameters:
  ratioBp:
    label: 比例
    unit: bp
    values:
      - from: 2024-01-01
        to: 2024-12-31
        value: 6000
        legalBasis: 鲁人社发〔2024〕8号 第二条
`;

describe('parameter files', () => {
  it('every project parameter file loads and every value cites its legal basis', () => {
    const store = loadParameters();
    expect(store.rules().length).toBeGreaterThan(0);
    for (const file of store.rules()) {
      for (const [key, def] of Object.entries(file.parameters)) {
        for (const v of def.values) expect(v.legalBasis, `${file.rule}.${key}`).toMatch(/号|条例|法|标准|办法|GB/);
      }
    }
  });

  it('looks values up by date and has none outside their dates', () => {
    const store = loadParameters(dirWith({ 'demo.yaml': valid }));
    expect(store.at('demo', 'ratioBp', '2024-06-01')?.value).toBe(6000);
    expect(store.at('demo', 'ratioBp', '2024-06-01')?.legalBasis).toBe('鲁人社发〔2024〕8号 第二条');
    expect(store.at('demo', 'ratioBp', '2025-01-01')).toBeUndefined();
    expect(store.at('demo', 'ratioBp', '2023-12-31')).toBeUndefined();
  });

  it('rejects a value without a legal basis, naming file and key', () => {
    const dir = dirWith({ 'demo.yaml': valid.replace(/ +legalBasis: .*\n/, '') });
    expect(() => loadParameters(dir)).toThrow(/demo\.yaml parameters\.ratioBp\.values\.0\.legalBasis/);
  });

  it('rejects overlapping dates, naming file and key', () => {
    const overlapping = `${valid}      - from: 2024-12-01
        to: null
        value: 3000
        legalBasis: 鲁人社发〔2024〕8号 第二条
`;
    expect(() => loadParameters(dirWith({ 'demo.yaml': overlapping }))).toThrow(/demo\.yaml ratioBp: .*重叠/);
  });

  it('rejects malformed dates and files whose rule does not match their name', () => {
    expect(() => loadParameters(dirWith({ 'demo.yaml': valid.replace('2024-12-31', '2024-02-30') }))).toThrow(/demo\.yaml .*to/);
    expect(() => loadParameters(dirWith({ 'other.yaml': valid }))).toThrow(/other\.yaml: rule 字段 demo 与文件名不一致/);
    expect(() => loadParameters(dirWith({ 'demo.yaml': 'rule: [' }))).toThrow(/demo\.yaml: YAML 无法解析/);
  });
});

describe('parameter values fit their unit', () => {
  it('rejects a ratio over 100%, a fractional month count and an enum value outside its list', () => {
    expect(() => loadParameters(dirWith({ 'demo.yaml': valid.replace('value: 6000', 'value: 60000') }))).toThrow(/demo\.yaml ratioBp: 2024-01-01 起的取值 60000 不符合单位 bp/);
    const months = valid.replace('unit: bp', 'unit: months').replace('value: 6000', 'value: 12.5');
    expect(() => loadParameters(dirWith({ 'demo.yaml': months }))).toThrow(/不符合单位 months/);
    const enumFile = valid.replace('unit: bp', 'unit: enum\n    allowed: [cumulative, consecutive]').replace('value: 6000', 'value: sometimes');
    expect(() => loadParameters(dirWith({ 'demo.yaml': enumFile }))).toThrow(/不在可选值 cumulative、consecutive 中/);
    expect(() => loadParameters(dirWith({ 'demo.yaml': valid.replace('unit: bp', 'unit: enum').replace('value: 6000', 'value: x') }))).toThrow(/须列出可选值 allowed/);
  });
});
