// The evaluation contract end to end: every example case (the shared JSON examples and our own policy/cases/*.yaml,
// expanded from their base) through the real `wengang evaluate` command and through POST /api/v1/evaluate/<rule>,
// plus the contract's error behaviour.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../src/server/app.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { rules } from '../../../src/policy/index.ts';
import { caseMismatches, POLICY_CASES_DIR, readCaseDir } from '../../support/run-cases.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sharedCases = join(root, '../shared/policy/cases');
const caseDirs = [POLICY_CASES_DIR, sharedCases].filter((dir) => {
  if (existsSync(dir)) return true;
  if (process.env.CI === 'true') throw new Error(`CI 环境缺少案例目录 ${dir}`);
  console.warn(`跳过：找不到案例目录 ${dir}`);
  return false;
});
const tmp = mkdtempSync(join(tmpdir(), 'contract-'));

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(root, 'bin/wengang.mjs'), ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ params: loadParameters() });
});
afterAll(async () => app.close());

for (const dir of caseDirs) {
  for (const { rule, path, cases } of readCaseDir(dir)) {
    describe(`${rule} cases from ${basename(join(dir, '../..'))}/${basename(path)}`, () => {
      it('is a rule the contract knows', () => expect([...rules.keys()]).toContain(rule));

      it(`all ${cases.length} cases pass through the CLI`, () => {
        const input = join(tmp, `${rule}-${cases.length}.json`);
        writeFileSync(input, JSON.stringify(cases.map((c) => c.input)));
        const out = JSON.parse(
          execFileSync(process.execPath, [join(root, 'bin/wengang.mjs'), 'evaluate', rule, '--file', input], {
            encoding: 'utf8',
            maxBuffer: 1 << 28,
          }),
        );
        expect(out).toHaveLength(cases.length);
        const failures = cases.flatMap((c, i) => caseMismatches(out[i], c.expect).map((why) => `${String(c.input.id)}: ${why}`));
        expect(failures).toEqual([]);
      });

      it(`all ${cases.length} cases pass through HTTP`, async () => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/v1/evaluate/${rule}`,
          payload: cases.map((c) => c.input),
        });
        expect(response.statusCode).toBe(200);
        const out = response.json();
        const failures = cases.flatMap((c, i) => caseMismatches(out[i], c.expect).map((why) => `${String(c.input.id)}: ${why}`));
        expect(failures).toEqual([]);
      });
    });
  }
}

describe('contract errors', () => {
  it('refuses text that is not JSON with exit 2 and a Chinese and English message', () => {
    const result = cli(['evaluate', 'contribution'], '{ not json');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/输入不是有效的 JSON/);
    expect(result.stderr).toMatch(/not valid JSON/);
    expect(result.stdout).toBe('');
  });

  it('refuses JSON that is neither an object nor an array', () => {
    const result = cli(['evaluate', 'contribution'], '42');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/案例对象或案例数组/);
  });

  it('names an unknown rule and lists the known ones', () => {
    const result = cli(['evaluate', 'no-such-rule'], '{}');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/未知规则：no-such-rule/);
    expect(result.stderr).toMatch(/job-retention-refund/);
  });

  it('answers a bad case with INVALID_INPUT naming the field and still decides the others, in order', () => {
    const body = [
      { id: 'ok-1', period: '2024-07', wageBaseFen: 600000 },
      { id: 'bad', period: '2024-07', wageBaseFen: 12.5 },
      { id: 'missing', period: '2024-07' },
      { id: 'ok-2', period: '2025-03', wageBaseFen: 100, extra: 'ignored' },
    ];
    const result = cli(['evaluate', 'contribution'], JSON.stringify(body));
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.map((d: { id: string }) => d.id)).toEqual(['ok-1', 'bad', 'missing', 'ok-2']);
    expect(out[0].totalFen).toBe(6000);
    expect(out[1].error).toMatchObject({ code: 'INVALID_INPUT', field: 'wageBaseFen' });
    expect(out[1].error.message).toMatch(/整数/);
    expect(out[2].error).toMatchObject({ code: 'INVALID_INPUT', field: 'wageBaseFen' });
    expect(out[2].error.message).toMatch(/缺少必填字段/);
    expect(out[3].status).toBe('eligible');
    expect(out[3].totalFen).toBe(1);
  });

  it('names nested fields with a dotted path', () => {
    const result = cli(
      ['evaluate', 'job-retention-refund'],
      JSON.stringify({
        id: 'n',
        asOf: '2024-08-15',
        unit: { creditCode: 'x', orgType: 'company' },
        months: [],
        payments: [],
        headcount: { start: 1, end: 1, retiredOrDied: 0 },
      }),
    );
    expect(JSON.parse(result.stdout)[0].error).toMatchObject({ code: 'INVALID_INPUT', field: 'unit.orgType' });
  });

  it('over HTTP: bad JSON is a 400 with a message, a single object gives a one-element array', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluate/contribution',
      payload: '{ nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/不是有效的 JSON/);
    const scalar = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluate/contribution',
      payload: '7',
      headers: { 'content-type': 'application/json' },
    });
    expect(scalar.statusCode).toBe(400);
    const one = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluate/contribution',
      payload: { id: 1, period: '2024-07', wageBaseFen: 600000 },
    });
    expect(one.json()).toHaveLength(1);
    expect(one.json()[0]).toMatchObject({ id: 1, rule: 'contribution', status: 'eligible', amountFen: 6000 });
  });

  it('documents every rule in the OpenAPI description', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    for (const name of rules.keys()) expect(Object.keys(spec.paths)).toContain(`/api/v1/evaluate/${name}`);
  });
});
