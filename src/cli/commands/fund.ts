// `wengang fund …`: the pilot spending register (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条) — sealed balance and
// cap, plan filing under two persons, commitments against the cap, spending and release — with --json output.
import { basename } from 'node:path';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import {
  commitmentStatusLabels,
  fundLevelLabels,
  incidentCategories,
  pilotItemLabels,
  pilotItems,
  planStatusLabels,
  type IncidentCategory,
  type PilotItem,
} from '../../domain/vocabulary/fund.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { fundMonitoring } from '../../services/fund/fund-monitoring.ts';
import { exportIncidents, listIncidents, recordIncident } from '../../services/fund/incidents.ts';
import { recordExport } from '../../services/audit/record-export.ts';
import { monthlyReport, writeMonthlyReport } from '../../services/fund/monthly-report.ts';
import { listBudgets, recordBudget, type PilotBudget } from '../../services/fund/pilot-budget.ts';
import {
  commitPilotSpending,
  releaseCommitment,
  spendCommitment,
  type CommitResult,
} from '../../services/fund/pilot-commitments.ts';
import { recordPlan, reviewPlan } from '../../services/fund/pilot-plan.ts';
import { pilotRegister } from '../../services/fund/pilot-register.ts';
import { CliError } from '../cli-error.ts';
import { arrival, funds, payoutHelp } from './fund-payout.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang fund <子命令> [参数] [--user 姓名 --role 角色] [--json]
  list     [--year 2024]                                       各市（省本级）试点支出额度、已承诺、已支出
  show     --region 371000 [--year 2024]                       一个市（省本级）的试点支出台账
  budget   --region 371000 [--year 2024] --balance-fen 分       登记封定历史结余基金（财务人员；市级额度=15%，向下取整到分）
  plan     --region 371000 [--year 2024] --filed-on 日期 --document 文号   登记实施方案备案（财务人员）
  approve-plan|reject-plan --region 371000 [--year 2024] --plan 编号 [--note 意见]   复核备案（另一名财务人员或复核员）
  commit   --region 371000 [--year 2024] --item ${pilotItems.join('|')} --amount-fen 分 --description 事由 [--on 日期]
  spend    --region 371000 [--year 2024] --commitment 编号 [--spent-fen 分] [--note 说明]   登记支出，记入基金账务
  release  --region 371000 [--year 2024] --commitment 编号 --note 原因                      释放承诺，金额退回额度
  monitor  --region 371000 --from 2024-01 --to 2024-12          基金运行监测：按月收入、分项支出、结余、可支付月数、预警
  report   --region 371000 --month 2024-09 --out 文件.xlsx       失业保险基金月报（固定格式的 .xlsx）
  incident --region 代码 --category ${incidentCategories.join('|')} --occurred-at 时间 --description 内容 [--follow-up 处理] [--corrects 编号]
                                                               登记要情报告（只能追加，更正另行登记）
  incidents --region 代码 [--out 文件.xlsx --user 姓名 --role 角色]   要情报告列表；给 --out 时导出 Excel（记入审计日志）
${payoutHelp}`;

const FUND = { region: { type: 'string' }, year: { type: 'string', default: '2024' } } as const;

function fenOption(value: string | undefined, option: string, allowZero = false): Fen {
  if (!value || !(allowZero ? /^(0|[1-9]\d{0,15})$/ : /^[1-9]\d{0,15}$/).test(value) || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`请用 --${option} 填写金额（整数，单位：分）`, `give --${option} as an integer amount of fen`);
  }
  return Number(value);
}

function regionOption(region: string | undefined): string {
  if (!region || !/^\d{6}$/.test(region))
    throw new CliError('请用 --region 指定市（省本级）行政区划代码', 'give --region as a six-digit region code');
  return region;
}

function fundKey(v: { region?: string; year: string }) {
  if (!/^\d{4}$/.test(v.year)) throw new CliError('--year 须为四位年份', 'give --year as a four-digit year');
  return { regionCode: regionOption(v.region), year: Number(v.year) };
}

const yuan = (fen: Fen | null) => (fen === null ? '不设额度' : `${formatYuan(fen)} 元`);

function budgetLine(b: PilotBudget): string {
  return (
    `${b.regionName}（${b.regionCode}，${fundLevelLabels[b.level]}）${b.year} 年度：封定历史结余 ${formatYuan(b.sealedBalanceFen)} 元，` +
    `额度 ${yuan(b.capFen)}，已承诺 ${formatYuan(b.committedFen)} 元（其中已支出 ${formatYuan(b.spentFen)} 元），剩余额度 ${yuan(b.remainingFen)}`
  );
}

function resultLine(verb: string, r: CommitResult): string {
  const c = r.commitment;
  return (
    `${verb}试点支出承诺 #${c.id}（${pilotItemLabels[c.item]}，${formatYuan(c.amountFen)} 元，${commitmentStatusLabels[c.status]}）；` +
    `已承诺合计 ${formatYuan(r.committedFen)} 元，剩余额度 ${yuan(r.remainingFen)}`
  );
}

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, { year: { type: 'string' } });
  const budgets = await withStore(({ db }) => listBudgets(db, v.year ? Number(v.year) : undefined));
  return output(v.json, budgets, () => (budgets.length ? budgets.map(budgetLine).join('\n') : '尚未登记任何试点支出额度'));
}

async function show(args: string[]): Promise<number> {
  const v = parseOptions(args, FUND);
  const register = await refusingAsCliError(() => withStore(({ db }) => pilotRegister(db, fundKey(v))));
  return output(v.json, register, () =>
    [
      budgetLine(register.budget),
      ...register.plans.map(
        (p) =>
          `  备案 #${p.id}：${p.filedOn} ${p.documentNo}（${planStatusLabels[p.status]}，登记 ${p.recordedBy}${p.reviewedBy ? `，复核 ${p.reviewedBy}` : ''}）`,
      ),
      ...register.byItem.map((i) => `  ${i.label}：未支出承诺 ${formatYuan(i.openFen)} 元，已支出 ${formatYuan(i.spentFen)} 元`),
      ...register.commitments.map(
        (c) =>
          `  承诺 #${c.id} ${c.committedOn} ${pilotItemLabels[c.item]} ${formatYuan(c.amountFen)} 元 ${commitmentStatusLabels[c.status]}：${c.description}`,
      ),
    ].join('\n'),
  );
}

async function budget(args: string[]): Promise<number> {
  const v = parseOptions(args, { ...FUND, 'balance-fen': { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const request = {
    ...fundKey(v),
    sealedBalanceFen: fenOption(v['balance-fen'], 'balance-fen', true),
    actor,
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => recordBudget(db, projectParameters(), request)));
  return output(v.json, result, () => `已登记：${budgetLine(result)}`);
}

async function plan(args: string[]): Promise<number> {
  const v = parseOptions(args, { ...FUND, 'filed-on': { type: 'string' }, document: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const request = {
    ...fundKey(v),
    filedOn: requiredText(v['filed-on'], 'filed-on', '备案日期'),
    documentNo: requiredText(v.document, 'document', '备案文号'),
    actor,
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => recordPlan(db, request)));
  return output(
    v.json,
    result,
    () => `已登记实施方案备案 #${result.id}（${result.filedOn} ${result.documentNo}），请由另一名财务人员或复核员复核`,
  );
}

async function review(args: string[], outcome: 'approve' | 'reject'): Promise<number> {
  const v = parseOptions(args, { ...FUND, plan: { type: 'string' }, note: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const note = outcome === 'reject' ? requiredText(v.note, 'note', '驳回意见') : v.note;
  const request = { ...fundKey(v), planId: requiredId(v.plan, 'plan'), outcome, note, actor, clock: commandClock() };
  const result = await refusingAsCliError(() => withStore(({ db }) => reviewPlan(db, request)));
  return output(
    v.json,
    result,
    () => `实施方案备案 #${result.id}：${planStatusLabels[result.status]}（复核 ${result.reviewedBy}）`,
  );
}

async function commit(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    ...FUND,
    item: { type: 'string' },
    'amount-fen': { type: 'string' },
    description: { type: 'string' },
    on: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  if (!pilotItems.includes(v.item as PilotItem))
    throw new CliError(`请用 --item 指定试点项目：${pilotItems.join('、')}`, `give --item, one of ${pilotItems.join(', ')}`);
  const request = {
    ...fundKey(v),
    item: v.item as PilotItem,
    amountFen: fenOption(v['amount-fen'], 'amount-fen'),
    description: requiredText(v.description, 'description', '承诺事由'),
    committedOn: v.on,
    actor,
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => commitPilotSpending(db, projectParameters(), request)));
  return output(v.json, result, () => resultLine('已承诺', result));
}

async function settle(args: string[], outcome: 'spend' | 'release'): Promise<number> {
  const v = parseOptions(args, {
    ...FUND,
    commitment: { type: 'string' },
    'spent-fen': { type: 'string' },
    note: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  const request = {
    ...fundKey(v),
    commitmentId: requiredId(v.commitment, 'commitment'),
    actor,
    clock: commandClock(),
    spentFen: v['spent-fen'] === undefined ? undefined : fenOption(v['spent-fen'], 'spent-fen'),
    note: outcome === 'release' ? requiredText(v.note, 'note', '释放原因') : v.note,
  };
  const act = outcome === 'spend' ? spendCommitment : releaseCommitment;
  const result = await refusingAsCliError(() => withStore(({ db }) => act(db, request)));
  return output(v.json, result, () => resultLine(outcome === 'spend' ? '已支出' : '已释放', result));
}

async function monitor(args: string[]): Promise<number> {
  const v = parseOptions(args, { region: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
  const request = {
    regionCode: regionOption(v.region),
    from: requiredText(v.from, 'from', '起始月份'),
    to: requiredText(v.to, 'to', '截止月份'),
    today: commandClock().today(),
  };
  const report = await refusingAsCliError(() => withStore(({ db }) => fundMonitoring(db, projectParameters(), request)));
  const months = (n: number | null) => (n === null ? '—' : `${n} 个月`);
  return output(v.json, report, () =>
    [
      `${report.regionName} 基金运行监测 ${report.from} 至 ${report.to}` +
        (report.sealed
          ? `（自 ${report.sealed.on} 封定结余 ${formatYuan(report.sealed.balanceFen)} 元起结转）`
          : '（尚未登记封定历史结余，无法计算结余）'),
      ...report.months.map(
        (m) =>
          `  ${m.period}：收入 ${formatYuan(m.incomeFen)} 元，支出 ${formatYuan(m.spendingFen)} 元，` +
          `结余 ${m.balanceFen === null ? '—' : `${formatYuan(m.balanceFen)} 元`}，可支付 ${months(m.monthsCovered)}`,
      ),
      ...report.alerts.map((a) => `  预警（${a.label}）：${a.message}`),
      `  未纳入（尚无数据来源）：${report.unrecorded.join('、')}`,
    ].join('\n'),
  );
}

async function report(args: string[]): Promise<number> {
  const v = parseOptions(args, { region: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } });
  const request = { regionCode: regionOption(v.region), period: requiredText(v.month, 'month', '月份（YYYY-MM）') };
  const out = requiredText(v.out, 'out', '输出文件');
  const result = await refusingAsCliError(() =>
    withStore(async ({ db }) => {
      const monthly = await monthlyReport(db, projectParameters(), request);
      await writeMonthlyReport(out, monthly);
      return monthly;
    }),
  );
  return output(v.json, { file: out, ...result }, () => `已生成 ${result.regionName} ${result.period} 失业保险基金月报：${out}`);
}

async function incident(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    region: { type: 'string' },
    category: { type: 'string' },
    'occurred-at': { type: 'string' },
    description: { type: 'string' },
    'follow-up': { type: 'string' },
    corrects: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  if (!incidentCategories.includes(v.category as IncidentCategory)) {
    throw new CliError(
      `请用 --category 指定要情类别：${incidentCategories.join('、')}`,
      `give --category, one of ${incidentCategories.join(', ')}`,
    );
  }
  const request = {
    regionCode: regionOption(v.region),
    category: v.category as IncidentCategory,
    occurredAt: requiredText(v['occurred-at'], 'occurred-at', '发生时间'),
    description: requiredText(v.description, 'description', '要情内容'),
    followUp: v['follow-up'],
    correctsId: v.corrects === undefined ? undefined : requiredId(v.corrects, 'corrects'),
    actor,
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => recordIncident(db, request)));
  return output(v.json, result, () => `已登记要情报告 #${result.id}（${result.regionName}，${result.categoryLabel}）`);
}

async function incidents(args: string[]): Promise<number> {
  const v = parseOptions(args, { region: { type: 'string' }, out: { type: 'string' } });
  const regionCode = regionOption(v.region);
  if (v.out) return exportIncidentsFile(regionCode, v.out, staffActor(v.user, v.role), v.json);
  const result = await refusingAsCliError(() => withStore(({ db }) => listIncidents(db, { regionCode })));
  return output(v.json, result, () =>
    result.length
      ? result
          .map(
            (i) =>
              `#${i.id} ${i.occurredAt.toISOString()} ${i.regionName} ${i.categoryLabel}${i.correctsId ? `（更正 #${i.correctsId}）` : ''}：${i.description}${i.followUp ? `；后续：${i.followUp}` : ''}`,
          )
          .join('\n')
      : '暂无要情报告',
  );
}

/** Writes the region's incident reports as .xlsx and records the export under the acting person's name. */
async function exportIncidentsFile(regionCode: string, out: string, actor: Actor, json: boolean | undefined): Promise<number> {
  const fileName = basename(out);
  const rowCount = await refusingAsCliError(() =>
    withStore(async ({ db }) => {
      const rows = await exportIncidents(db, { regionCode }, out);
      await recordExport(db, { actor, subject: `fund_incidents:${regionCode}`, fileName, clock: commandClock() });
      return rows;
    }),
  );
  return output(json, { file: out, rowCount }, () => `已导出要情报告 ${rowCount} 条：${out}`);
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  list,
  show,
  budget,
  plan,
  commit,
  monitor,
  report,
  incident,
  incidents,
  arrival,
  funds,
  'approve-plan': (args) => review(args, 'approve'),
  'reject-plan': (args) => review(args, 'reject'),
  spend: (args) => settle(args, 'spend'),
  release: (args) => settle(args, 'release'),
};

export async function runFund(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const run = subcommands[sub];
  if (!run) throw new CliError(`未知子命令：fund ${sub}\n${HELP}`, `unknown subcommand: fund ${sub}`);
  return run(rest);
}
