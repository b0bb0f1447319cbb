// What every rule module exports: its contract name, the article it implements, its input schema and the rule.
import type { z } from 'zod';
import type { Decision } from './decision.ts';
import type { ParameterStore } from './parameters.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds rules of every input type alike
export interface RuleDefinition<Input = any> {
  /** The contract name, e.g. `job-retention-refund` (also the parameter file's and case file's name). */
  name: string;
  /** Chinese title for people. */
  title: string;
  /** The article implemented, e.g. 鲁人社发〔2024〕8号 第二条. */
  article: string;
  input: z.ZodType<Input>;
  evaluate(input: Input, params: ParameterStore): Decision;
}
