// The refund decision (鲁人社发〔2024〕8号 第二条) as a GoRules zen decision graph: request → one first-hit decision table →
// response, deciding on the figures of refund-engines.ts like json-rules-engine does.
import { ZenEngine } from '@gorules/zen-engine';
import type { ParameterStore } from '../src/policy/core/parameters.ts';
import type { Status } from '../src/policy/core/decision.ts';
import { settings, type EngineDecision, type UnitFigures } from './refund-engines.ts';

/** The table's input columns: a figure by name, or an expression over the figures. */
function inputColumns(s: ReturnType<typeof settings>): [name: string, field: string][] {
  return [
    ['publicSector', 'publicSector'],
    ['flagged', 'flagged'],
    ['fullMonths', 'fullMonths'],
    ['layoffExcess', `layoffs * 10000 - basis * (basis <= ${s.smallUnit} ? ${s.smallCap} : ${s.cap})`],
    ['baseFen', 'baseFen'],
    ['laborDispatch', 'laborDispatch'],
    ['headcountKnown', 'headcountKnown'],
    ['sizeClass', 'sizeClass'],
    ['payRoute', 'payRoute'],
  ];
}

/** The rows in the order they are tried (first hit): failing conditions, then review conditions, then the ratio. */
function tableRules(s: ReturnType<typeof settings>, columns: readonly [string, string][]) {
  const row = (id: string, cells: Record<string, string>, status: Status, amount: string) => ({
    _id: id,
    ...Object.fromEntries(columns.map(([name]) => [name, cells[name] ?? ''])),
    status: `'${status}'`,
    amountFen: amount,
  });
  const amount = (bp: number) => `floor((baseFen * ${bp} + 5000) / 10000)`;
  return [
    row('r1', { publicSector: 'true' }, 'ineligible', '0'),
    row('r2', { flagged: 'true' }, 'ineligible', '0'),
    row('r3', { fullMonths: `< ${s.minMonths}` }, 'ineligible', '0'),
    row('r4', { layoffExcess: '> 0' }, 'ineligible', '0'),
    row('r5', { baseFen: '0' }, 'ineligible', '0'),
    row('r6', { laborDispatch: 'true' }, 'needs_review', '0'),
    row('r7', { headcountKnown: 'false' }, 'needs_review', '0'),
    row('r8', { sizeClass: "'unknown'" }, 'needs_review', '0'),
    row('r9', { payRoute: 'false' }, 'needs_review', '0'),
    row('r10', { sizeClass: "'large'" }, 'eligible', amount(s.large)),
    row('r11', {}, 'eligible', amount(s.sme)),
  ];
}

export function zenDecision(
  params: ParameterStore,
  asOf: string,
): { decide: (f: UnitFigures) => Promise<EngineDecision>; close: () => void } {
  const s = settings(params, asOf);
  const columns = inputColumns(s);
  const content = {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      {
        id: 'refund',
        type: 'decisionTableNode',
        name: 'refund',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: columns.map(([name, field]) => ({ id: name, name, field })),
          outputs: [
            { id: 'status', name: 'status', field: 'status' },
            { id: 'amountFen', name: 'amountFen', field: 'amountFen' },
          ],
          rules: tableRules(s, columns),
        },
      },
      { id: 'response', type: 'outputNode', name: 'response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'refund', type: 'edge' },
      { id: 'e2', sourceId: 'refund', targetId: 'response', type: 'edge' },
    ],
  };
  const engine = new ZenEngine();
  const decision = engine.createDecision(content);
  return {
    decide: async (figures) => (await decision.evaluate(figures)).result as EngineDecision,
    close: () => engine.dispose(),
  };
}
