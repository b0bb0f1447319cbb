// `wengang risk …`: risk rules, their hits as work, the comparison feeds and the 5E export (鲁人社发〔2024〕8号 第八条；
// 威人社函〔2024〕41号 第三条), with --json output.
import { resolve } from 'node:path';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { commandCipher } from '../command-cipher.ts';
import {
  comparisonKindLabels,
  riskHitStatusLabels,
  riskHitStatuses,
  riskRuleLabels,
  riskSeverityLabels,
  riskStageLabels,
  type RiskHitStatus,
  type RiskProposal,
  type RiskRuleCode,
} from '../../domain/vocabulary/risk.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { riskCatalogue } from '../../services/risk/catalogue.ts';
import { runComparisons } from '../../services/risk/compare.ts';
import { exportFiveE } from '../../services/risk/export-5e.ts';
import {
  listComparisonFindings,
  listComparisonImports,
  type ComparisonFinding,
} from '../../services/risk/comparison-findings.ts';
import { exportComparisonFindings } from '../../services/risk/comparison-findings-export.ts';
import { hitDetail, listHits, type HitView } from '../../services/risk/list-hits.ts';
import { resumeRiskRun, runRiskRules, type RiskRunProgress, type RiskRunResult } from '../../services/risk/run-rules.ts';
import { decideResolution, proposeResolution, recordRepayment } from '../../services/risk/work-hit.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang risk <子命令> [参数] [--user 姓名 --role 角色] [--json]
  rules    [--city 371000]                                    风险规则目录（环节、等级、参数、本市是否启用）
  run      --city 371000 [--as-of 日期] [--rule 代码]         逐条运行启用的风险规则（显示进度），新疑点进入待核查队列
  resume   --run 编号                                          继续运行中断的风险规则运行（只运行尚未完成的规则）
  compare  --city 371000 [--as-of 日期]                        导入比对结果后运行比对规则（死亡、服刑、养老金、异地参保、异地领取）
  comparisons                                                  比对数据导入批次（比对结果条数、据此发现的疑点数）
  findings --batch 编号 [--out 文件.xlsx]                      一个比对导入批次的比对结果（人员脱敏、疑点、暂停支付、停发待遇）
  hits     [--status ${riskHitStatuses.join('|')}] [--rule 代码]   疑点队列
  show     --hit 编号                                          疑点详情
  propose  --hit 编号 --clear|--confirm --note 意见 [--recovery-fen 分]   经办员提出处理意见
  approve|return --hit 编号 [--note 意见]                      复核员复核（不能是提出人）
  repay    --hit 编号 --amount-fen 分 --received-on 日期 --reference 凭证号   财务人员登记追回款（记入基金账务）
  export-5e --city 371000 --out 文件.csv                       导出“5E”智能监管平台报送文件
`;

const CITY = { city: { type: 'string', default: '371000' }, 'as-of': { type: 'string' } } as const;

function hitLine(h: HitView): string {
  const amount = h.amountFen === null ? '' : `，${formatYuan(h.amountFen)} 元`;
  return (
    `#${h.id} [${riskSeverityLabels[h.severity]}] ${riskRuleLabels[h.ruleCode as RiskRuleCode] ?? h.ruleCode}：${h.regionName} ${h.subjectName}（${h.subjectKey}）` +
    `${amount}，${riskHitStatusLabels[h.status]}${h.hold ? '，暂停支付' : ''}`
  );
}

const runLines = (r: RiskRunResult) =>
  [
    `风险规则运行 #${r.runId}：新发现疑点 ${r.newHits} 个`,
    ...r.rules.map((c) => `  ${riskRuleLabels[c.code]}：${c.newHits}`),
  ].join('\n');

/** `风险规则运行 #3 7/9：同一单位或个人同一事项在两个区市重复领取 2 个新疑点` on stderr after each rule. */
function printProgress(p: RiskRunProgress): void {
  process.stderr.write(`风险规则运行 #${p.runId} ${p.done}/${p.total}：${riskRuleLabels[p.code]} ${p.newHits} 个新疑点\n`);
}

async function rules(args: string[]): Promise<number> {
  const v = parseOptions(args, CITY);
  const catalogue = riskCatalogue(projectParameters(), v['as-of'] ?? commandClock().today());
  return output(v.json, catalogue, () =>
    catalogue
      .map(
        (r) =>
          `${r.code} ${r.label}（${riskStageLabels[r.stage]}，风险${riskSeverityLabels[r.severity]}${r.hold ? '，暂停支付' : ''}）` +
          `${r.enabledByCity[v.city] === false ? ' — 本市已停用' : ''}\n  ${r.explanation}`,
      )
      .join('\n'),
  );
}

async function run(args: string[], comparisonsOnly: boolean): Promise<number> {
  const v = parseOptions(args, { ...CITY, rule: { type: 'string', multiple: true } });
  const clock = commandClock();
  const request = {
    cityCode: v.city,
    asOf: v['as-of'] ?? clock.today(),
    parameters: projectParameters(),
    cipher: commandCipher(),
    actor: { kind: 'system' } as const,
    clock,
    onProgress: printProgress,
  };
  const result = await refusingAsCliError(() =>
    withStore(({ db }) =>
      comparisonsOnly
        ? runComparisons(db, request)
        : runRiskRules(db, { ...request, ...(v.rule && { only: v.rule as RiskRuleCode[] }) }),
    ),
  );
  return output(v.json, result, () => runLines(result));
}

async function resume(args: string[]): Promise<number> {
  const v = parseOptions(args, { run: { type: 'string' } });
  const runId = requiredId(v.run, 'run');
  const context = {
    parameters: projectParameters(),
    cipher: commandCipher(),
    actor: { kind: 'system' } as const,
    clock: commandClock(),
    onProgress: printProgress,
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => resumeRiskRun(db, runId, context)));
  return output(v.json, result, () => runLines(result));
}

async function comparisons(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const found = await withStore(({ db }) => listComparisonImports(db));
  return output(v.json, found, () =>
    found.length
      ? found
          .map(
            (b) =>
              `#${b.batchId} ${b.fileName}（${b.importKind}，${b.importedBy}）：比对结果 ${b.findings} 条，疑点 ${b.cases} 个`,
          )
          .join('\n')
      : '尚无比对数据导入',
  );
}

function findingLine(f: ComparisonFinding): string {
  const triggered = [
    f.hitId === null ? '未发现疑点' : `疑点 #${f.hitId}（${riskHitStatusLabels[f.hitStatus!]}）`,
    ...(f.held ? ['暂停支付'] : []),
    ...(f.stopped ? ['已停发失业保险金'] : []),
  ];
  return `${f.regionName} ${f.personName}（${f.personKey}）${comparisonKindLabels[f.kind]} ${f.fromDate}：${triggered.join('，')}`;
}

async function findings(args: string[]): Promise<number> {
  const v = parseOptions(args, { batch: { type: 'string' }, out: { type: 'string' } });
  const batchId = requiredId(v.batch, 'batch');
  if (v.out) {
    const path = resolve(v.out);
    const request = { batchId, path, actor: staffActor(v.user, v.role), clock: commandClock() };
    const result = await refusingAsCliError(() => withStore(({ db }) => exportComparisonFindings(db, request)));
    return output(v.json, { ...result, path }, () => `已导出 ${result.rowCount} 条比对结果到 ${path}`);
  }
  const found = await refusingAsCliError(() => withStore(({ db }) => listComparisonFindings(db, batchId)));
  return output(v.json, found, () => (found.length ? found.map(findingLine).join('\n') : '本批次没有比对结果'));
}

async function hits(args: string[]): Promise<number> {
  const v = parseOptions(args, { status: { type: 'string' }, rule: { type: 'string' } });
  if (v.status && !riskHitStatuses.includes(v.status as RiskHitStatus))
    throw new CliError(`--status 须为 ${riskHitStatuses.join('、')}`, 'bad --status');
  const found = await withStore(({ db }) => listHits(db, { status: v.status as RiskHitStatus | undefined, ruleCode: v.rule }));
  return output(v.json, found, () => (found.length ? found.map(hitLine).join('\n') : '没有风险疑点'));
}

async function show(args: string[]): Promise<number> {
  const v = parseOptions(args, { hit: { type: 'string' } });
  const hit = await refusingAsCliError(() => withStore(({ db }) => hitDetail(db, requiredId(v.hit, 'hit'))));
  return output(v.json, hit, () =>
    [
      hitLine(hit),
      `  证据：${JSON.stringify(hit.evidence)}`,
      ...(hit.proposalNote ? [`  处理意见（${hit.proposedBy}）：${hit.proposalNote}`] : []),
      ...hit.repayments.map(
        (r) => `  追回 #${r.seq} ${r.receivedOn} ${formatYuan(r.amountFen)} 元（${r.reference}，${r.recordedBy}）`,
      ),
    ].join('\n'),
  );
}

async function propose(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    hit: { type: 'string' },
    clear: { type: 'boolean' },
    confirm: { type: 'boolean' },
    note: { type: 'string' },
    'recovery-fen': { type: 'string' },
  });
  if (v.clear === v.confirm)
    throw new CliError('请用 --clear（排除疑点）或 --confirm（确认问题）之一', 'give --clear or --confirm');
  const proposal: RiskProposal = v.clear ? 'clear' : 'confirm';
  const request = {
    hitId: requiredId(v.hit, 'hit'),
    proposal,
    note: requiredText(v.note, 'note', '核查意见'),
    actor: staffActor(v.user, v.role),
    clock: commandClock(),
    ...(v['recovery-fen'] && { recoveryFen: requiredId(v['recovery-fen'], 'recovery-fen') }),
  };
  await refusingAsCliError(() => withStore(({ db }) => proposeResolution(db, request)));
  return output(v.json, { hitId: request.hitId, proposal }, () => `已提出处理意见，请由复核员复核疑点 #${request.hitId}`);
}

async function decide(args: string[], approve: boolean): Promise<number> {
  const v = parseOptions(args, { hit: { type: 'string' }, note: { type: 'string' } });
  const request = {
    hitId: requiredId(v.hit, 'hit'),
    approve,
    note: v.note,
    actor: staffActor(v.user, v.role),
    clock: commandClock(),
  };
  await refusingAsCliError(() => withStore(({ db }) => decideResolution(db, request)));
  return output(v.json, { hitId: request.hitId, approve }, () =>
    approve ? `疑点 #${request.hitId} 复核通过` : `疑点 #${request.hitId} 已退回经办员`,
  );
}

async function repay(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    hit: { type: 'string' },
    'amount-fen': { type: 'string' },
    'received-on': { type: 'string' },
    reference: { type: 'string' },
  });
  const request = {
    hitId: requiredId(v.hit, 'hit'),
    amountFen: requiredId(v['amount-fen'], 'amount-fen'),
    receivedOn: requiredText(v['received-on'], 'received-on', '到账日期'),
    reference: requiredText(v.reference, 'reference', '到账凭证号'),
    actor: staffActor(v.user, v.role),
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => recordRepayment(db, request)));
  return output(
    v.json,
    result,
    () => `已登记追回款，累计追回 ${formatYuan(result.repaidFen)} 元${result.recovered ? '，已全部追回' : ''}`,
  );
}

async function exportFile(args: string[]): Promise<number> {
  const v = parseOptions(args, { city: { type: 'string', default: '371000' }, out: { type: 'string' } });
  const path = resolve(requiredText(v.out, 'out', '导出文件路径'));
  const result = await withStore(({ db }) =>
    exportFiveE(db, { cityCode: v.city, path, actor: { kind: 'system' }, clock: commandClock() }),
  );
  return output(v.json, { ...result, path }, () => `已导出 ${result.rowCount} 个疑点到 ${path}`);
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  rules,
  run: (a) => run(a, false),
  compare: (a) => run(a, true),
  resume,
  comparisons,
  findings,
  hits,
  show,
  propose,
  approve: (a) => decide(a, true),
  return: (a) => decide(a, false),
  repay,
  'export-5e': exportFile,
};

export async function runRisk(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = subcommands[sub];
  if (!command) throw new CliError(`未知子命令：risk ${sub}\n${HELP}`, `unknown subcommand: risk ${sub}`);
  return command(rest);
}
