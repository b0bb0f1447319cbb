// The vocabulary: every code the system stores or returns, with its one Simplified Chinese label, in one place that
// policy, domain, services, the CLI and the web console all import. It is the bottom layer: its files import nothing
// outside this folder, so any layer may use them.
//
// Adding an area: write `src/domain/vocabulary/<area>.ts` exporting `Readonly<Record<Code, string>>` constants (and,
// where the codes are a closed list, the list `as const` and its type), then add ONE line to `areas.ts`:
//   export * as <area> from './<area>.ts';
// The registry below picks up every such constant; test/unit/domain/vocabulary.test.ts then checks that each code the
// database allows has a label and that no label map is written anywhere else in src/ or web/.
import * as areas from './areas.ts';

export interface Vocabulary {
  /** `<area>.<export>`, e.g. `payments.paymentStatusLabel`. */
  name: string;
  labels: Readonly<Record<string, string>>;
}

function isLabelMap(value: unknown): value is Readonly<Record<string, string>> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).length > 0 &&
    Object.values(value).every((label) => typeof label === 'string')
  );
}

export const vocabularies: readonly Vocabulary[] = Object.entries(areas).flatMap(([area, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isLabelMap(value))
    .map(([name, labels]) => ({ name: `${area}.${name}`, labels })),
);

export function vocabulary(name: string): Readonly<Record<string, string>> {
  const found = vocabularies.find((v) => v.name === name);
  if (!found) throw new RangeError(`no vocabulary named ${name}`);
  return found.labels;
}
