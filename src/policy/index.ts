// Every rule of the notice, by its contract name.
import type { RuleDefinition } from './core/rule.ts';
import { contributionRule } from './contribution.ts';

export const rules: ReadonlyMap<string, RuleDefinition> = new Map(
  [contributionRule].map((rule) => [rule.name, rule]),
);
