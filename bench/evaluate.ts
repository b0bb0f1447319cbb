// Benchmark: 100,000 cases of each rule through the evaluation contract, in process, through the CLI and over HTTP.
// Prints a table and writes bench/results/evaluate.json. Run: npm run bench:evaluate
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rules } from '../src/policy/index.ts';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { evaluateBody } from '../src/services/evaluate.ts';
import { buildServer } from '../src/server/app.ts';
import { sampleCase } from './sample-cases.ts';

const COUNT = Number(process.env.BENCH_CASES ?? 100_000);
const params = projectParameters();
const results: Array<Record<string, unknown>> = [];
const tmp = mkdtempSync(join(tmpdir(), 'bench-evaluate-'));
const app = await buildServer({ params, openEvaluateBatches: true });

for (const rule of rules.values()) {
  const file = join(tmp, `${rule.name}.json`);
  let body = JSON.stringify(Array.from({ length: COUNT }, (_, i) => sampleCase(rule.name, i)));
  writeFileSync(file, body);

  // In process: parse and decide, as the CLI and the API do after reading the body.
  let t = performance.now();
  let decisions = evaluateBody(rule, JSON.parse(body), params);
  const inProcessMs = performance.now() - t;
  const eligible = decisions.filter((d) => 'status' in d && d.status === 'eligible').length;
  // eslint-disable-next-line no-useless-assignment -- frees the decisions before the next measurement
  decisions = [];

  t = performance.now();
  execFileSync(process.execPath, ['--max-old-space-size=8192', 'bin/wengang.mjs', 'evaluate', rule.name, '--file', file], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cliMs = performance.now() - t;

  t = performance.now();
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/evaluate/${rule.name}`,
    payload: body,
    headers: { 'content-type': 'application/json' },
  });
  const httpMs = performance.now() - t;
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode} for ${rule.name}`);

  const inputMiB = +(body.length / 2 ** 20).toFixed(1);
  // eslint-disable-next-line no-useless-assignment -- frees the body before the next measurement
  body = '';
  results.push({
    rule: rule.name,
    cases: COUNT,
    inputMiB,
    eligible,
    inProcessMs: Math.round(inProcessMs),
    casesPerSecond: Math.round(COUNT / (inProcessMs / 1000)),
    cliMs: Math.round(cliMs),
    httpMs: Math.round(httpMs),
  });
}
await app.close();

console.table(results);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/evaluate.json',
  `${JSON.stringify({ node: process.version, measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
);
