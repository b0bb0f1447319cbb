// Benchmark: rule throughput — our refund rule (contract input → decision, without and with its trace) against the same
// decision as a GoRules zen decision table (bench/refund-zen.ts) and as json-rules-engine rules (bench/refund-engines.ts),
// on the same 100,000 inputs in memory, with every unit's status and amount compared. The engines get the units' figures
// computed for them beforehand (timed apart), so the comparison flatters them. Run: npm run bench:rules
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import {
  decideJobRetentionRefund,
  evaluateJobRetentionRefund,
  type JobRetentionRefundInput,
} from '../src/policy/job-retention-refund.ts';
import { jsonRulesDecision, unitFigures, type EngineDecision, type UnitFigures } from './refund-engines.ts';
import { zenDecision } from './refund-zen.ts';
import { report } from './report.ts';
import { sampleCase } from './sample-cases.ts';

const COUNT = Number(process.env.BENCH_CASES ?? 100_000);
const BATCH = 1_000;
const params = projectParameters();

/** The sample refund cases with every outcome: exclusion flags, dispatch units, public bodies, short histories, no headcount. */
function refundInput(i: number): JobRetentionRefundInput {
  const input = sampleCase('job-retention-refund', i) as JobRetentionRefundInput;
  if (i % 31 === 0) input.unit.flags = ['zombie'];
  if (i % 37 === 0) input.unit.laborDispatch = true;
  if (i % 41 === 0) input.unit.orgType = 'public_institution';
  if (i % 43 === 0) input.payments = input.payments.slice(0, 10);
  if (i % 47 === 0) input.headcount = { start: 0, end: 5, retiredOrDied: 0 };
  return input;
}

const inputs = Array.from({ length: COUNT }, (_, i) => refundInput(i));
const asOf = inputs[0]!.asOf;

function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Every figure set through an async engine, a batch of calls in flight at a time. */
async function throughEngine(
  decide: (f: UnitFigures) => Promise<EngineDecision>,
  figures: readonly UnitFigures[],
): Promise<EngineDecision[]> {
  const out: EngineDecision[] = [];
  for (let i = 0; i < figures.length; i += BATCH) out.push(...(await Promise.all(figures.slice(i, i + BATCH).map(decide))));
  return out;
}

const ours = timed(() => inputs.map((input) => decideJobRetentionRefund(input, params)));
const traced = timed(() => inputs.map((input) => evaluateJobRetentionRefund(input, params)));
const figures = timed(() => inputs.map((input) => unitFigures(input, params)));
const zen = zenDecision(params, asOf);
const zenRun = await timedAsync(() => throughEngine(zen.decide, figures.value));
zen.close();
const jre = await timedAsync(() => throughEngine(jsonRulesDecision(params, asOf), figures.value));

function agreement(decisions: readonly EngineDecision[]): string {
  let agreed = 0;
  decisions.forEach((d, i) => {
    const our = ours.value[i]!;
    if (d.status === our.status && d.amountFen === our.amountFen) agreed += 1;
  });
  return `${agreed}/${COUNT}`;
}

const perSecond = (seconds: number) => Math.round(COUNT / seconds);
const counted = new Map<string, number>();
for (const d of ours.value) counted.set(d.status, (counted.get(d.status) ?? 0) + 1);
const statuses = Object.fromEntries(counted);
const rows = [
  {
    engine: 'wengang rule (input → decision, no trace: bulk runs)',
    seconds: +ours.seconds.toFixed(2),
    decisionsPerSecond: perSecond(ours.seconds),
    ratioToOurs: 1,
    agreement: `${COUNT}/${COUNT}`,
  },
  {
    engine: 'wengang rule (input → decision + trace: one unit opened)',
    seconds: +traced.seconds.toFixed(2),
    decisionsPerSecond: perSecond(traced.seconds),
    ratioToOurs: +(traced.seconds / ours.seconds).toFixed(1),
    agreement: agreement(traced.value),
  },
  {
    engine: 'figures for the engines (not timed below)',
    seconds: +figures.seconds.toFixed(2),
    decisionsPerSecond: perSecond(figures.seconds),
    ratioToOurs: null,
    agreement: null,
  },
  {
    engine: '@gorules/zen-engine 0.52.1 (first-hit decision table)',
    seconds: +zenRun.seconds.toFixed(2),
    decisionsPerSecond: perSecond(zenRun.seconds),
    ratioToOurs: +(zenRun.seconds / ours.seconds).toFixed(1),
    agreement: agreement(zenRun.value),
  },
  {
    engine: 'json-rules-engine 7.3.1',
    seconds: +jre.seconds.toFixed(2),
    decisionsPerSecond: perSecond(jre.seconds),
    ratioToOurs: +(jre.seconds / ours.seconds).toFixed(1),
    agreement: agreement(jre.value),
  },
];
report('rules', rows, { cases: COUNT, statuses });
if (rows.some((r) => r.agreement !== null && r.agreement !== `${COUNT}/${COUNT}`)) process.exitCode = 1;
