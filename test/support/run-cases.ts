// Reads case files — our readable policy/cases/<rule>.yaml (expanded by ./case-expansion.ts) and the shared
// ../shared/policy/cases/<rule>.json — runs a rule's cases through the evaluation contract, one `it` per case, and
// compares the answers the way ../shared/tools/check-cases.mjs does: `expect` lists only the fields that must match,
// every listed reason must be present, and an eligible decision has no reasons. `error: { code, fields }` expects a
// per-case error: the same code, `fields` naming exactly these dotted paths (in any order), `field` the first of them.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { loadParameters } from '../../src/adapters/parameters/load-parameters.ts';
import type { RuleDefinition } from '../../src/policy/core/rule.ts';
import { evaluateBody, type CaseResult } from '../../src/services/evaluate.ts';
import { expandCaseFile, type DomainCase } from './case-expansion.ts';

export type { DomainCase };

export const POLICY_CASES_DIR = fileURLToPath(new URL('../../policy/cases/', import.meta.url));

export interface CaseFile {
  rule: string;
  path: string;
  cases: DomainCase[];
}

interface ExpectedError {
  code: string;
  fields?: string[];
}

interface ResultError {
  code: string;
  field?: string;
  fields?: string[];
}

interface Allocation {
  recipient: string;
  role: string;
  baseFen: number;
  amountFen: number;
}

const SPECIAL = ['status', 'statusIn', 'reasons', 'reasonsAny', 'allocations', 'error'];
const CASE_FILE = /\.(ya?ml|json)$/;

/** The cases of one file: YAML with a base and shorthands (expanded), or a plain JSON array of cases. */
export function readCases(path: string): DomainCase[] {
  const text = readFileSync(path, 'utf8');
  return extname(path) === '.json' ? (JSON.parse(text) as DomainCase[]) : expandCaseFile(parse(text), basename(path));
}

/** Every case file of a folder, by rule name. */
export function readCaseDir(dir: string): CaseFile[] {
  return readdirSync(dir)
    .filter((f) => CASE_FILE.test(f))
    .sort()
    .map((f) => ({ rule: f.replace(CASE_FILE, ''), path: join(dir, f), cases: readCases(join(dir, f)) }));
}

/** Our cases for one rule (policy/cases/<rule>.yaml). */
export function readCaseFile(ruleName: string): DomainCase[] {
  return readCases(join(POLICY_CASES_DIR, `${ruleName}.yaml`));
}

function errorMismatches(got: ResultError | undefined, wanted: ExpectedError): string[] {
  if (!got) return [`no error, expected ${wanted.code}`];
  const why: string[] = [];
  if (got.code !== wanted.code) why.push(`error code ${got.code}, expected ${wanted.code}`);
  if (wanted.fields) {
    const fields = got.fields ?? [];
    if (!isDeepStrictEqual([...fields].sort(), [...wanted.fields].sort()))
      why.push(`error fields ${JSON.stringify(fields)}, expected ${JSON.stringify(wanted.fields)}`);
    if (got.field !== fields[0])
      why.push(`error field ${JSON.stringify(got.field)} is not the first of fields ${JSON.stringify(fields)}`);
  }
  return why;
}

/** Every way `result` differs from `expected`; empty when the case passes. */
export function caseMismatches(result: CaseResult, expected: Record<string, unknown>): string[] {
  const d = result as Record<string, unknown> & { error?: ResultError; reasons?: string[]; allocations?: Allocation[] };
  const why: string[] = [];
  const reasons = d.reasons ?? [];
  if (expected.error) why.push(...errorMismatches(d.error, expected.error as ExpectedError));
  if (expected.statusIn) {
    const status = d.error ? 'error' : d.status;
    if (!(expected.statusIn as unknown[]).includes(status))
      why.push(`status ${String(status)}, expected one of ${String(expected.statusIn)}`);
  } else if (d.error) {
    if (!expected.error) why.push(`error ${JSON.stringify(d.error)}`);
  } else if (expected.status && d.status !== expected.status)
    why.push(`status ${String(d.status)}, expected ${String(expected.status)}`);
  const any = expected.reasonsAny as string[] | undefined;
  if (any && !any.some((r) => reasons.includes(r) || d.error?.code === r)) why.push(`none of ${any} among [${reasons}]`);
  for (const r of (expected.reasons as string[] | undefined) ?? [])
    if (!reasons.includes(r)) why.push(`missing reason ${r} (got [${reasons}])`);
  if (expected.status === 'eligible' && reasons.length) why.push(`eligible but has reasons [${reasons}]`);
  for (const [key, value] of Object.entries(expected)) {
    if (!SPECIAL.includes(key) && !isDeepStrictEqual(d[key], value))
      why.push(`${key} ${JSON.stringify(d[key])}, expected ${JSON.stringify(value)}`);
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

/** Defines one vitest `it` per case of policy/cases/<ruleName>.yaml, evaluated as the CLI and API would. */
export function runCaseFile(ruleName: string, rule: RuleDefinition): void {
  const params = loadParameters();
  for (const c of readCaseFile(ruleName)) {
    it(`${String(c.input.id)} ${c.name ?? ''}`.trim(), () => {
      const [result] = evaluateBody(rule, [c.input], params);
      expect(caseMismatches(result!, c.expect)).toEqual([]);
    });
  }
}
