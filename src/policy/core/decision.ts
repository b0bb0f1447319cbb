// Decisions and their traces: the checklist every rule fills in, condition by condition.
import type { Fen } from './money.ts';
import type {
  ParameterDeclaration,
  ParameterInForce,
  ParameterKey,
  ParameterShapes,
  ParameterStore,
  ParameterValue,
} from './parameters.ts';
import type { IsoDate } from './dates.ts';

export type Status = 'eligible' | 'ineligible' | 'needs_review';

/** One line of a trace: a condition (with pass/fail) or a value used, always citing its legal basis. */
export interface TraceStep {
  step: string;
  value: unknown;
  threshold?: unknown;
  /** true / false for a condition; null when the data to decide it is missing; absent for a value used. */
  passed?: boolean | null;
  parameter?: string;
  legalBasis: string;
  /** The step in a sentence for people, e.g. 足额缴费月数 19 ≥ 12，符合. */
  text: string;
}

/** A decision without its trace: what a bulk run stores and a what-if run compares. */
export interface Outcome {
  id: unknown;
  rule: string;
  status: Status;
  amountFen: Fen;
  reasons: string[];
  [field: string]: unknown;
}

export interface Decision extends Outcome {
  trace: TraceStep[];
}

/** A trace sentence, or a function that writes it: only a traced checklist calls it. */
export type TraceText = string | (() => string);

const textOf = (text: TraceText) => (typeof text === 'function' ? text() : text);

/** How a reason affects the status: a failure makes the case ineligible, a review item only asks a person to look. */
type ReasonKind = 'fail' | 'review';

interface ConditionSpec {
  step: string;
  value: unknown;
  threshold?: unknown;
  parameter?: ParameterInForce<unknown>;
  legalBasis?: string;
  reason: string;
  /** Sentence for people; 符合 / 不符合 is appended. */
  text: TraceText;
}

/**
 * The conditions of one case. A traced checklist writes every step with its sentence; an untraced one (bulk runs)
 * keeps only the reasons, so the status, the amount and the figures come out the same without a trace to build.
 */
export class Checklist {
  readonly trace: TraceStep[] = [];
  private readonly reasonKinds = new Map<string, ReasonKind>();
  private failed = false;

  constructor(
    private readonly defaultBasis: string,
    readonly traced = true,
  ) {}

  /** Records a condition; a failed one adds its reason. Returns whether it passed. */
  check(spec: ConditionSpec & { passed: boolean }): boolean {
    if (!spec.passed) this.addReason(spec.reason, 'fail');
    if (!this.traced) return spec.passed;
    this.trace.push({
      step: spec.step,
      value: spec.value,
      ...(spec.threshold !== undefined && { threshold: spec.threshold }),
      passed: spec.passed,
      ...(spec.parameter && { parameter: `${spec.parameter.rule}.${spec.parameter.key}` }),
      legalBasis: spec.legalBasis ?? spec.parameter?.legalBasis ?? this.defaultBasis,
      text: `${textOf(spec.text)}，${spec.passed ? '符合' : '不符合'}`,
    });
    return spec.passed;
  }

  /** Records a condition that cannot be decided because data is missing: the case goes to a person. */
  unknown(spec: Omit<ConditionSpec, 'value' | 'threshold'> & { missing: string }): void {
    this.addReason(spec.reason, 'review');
    if (!this.traced) return;
    this.trace.push({
      step: spec.step,
      value: null,
      passed: null,
      ...(spec.parameter && { parameter: `${spec.parameter.rule}.${spec.parameter.key}` }),
      legalBasis: spec.legalBasis ?? spec.parameter?.legalBasis ?? this.defaultBasis,
      text: `${textOf(spec.text)}：缺少${spec.missing}，需人工复核`,
    });
  }

  /** Records a reason that asks for a person's review without failing the case (e.g. a unit that must apply). */
  review(spec: { step: string; value: unknown; reason: string; legalBasis?: string; text: TraceText }): void {
    this.addReason(spec.reason, 'review');
    if (!this.traced) return;
    this.trace.push({
      step: spec.step,
      value: spec.value,
      passed: false,
      legalBasis: spec.legalBasis ?? this.defaultBasis,
      text: textOf(spec.text),
    });
  }

  /** Records a value that was used or computed (a parameter, a base, an amount). */
  note(spec: {
    step: string;
    value: unknown;
    parameter?: ParameterInForce<unknown>;
    legalBasis?: string;
    text: TraceText;
  }): void {
    if (!this.traced) return;
    this.trace.push({
      step: spec.step,
      value: spec.value,
      ...(spec.parameter && { parameter: `${spec.parameter.rule}.${spec.parameter.key}` }),
      legalBasis: spec.legalBasis ?? spec.parameter?.legalBasis ?? this.defaultBasis,
      text: textOf(spec.text),
    });
  }

  /**
   * Looks a parameter up on `date`. When none is in force the case fails with NO_PARAMETER_IN_FORCE
   * (once, however many parameters are missing) and undefined is returned.
   */
  parameter<S extends ParameterShapes, K extends ParameterKey<S>>(
    params: ParameterStore,
    declaration: ParameterDeclaration<S>,
    key: K,
    date: IsoDate,
  ): ParameterInForce<ParameterValue<S, K>> | undefined {
    const found = params.at(declaration, key, date);
    if (!found) {
      this.addReason('NO_PARAMETER_IN_FORCE', 'fail');
      if (!this.traced) return found;
      const def = params.definition(declaration.rule, key);
      this.trace.push({
        step: key,
        value: null,
        passed: false,
        parameter: `${declaration.rule}.${key}`,
        legalBasis: def.values[0]?.legalBasis ?? this.defaultBasis,
        text: `${date} 没有在效的参数「${def.label}」`,
      });
    }
    return found;
  }

  hasReason(code: string): boolean {
    return this.reasonKinds.has(code);
  }

  reasons(): string[] {
    return [...this.reasonKinds.keys()];
  }

  status(): Status {
    if (this.reasonKinds.size === 0) return 'eligible';
    return this.failed ? 'ineligible' : 'needs_review';
  }

  /** The decision: the amount only counts when eligible. Rule-specific fields follow the common ones. */
  decide(id: unknown, rule: string, amountFen: Fen, fields: Record<string, unknown> = {}): Decision {
    const status = this.status();
    return {
      id,
      rule,
      status,
      amountFen: status === 'eligible' ? amountFen : 0,
      reasons: this.reasons(),
      trace: this.trace,
      ...fields,
    };
  }

  /** The same decision without its trace. */
  outcome(id: unknown, rule: string, amountFen: Fen, fields: Record<string, unknown> = {}): Outcome {
    const status = this.status();
    return { id, rule, status, amountFen: status === 'eligible' ? amountFen : 0, reasons: this.reasons(), ...fields };
  }

  private addReason(code: string, kind: ReasonKind): void {
    if (kind === 'fail') this.failed = true;
    if (this.reasonKinds.get(code) !== 'fail') this.reasonKinds.set(code, kind);
  }
}
