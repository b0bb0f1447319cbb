// Decisions and their traces: the checklist every rule fills in, condition by condition.
import type { Fen } from './money.ts';
import type { ParameterDeclaration, ParameterInForce, ParameterKey, ParameterShapes, ParameterStore, ParameterValue } from './parameters.ts';
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

export interface Decision {
  id: unknown;
  rule: string;
  status: Status;
  amountFen: Fen;
  reasons: string[];
  trace: TraceStep[];
  [field: string]: unknown;
}

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
  text: string;
}

export class Checklist {
  readonly trace: TraceStep[] = [];
  private readonly reasonKinds = new Map<string, ReasonKind>();

  constructor(private readonly defaultBasis: string) {}

  /** Records a condition; a failed one adds its reason. Returns whether it passed. */
  check(spec: ConditionSpec & { passed: boolean }): boolean {
    this.trace.push({
      step: spec.step,
      value: spec.value,
      ...(spec.threshold !== undefined && { threshold: spec.threshold }),
      passed: spec.passed,
      ...(spec.parameter && { parameter: `${spec.parameter.rule}.${spec.parameter.key}` }),
      legalBasis: spec.legalBasis ?? spec.parameter?.legalBasis ?? this.defaultBasis,
      text: `${spec.text}，${spec.passed ? '符合' : '不符合'}`,
    });
    if (!spec.passed) this.addReason(spec.reason, 'fail');
    return spec.passed;
  }

  /** Records a condition that cannot be decided because data is missing: the case goes to a person. */
  unknown(spec: Omit<ConditionSpec, 'value' | 'threshold'> & { missing: string }): void {
    this.trace.push({
      step: spec.step,
      value: null,
      passed: null,
      ...(spec.parameter && { parameter: `${spec.parameter.rule}.${spec.parameter.key}` }),
      legalBasis: spec.legalBasis ?? spec.parameter?.legalBasis ?? this.defaultBasis,
      text: `${spec.text}：缺少${spec.missing}，需人工复核`,
    });
    this.addReason(spec.reason, 'review');
  }

  /** Records a reason that asks for a person's review without failing the case (e.g. a unit that must apply). */
  review(spec: { step: string; value: unknown; reason: string; legalBasis?: string; text: string }): void {
    this.trace.push({ step: spec.step, value: spec.value, passed: false, legalBasis: spec.legalBasis ?? this.defaultBasis, text: spec.text });
    this.addReason(spec.reason, 'review');
  }

  /** Records a value that was used or computed (a parameter, a base, an amount). */
  note(spec: { step: string; value: unknown; parameter?: ParameterInForce<unknown>; legalBasis?: string; text: string }): void {
    this.trace.push({
      step: spec.step,
      value: spec.value,
      ...(spec.parameter && { parameter: `${spec.parameter.rule}.${spec.parameter.key}` }),
      legalBasis: spec.legalBasis ?? spec.parameter?.legalBasis ?? this.defaultBasis,
      text: spec.text,
    });
  }

  /**
   * Looks a parameter up on `date`. When none is in force the case fails with NO_PARAMETER_IN_FORCE
   * (once, however many parameters are missing) and undefined is returned.
   */
  parameter<S extends ParameterShapes, K extends ParameterKey<S>>(
    params: ParameterStore, declaration: ParameterDeclaration<S>, key: K, date: IsoDate,
  ): ParameterInForce<ParameterValue<S, K>> | undefined {
    const found = params.at(declaration, key, date);
    if (!found) {
      const def = params.definition(declaration.rule, key);
      this.trace.push({
        step: key,
        value: null,
        passed: false,
        parameter: `${declaration.rule}.${key}`,
        legalBasis: def.values[0]?.legalBasis ?? this.defaultBasis,
        text: `${date} 没有在效的参数「${def.label}」`,
      });
      this.addReason('NO_PARAMETER_IN_FORCE', 'fail');
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
    const kinds = [...this.reasonKinds.values()];
    if (kinds.length === 0) return 'eligible';
    return kinds.includes('fail') ? 'ineligible' : 'needs_review';
  }

  /** The decision: the amount only counts when eligible. Rule-specific fields follow the common ones. */
  decide(id: unknown, rule: string, amountFen: Fen, fields: Record<string, unknown> = {}): Decision {
    const status = this.status();
    return { id, rule, status, amountFen: status === 'eligible' ? amountFen : 0, reasons: this.reasons(), trace: this.trace, ...fields };
  }

  private addReason(code: string, kind: ReasonKind): void {
    if (this.reasonKinds.get(code) !== 'fail') this.reasonKinds.set(code, kind);
  }
}
