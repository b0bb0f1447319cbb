// The evaluation contract: one case or an array of cases in, one decision (or a per-case error) out, in order.
import type { Decision } from '../policy/core/decision.ts';
import type { ParameterStore } from '../policy/core/parameters.ts';
import type { RuleDefinition } from '../policy/core/rule.ts';

export interface CaseError {
  id: unknown;
  /** `field` is the first of `fields`, every failing dotted path (contract v2). */
  error: { code: 'INVALID_INPUT'; field: string; fields: string[]; message: string };
}

export type CaseResult = (Decision & { policyVersion: string }) | CaseError;

/** The body is neither an object nor an array: the whole call is refused (CLI exit 2, HTTP 400). */
export class ContractError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function evaluateOne(rule: RuleDefinition, raw: unknown, params: ParameterStore): CaseResult {
  const id = isPlainObject(raw) ? raw.id : undefined;
  if (!isPlainObject(raw)) {
    return { id, error: { code: 'INVALID_INPUT', field: '', fields: [''], message: '每个案例须为 JSON 对象' } };
  }
  const parsed = rule.input.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
    const fields = [...new Set(problems.map((p) => p.field))];
    const message = problems.map((p) => `${p.field || '输入'}：${p.message}`).join('；');
    return { id, error: { code: 'INVALID_INPUT', field: fields[0]!, fields, message } };
  }
  return { ...rule.evaluate(parsed.data, params), policyVersion: params.version };
}

export function evaluateBody(rule: RuleDefinition, body: unknown, params: ParameterStore): CaseResult[] {
  if (Array.isArray(body)) return body.map((raw) => evaluateOne(rule, raw, params));
  if (isPlainObject(body)) return [evaluateOne(rule, body, params)];
  throw new ContractError('输入须为一个案例对象或案例数组', 'input must be a case object or an array of cases');
}

/** Parses JSON text for the contract; text that is not JSON is refused as a whole. */
export function parseContractJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContractError(`输入不是有效的 JSON：${(error as Error).message}`, 'input is not valid JSON');
  }
}
