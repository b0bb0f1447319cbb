// `wengang reform …`: policy simulation — save a reform (a YAML or JSON file of dated parameter values; each save a
// new version), compare versions, run it against the stored population and read the impact and the cap, export the
// impact as .xlsx, and write the reform out as parameter files for the normal reviewed change (never applied here).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PARAMETER_DIR } from '../../adapters/parameters/load-parameters.ts';
import { exportReform, ReformExportError } from '../../adapters/parameters/reform-export.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { certificateLevelLabel } from '../../domain/vocabulary/certificates.ts';
import { PERSON_IMPACT_LABELS, UNIT_SHIFT_LABELS } from '../../domain/vocabulary/simulation.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { formatBpPercent } from '../../policy/core/ratio.ts';
import { exportImpactXlsx } from '../../services/simulation/impact-export.ts';
import { impactRun, type ImpactRunView } from '../../services/simulation/impact-read.ts';
import { runImpact } from '../../services/simulation/impact-run.ts';
import type { Bucket, PersonImpact } from '../../services/simulation/impact-tally.ts';
import { commandCipher } from '../command-cipher.ts';
import { compareSavedReforms, getReform, listReforms, saveReform, type SavedReform } from '../../services/simulation/reforms.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang reform <子命令> [参数] [--user 姓名 --role 角色] [--json]
  list                                         模拟方案及其各版本
  save    --file 方案.yaml|.json               保存模拟方案（同名再次保存为新版本；按参数声明校验）
  show    --id 编号                            一个方案版本的参数调整
  compare --id 编号 --with 编号                比较两个方案（或同一方案两个版本）调整的参数
  run     --id 编号 [--region 代码] [--as-of 日期] [--round 2024]   按现行参数与方案逐单位测算，显示差异与试点支出额度
  result  --run 编号                           测算结果
  xlsx    --run 编号 --out 文件.xlsx           导出测算结果
  export  --id 编号 [--out 目录]               把方案写成参数文件（默认 ./parameter-changes），供复核后提交到 policy/parameters
方案文件示例（YAML）：
  name: 中小微企业返还比例50%
  changes:
    - { rule: job-retention-refund, key: smeRatioBp, from: 2024-01-01, to: 2024-12-31, value: 5000 }
`;

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

function reformLines(saved: SavedReform): string {
  return [
    `方案 #${saved.id}「${saved.name}」第 ${saved.version} 版（${saved.createdBy}）`,
    ...(saved.reform.description ? [`  ${saved.reform.description}`] : []),
    ...saved.reform.changes.map((c) => `  ${c.rule}.${c.key}：${c.from} 至 ${c.to ?? '长期'} 取值 ${JSON.stringify(c.value)}`),
  ].join('\n');
}

const signed = (fen: number) => `${fen >= 0 ? '+' : '−'}${yuan(Math.abs(fen))}`;

function personLine(label: string, b: Bucket): string {
  return (
    `${label} ${b.units} 件：符合条件 现行 ${b.baselineEligible} → 方案 ${b.reformEligible}；金额 现行 ${yuan(b.baselineFen)} → 方案 ${yuan(b.reformFen)}（${signed(b.reformFen - b.baselineFen)}）；` +
    `${UNIT_SHIFT_LABELS.newly_eligible} ${b.newlyEligiblePeople} 人，${UNIT_SHIFT_LABELS.no_longer_eligible} ${b.noLongerEligiblePeople} 人，变化 ${b.changed} 件`
  );
}

/** The claims' and applications' lines, the skill levels with changes among them. */
function personLines(persons: PersonImpact | undefined): string[] {
  if (!persons) return [];
  const levels = Object.entries(persons.skillLevel)
    .filter(([, b]) => b.changed > 0)
    .map(
      ([level, b]) =>
        `  其中${certificateLevelLabel(Number(level))}：${signed(b.reformFen - b.baselineFen)}，变化 ${b.changed} 件`,
    );
  return [
    personLine(PERSON_IMPACT_LABELS.benefit, persons.benefit),
    personLine(PERSON_IMPACT_LABELS.skill, persons.skill),
    ...levels,
  ];
}

export function impactLines(run: ImpactRunView): string {
  const t = run.tally.total;
  const cap = run.cap;
  const capLine = !cap
    ? '试点支出额度：所属设区市尚未登记本年度封定历史结余基金，无法对照'
    : `试点支出额度（${cap.regionName}）：方案额度比例 ${cap.reform.capRatioBp === null ? '—' : formatBpPercent(cap.reform.capRatioBp)}，剩余额度 ${yuan(cap.reform.remainingFen ?? 0)}，` +
      `方案返还总额${cap.reform.fits ? '在剩余额度内' : '超出剩余额度'}`;
  return [
    `测算 #${run.id}：方案「${run.reform.name}」第 ${run.reform.version} 版，${run.round} 年度，测算日期 ${run.asOf}，${run.status === 'completed' ? '已完成' : run.status}` +
      `（${run.processedUnits}/${run.totalUnits} 个单位${run.seconds === null ? '' : `，${run.seconds} 秒`}）`,
    `符合条件单位：现行 ${t.baselineEligible} 个 → 方案 ${t.reformEligible} 个；返还总额：现行 ${yuan(t.baselineFen)} → 方案 ${yuan(t.reformFen)}（${signed(t.reformFen - t.baselineFen)}）`,
    `${UNIT_SHIFT_LABELS.newly_eligible} ${t.newlyEligible} 个（参保 ${t.newlyEligiblePeople} 人），${UNIT_SHIFT_LABELS.no_longer_eligible} ${t.noLongerEligible} 个（参保 ${t.noLongerEligiblePeople} 人），结论或金额变化 ${t.changed} 个`,
    capLine,
    ...personLines(run.tally.persons),
  ].join('\n');
}

async function reformFile(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new CliError(`无法读取方案文件 ${path}：${error.message}`, `cannot read ${path}`);
  });
  try {
    return path.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new CliError(`方案文件 ${path} 无法解析：${(error as Error).message}`, `cannot parse ${path}`);
  }
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  async list(args) {
    const v = parseOptions(args, {});
    const reforms = await withStore(({ db }) => listReforms(db));
    return output(v.json, reforms, () => (reforms.length ? reforms.map(reformLines).join('\n') : '尚无模拟方案'));
  },
  async save(args) {
    const v = parseOptions(args, { file: { type: 'string' } });
    const reform = await reformFile(requiredText(v.file, 'file', '方案文件'));
    const actor = staffActor(v.user, v.role);
    const saved = await refusingAsCliError(() =>
      withStore(({ db }) => saveReform(db, projectParameters(), { reform, actor, clock: commandClock() })),
    );
    return output(v.json, saved, () => `已保存：${reformLines(saved)}`);
  },
  async show(args) {
    const v = parseOptions(args, { id: { type: 'string' } });
    const saved = await refusingAsCliError(() => withStore(({ db }) => getReform(db, requiredId(v.id, 'id'))));
    return output(v.json, saved, () => reformLines(saved));
  },
  async compare(args) {
    const v = parseOptions(args, { id: { type: 'string' }, with: { type: 'string' } });
    const diff = await refusingAsCliError(() =>
      withStore(({ db }) => compareSavedReforms(db, requiredId(v.id, 'id'), requiredId(v.with, 'with'))),
    );
    const side = (changes: (typeof diff)[number]['before']) =>
      changes ? changes.map((c) => `${c.from}～${c.to ?? '长期'} ${JSON.stringify(c.value)}`).join('、') : '不调整';
    return output(v.json, diff, () =>
      diff.length
        ? diff.map((d) => `${d.rule}.${d.key}：${side(d.before)} → ${side(d.after)}`).join('\n')
        : '两个方案调整的参数相同',
    );
  },
  async run(args) {
    const v = parseOptions(args, {
      id: { type: 'string' },
      region: { type: 'string' },
      'as-of': { type: 'string' },
      round: { type: 'string', default: '2024' },
    });
    const actor = staffActor(v.user, v.role);
    const params = projectParameters();
    const view = await refusingAsCliError(() =>
      withStore(async (store) => {
        const { runId } = await runImpact(store, params, {
          reformId: requiredId(v.id, 'id'),
          round: v.round,
          asOf: v['as-of'],
          region: v.region,
          actor,
          clock: commandClock(),
          cipher: commandCipher(),
        });
        return impactRun(store.db, params, runId);
      }),
    );
    return output(v.json, view, () => impactLines(view));
  },
  async result(args) {
    const v = parseOptions(args, { run: { type: 'string' } });
    const view = await refusingAsCliError(() =>
      withStore(({ db }) => impactRun(db, projectParameters(), requiredId(v.run, 'run'))),
    );
    return output(v.json, view, () => impactLines(view));
  },
  async xlsx(args) {
    const v = parseOptions(args, { run: { type: 'string' }, out: { type: 'string' } });
    const out = resolve(requiredText(v.out, 'out', '导出文件名'));
    await refusingAsCliError(() =>
      withStore(({ db }) => exportImpactXlsx(db, projectParameters(), requiredId(v.run, 'run'), out)),
    );
    return output(v.json, { file: out }, () => `已导出 ${out}`);
  },
  async export(args) {
    const v = parseOptions(args, { id: { type: 'string' }, out: { type: 'string', default: 'parameter-changes' } });
    const saved = await refusingAsCliError(() => withStore(({ db }) => getReform(db, requiredId(v.id, 'id'))));
    let files;
    try {
      files = exportReform(saved.reform);
    } catch (error) {
      if (error instanceof ReformExportError) throw new CliError(error.message, 'the reform cannot be exported', 3);
      throw error;
    }
    const dir = resolve(v.out);
    await mkdir(dir, { recursive: true });
    for (const f of files) await writeFile(join(dir, f.name), f.text, 'utf8');
    return output(
      v.json,
      files.map((f) => join(dir, f.name)),
      () =>
        [
          `已写出 ${files.length} 个参数文件到 ${dir}（运行中的系统参数未改变）。复核：`,
          ...files.map((f) => `  git diff --no-index ${join(DEFAULT_PARAMETER_DIR, f.name)} ${join(dir, f.name)}`),
          '复核无误后将文件复制到 policy/parameters/ 并提交。',
        ].join('\n'),
    );
  },
};

export async function runReform(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const run = subcommands[sub];
  if (!run) throw new CliError(`未知子命令：reform ${sub}\n${HELP}`, `unknown subcommand: reform ${sub}`);
  return run(rest);
}
