import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  loadParameters as loadProjectParameters,
  projectParameters,
} from '../../../../src/adapters/parameters/load-parameters.ts';
import { declareParameters, shapes } from '../../../../src/policy/core/parameters.ts';
import { refundParameters } from '../../../../src/policy/refund/refund-parameters.ts';

/** The demo rule reads one ratio; files in a temporary folder are checked against this declaration. */
const demoParameters = declareParameters('demo', { ratioBp: z.union([shapes.bp, z.string(), z.number()]) });
const demoDeclarations = new Map([['demo', demoParameters]]);
const loadParameters = (dir?: string) =>
  dir === undefined ? loadProjectParameters() : loadProjectParameters(dir, demoDeclarations);

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
    expect(store.at(demoParameters, 'ratioBp', '2024-06-01')?.value).toBe(6000);
    expect(store.at(demoParameters, 'ratioBp', '2024-06-01')?.legalBasis).toBe('鲁人社发〔2024〕8号 第二条');
    expect(store.at(demoParameters, 'ratioBp', '2025-01-01')).toBeUndefined();
    expect(store.at(demoParameters, 'ratioBp', '2023-12-31')).toBeUndefined();
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
    expect(() => loadParameters(dirWith({ 'demo.yaml': valid.replace('value: 6000', 'value: 60000') }))).toThrow(
      /demo\.yaml ratioBp: 2024-01-01 起的取值 60000 不符合单位 bp/,
    );
    const months = valid.replace('unit: bp', 'unit: months').replace('value: 6000', 'value: 12.5');
    expect(() => loadParameters(dirWith({ 'demo.yaml': months }))).toThrow(/不符合单位 months/);
    const enumFile = valid
      .replace('unit: bp', 'unit: enum\n    allowed: [cumulative, consecutive]')
      .replace('value: 6000', 'value: sometimes');
    expect(() => loadParameters(dirWith({ 'demo.yaml': enumFile }))).toThrow(/不在可选值 cumulative、consecutive 中/);
    expect(() =>
      loadParameters(dirWith({ 'demo.yaml': valid.replace('unit: bp', 'unit: enum').replace('value: 6000', 'value: x') })),
    ).toThrow(/须列出可选值 allowed/);
  });
});

describe('typed parameters: each rule declares the shape of what it reads', () => {
  const declared = new Map([['demo', declareParameters('demo', { ratioBp: shapes.bp, mode: shapes.oneOf(['a', 'b']) })]]);
  const withMode = (mode: string) => `${valid}  mode:
    label: 方式
    unit: enum
    allowed: [a, b, c]
    values:
      - from: 2024-01-01
        to: null
        value: ${mode}
        legalBasis: 鲁人社发〔2024〕8号 第二条
`;

  it('loads a file that holds exactly the declared keys in their declared shapes', () => {
    expect(loadProjectParameters(dirWith({ 'demo.yaml': withMode('b') }), declared).rules()).toHaveLength(1);
  });

  it('fails at start-up naming file and key when a value has the wrong shape, a key is missing or undeclared, or a rule is undeclared', () => {
    expect(() => loadProjectParameters(dirWith({ 'demo.yaml': withMode('c') }), declared)).toThrow(
      /demo\.yaml mode: 2024-01-01 起的取值不符合规则声明的类型/,
    );
    expect(() => loadProjectParameters(dirWith({ 'demo.yaml': valid }), declared)).toThrow(
      /demo\.yaml mode: 规则声明了该参数，但文件中没有/,
    );
    expect(() => loadProjectParameters(dirWith({ 'demo.yaml': withMode('a').replace('  mode:', '  extra:') }), declared)).toThrow(
      /demo\.yaml extra: 规则未声明该参数/,
    );
    expect(() => loadProjectParameters(dirWith({ 'demo.yaml': valid }), new Map())).toThrow(
      /demo\.yaml: 规则 demo 未声明参数类型/,
    );
  });

  it('fails on a project table whose shape is wrong, e.g. a benefit tier without its months', () => {
    const projectDir = new URL('../../../../policy/parameters/', import.meta.url);
    const files = Object.fromEntries(
      readdirSync(projectDir).map((name) => [name, readFileSync(new URL(name, projectDir), 'utf8')]),
    );
    files['unemployment-benefit.yaml'] = files['unemployment-benefit.yaml']!.replace('benefitMonths: 18', 'benefitMonth: 18');
    expect(() => loadProjectParameters(dirWith(files))).toThrow(
      /unemployment-benefit\.yaml benefitMonthsTiers: 1999-01-22 起的取值不符合规则声明的类型/,
    );
  });

  it('returns typed values the rules read without casts', () => {
    const mode = projectParameters().at(refundParameters, 'layoffMethod', '2024-06-01');
    expect(['net_decrease', 'benefit_claimants', 'either']).toContain(mode?.value);
  });
});
