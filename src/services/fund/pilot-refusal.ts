// A commitment (or a cap) the spending-cap rule refuses, told in the rule's own words: its failed conditions, each with
// its clause (鲁人社发〔2024〕8号 第六条).
import type { Decision } from '../../policy/core/decision.ts';
import { Refusal } from '../../domain/refusal.ts';

export class PilotCapRefusal extends Refusal {
  constructor(
    readonly reasons: readonly string[],
    message: string,
  ) {
    super('CONFLICT', message);
  }
}

export function capRefusal(decision: Decision): PilotCapRefusal {
  const failed = decision.trace.filter((step) => step.passed === false);
  const basis = [...new Set(failed.map((step) => step.legalBasis))].join('；');
  return new PilotCapRefusal(decision.reasons, `不予承诺：${failed.map((step) => step.text).join('；')}（${basis}）`);
}
