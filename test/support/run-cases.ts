// Runs a rule's domain cases (policy/cases/<rule>.json) through the evaluation contract, one `it` per case, and
// compares the answers the way ../shared/tools/check-cases.mjs does: `expect` lists only the fields that must match,
// every listed reason must be present, and an eligible decision has no reasons.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { expect, it } from 'vitest';
import { loadParameters } from '../../src/adapters/parameters/load-parameters.ts';
import type { RuleDefinition } from '../../src/policy/core/rule.ts';
import { evaluateBody, type CaseResult } from '../../src/services/evaluate.ts';

export interface DomainCase {
  name?: string;
  input: Record<string, unknown>;
  expect: Record<string, unknown>;
}

interface Allocation {
  recipient: string;
  role: string;
  baseFen: number;
  amountFen: number;
}

const SPECIAL = ['status', 'statusIn', 'reasons', 'reasonsAny', 'allocations'];

export function readCaseFile(ruleName: string): DomainCase[] {
  return JSON.parse(readFileSync(new URL(`../../policy/cases/${ruleName}.json`, import.meta.url), 'utf8')) as DomainCase[];
}

/** Every way `result` differs from `expected`; empty when the case passes. */
export function caseMismatches(result: CaseResult, expected: Record<string, unknown>): string[] {
  const d = result as Record<string, unknown> & { error?: { code: string }; reasons?: string[]; allocations?: Allocation[] };
  const why: string[] = [];
  const reasons = d.reasons ?? [];
  if (expected.statusIn) {
    const status = d.error ? 'error' : d.status;
    if (!(expected.statusIn as unknown[]).includes(status)) why.push(`status ${String(status)}, expected one of ${String(expected.statusIn)}`);
  } else if (d.error) why.push(`error ${JSON.stringify(d.error)}`);
  else if (expected.status && d.status !== expected.status) why.push(`status ${String(d.status)}, expected ${String(expected.status)}`);
  const any = expected.reasonsAny as string[] | undefined;
  if (any && !any.some((r) => reasons.includes(r) || d.error?.code === r)) why.push(`none of ${any} among [${reasons}]`);
  for (const r of (expected.reasons as string[] | undefined) ?? []) if (!reasons.includes(r)) why.push(`missing reason ${r} (got [${reasons}])`);
  if (expected.status === 'eligible' && reasons.length) why.push(`eligible but has reasons [${reasons}]`);
  for (const [key, value] of Object.entries(expected)) {
    if (!SPECIAL.includes(key) && !isDeepStrictEqual(d[key], value)) why.push(`${key} ${JSON.stringify(d[key])}, expected ${JSON.stringify(value)}`);
  }
  const wanted = expected.allocations as Allocation[] | undefined;
  if (wanted) {
    const got = d.allocations ?? [];
    const byRecipient = new Map(got.map((a) => [a.recipient, a]));
    if (got.length !== wanted.length) why.push(`${got.length} allocations, expected ${wanted.length}`);
    for (const a of wanted) {
      const g = byRecipient.get(a.recipient);
      if (!g || g.role !== a.role || g.baseFen !== a.baseFen || g.amountFen !== a.amountFen) {
        why.push(`allocation ${a.recipient}: ${JSON.stringify(g)}, expected ${JSON.stringify(a)}`);
      }
    }
  }
  return why;
}

/** Defines one vitest `it` per case of policy/cases/<ruleName>.json, evaluated as the CLI and API would. */
export function runCaseFile(ruleName: string, rule: RuleDefinition): void {
  const params = loadParameters();
  for (const c of readCaseFile(ruleName)) {
    it(`${String(c.input.id)} ${c.name ?? ''}`.trim(), () => {
      const [result] = evaluateBody(rule, [c.input], params);
      expect(caseMismatches(result!, c.expect)).toEqual([]);
    });
  }
}
