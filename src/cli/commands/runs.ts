// `wengang runs list | show <id> | diff <a> <b> [--json]`: the screening runs, one run's summary, and what changed
// between two runs.
import { DECISION_STATUS_LABELS } from '../../domain/vocabulary/refund.ts';
import { runStatusLabels } from '../../domain/vocabulary/runs.ts';
import { listRuns } from '../../services/screening/list-runs.ts';
import { parseArgs } from 'node:util';
import { diffRuns, type RunDiff } from '../../services/screening/run-diff.ts';
import { RunNotFoundError, runSummary, type RunSummary, type Tally } from '../../services/screening/run-summary.ts';
import { CliError } from '../cli-error.ts';
import { withStore } from '../with-store.ts';

const STATUS: Readonly<Record<string, string>> = { ...runStatusLabels, ...DECISION_STATUS_LABELS };
const formatCount = (n: number) => n.toLocaleString('en-US');

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function printTallies(title: string, tallies: readonly Tally[]): void {
  write(`${title}：`);
  for (const t of tallies)
    write(`  ${t.label ? `${t.label}（${t.key}）` : t.key}  ${formatCount(t.units)} 个  ${t.amountYuan} 元`);
}

export function printSummary(s: RunSummary): void {
  const { run } = s;
  write(
    `批次 #${run.id}  ${run.round} 年度  筛查日期 ${run.as_of}  地区 ${run.region_code ?? '全部'}  ${STATUS[run.status]}  ` +
      `${formatCount(run.processed_units)} / ${formatCount(run.total_units)} 个单位  参数版本 ${run.policy_version}`,
  );
  write(`合计：${formatCount(s.total.units)} 个单位，返还 ${s.total.amountYuan} 元`);
  printTallies('按状态', s.byStatus);
  printTallies('按地区', s.byRegion);
  printTallies('按规模', s.bySize);
  printTallies('按原因', s.byReason);
  if (s.laterStage.count > 0) {
    write(
      `${s.laterStage.label}：${formatCount(s.laterStage.count)} 件` +
        `（${s.laterStage.units.map((u) => `${u.unitId} ${u.stateLabel}`).join('、')}${s.laterStage.count > s.laterStage.units.length ? '……' : ''}）`,
    );
  }
}

function printDiff(d: RunDiff): void {
  write(
    `批次 #${d.runA} → #${d.runB}：状态或金额变化 ${formatCount(d.changed.length)} 个单位，仅在 #${d.runA} ${d.onlyInA.length} 个，仅在 #${d.runB} ${d.onlyInB.length} 个`,
  );
  for (const c of d.changed) {
    write(
      `  单位 ${c.unitId}（${c.regionCode}）：${STATUS[c.before.status]} ${c.before.amountYuan} 元 → ${STATUS[c.after.status]} ${c.after.amountYuan} 元` +
        `${c.reasonsAdded.length ? `；新增原因 ${c.reasonsAdded.join('、')}` : ''}${c.reasonsRemoved.length ? `；消除原因 ${c.reasonsRemoved.join('、')}` : ''}`,
    );
    for (const step of c.changedSteps) write(`      ${step.before ?? '（无）'} → ${step.after}`);
  }
  for (const [run, units] of [
    [d.runA, d.onlyInA],
    [d.runB, d.onlyInB],
  ] as const) {
    for (const u of units) write(`  单位 ${u.unitId}（${u.regionCode}）仅在批次 #${run}：${STATUS[u.status]}`);
  }
}

function runId(text: string | undefined): number {
  const id = Number(text);
  if (!text || !Number.isSafeInteger(id))
    throw new CliError(`批次号须为整数：${text ?? '（未指定）'}`, 'give a run id (integer)');
  return id;
}

export async function runRuns(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new CliError(`参数有误：${(error as Error).message}`, `bad arguments: ${(error as Error).message}`);
  }
  const [sub, a, b] = parsed.positionals;
  const json = parsed.values.json;
  const out = (value: unknown, print: () => void) => (json ? write(JSON.stringify(value, null, 2)) : print());
  return withStore(async ({ db }) => {
    try {
      switch (sub) {
        case 'list': {
          const runs = await listRuns(db);
          out(runs, () => {
            if (runs.length === 0) write('还没有筛查批次');
            for (const r of runs) {
              write(
                `#${r.id}  ${r.round} 年度  ${r.as_of}  地区 ${r.region_code ?? '全部'}  ${STATUS[r.status]}  ` +
                  `${formatCount(r.processed_units)} / ${formatCount(r.total_units)}  ${r.started_at.toISOString()}`,
              );
            }
          });
          return 0;
        }
        case 'show': {
          const summary = await runSummary(db, runId(a));
          out(summary, () => printSummary(summary));
          return 0;
        }
        case 'diff': {
          const [runA, runB] = [runId(a), runId(b)];
          const known = await db.selectFrom('screening_runs').select('id').where('id', 'in', [runA, runB]).execute();
          for (const id of [runA, runB]) if (!known.some((r) => r.id === id)) throw new RunNotFoundError(id);
          const diff = await diffRuns(db, runA, runB);
          out(diff, () => printDiff(diff));
          return 0;
        }
        default:
          throw new CliError(
            `用法：wengang runs list | show <批次号> | diff <批次A> <批次B> [--json]`,
            'usage: wengang runs list | show <id> | diff <a> <b> [--json]',
          );
      }
    } catch (error) {
      if (error instanceof RunNotFoundError) throw new CliError(error.message, 'no such screening run');
      throw error;
    }
  });
}
