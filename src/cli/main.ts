// Entry point of the `wengang` command.
import { CliError } from './cli-error.ts';
import { settings, SettingsError } from '../config/settings.ts';

const HELP = `用法 / usage: wengang <命令> [参数]

命令：
  evaluate <规则> [--file F]   按评估契约计算一个或一批案例（从标准输入或文件读取 JSON）
  serve                        启动服务（端口 PORT，默认 8080；数据目录 WENGANG_DATA，默认 ./data）
  generate --scale demo|city|province --seed N   生成模拟参保数据
  import <类型> <文件> [--user U]   导入 Excel/CSV（UTF-8 或 GBK）；import template <类型> 生成模板；import kinds 列出类型
  screen --round 2024 [--as-of 日期] [--region 代码] [--resume 编号] [--chunk-size 每批单位数] [--user 姓名]   免申即享筛查全部参保单位
  runs list|show|diff          查看筛查批次、比较两次筛查
  review <子命令>              复核（双人复核：提交、通过、退回、补录重判、记录）
  notice <子命令>              公示（发布、异议、结束、查询、导出）
  notify <子命令>              短信告知（发送、提醒、投递、未确认名单）
  confirm <令牌> [--code 验证码]  单位确认（供经办脚本和测试使用）
  dispatch <子命令>            劳务派遣单位申请（预览、提交、撤回、查看、模板）
  pay <子命令>                 拨付（生成付款、财务提交批次、另一人授权、执行、进度）
  bank export|import|correct   银行付款指令文件、银行回盘文件导入、账户更正（双人复核）
  reconcile --batch 编号       对账报告
  ledger check|balances        基金账务平衡检查、科目余额
  skill apply|list|show|approve|return|pay|certificate   技能提升补贴申请、复核、发放和证书查询
  fund <子命令>                扩大支出范围试点额度台账（封定结余、备案复核、承诺、支出、释放）
  risk <子命令>                 风险规则、疑点核查与追回、全国比对、“5E”报送文件
  campaign <子命令>             精准推送活动（创建、推送、统计）
  reform <子命令>              政策模拟：保存方案、测算影响与试点支出额度、导出、转为参数文件供复核
  benefit <子命令>             失业保险金（申领、复核、按月发放、停发、转移接续、保生活优先拨付）
  audit verify|checkpoint|search   审计日志校验（被篡改时退出码 1）、检查点、查询
  staff add|list|disable|enable|unlock|password   工作人员账号（角色、管辖地区、密码）
  backup --out 文件             备份整个数据库（内嵌数据目录或 PostgreSQL），带 SM3 校验码与所需密钥版本
  restore <文件> [--data 目录 | --database-url 地址]   恢复备份（拒绝损坏或不匹配的备份），并校验审计日志与基金账务
  migrate-to-postgres --to 地址 [--data 目录]   把内嵌数据库迁移到空的 PostgreSQL 数据库，逐表核对行数
  help                         显示本帮助
`;

/** Each command's module is loaded when it runs, so `wengang screen` starts without the web server or Excel. */
type Command = (args: string[]) => Promise<number>;
const commands: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./commands/evaluate.ts')).runEvaluate,
  serve: async () => (await import('./commands/serve.ts')).runServe,
  generate: async () => (await import('./commands/generate.ts')).runGenerate,
  import: async () => (await import('./commands/import.ts')).runImport,
  screen: async () => (await import('./commands/screen.ts')).runScreen,
  runs: async () => (await import('./commands/runs.ts')).runRuns,
  review: async () => (await import('./commands/review.ts')).runReview,
  notice: async () => (await import('./commands/notice.ts')).runNotice,
  notify: async () => (await import('./commands/notify.ts')).runNotify,
  confirm: async () => (await import('./commands/confirm.ts')).runConfirm,
  dispatch: async () => (await import('./commands/dispatch.ts')).runDispatch,
  pay: async () => (await import('./commands/pay.ts')).runPay,
  bank: async () => (await import('./commands/bank.ts')).runBank,
  reconcile: async () => (await import('./commands/reconcile.ts')).runReconcile,
  risk: async () => (await import('./commands/risk.ts')).runRisk,
  campaign: async () => (await import('./commands/campaign.ts')).runCampaign,
  reform: async () => (await import('./commands/reform.ts')).runReform,
  ledger: async () => (await import('./commands/ledger.ts')).runLedger,
  skill: async () => (await import('./commands/skill.ts')).runSkill,
  fund: async () => (await import('./commands/fund.ts')).runFund,
  benefit: async () => (await import('./commands/benefit.ts')).runBenefit,
  audit: async () => (await import('./commands/audit.ts')).runAudit,
  staff: async () => (await import('./commands/staff.ts')).runStaff,
  backup: async () => (await import('./commands/backup.ts')).runBackup,
  restore: async () => (await import('./commands/backup.ts')).runRestore,
  'migrate-to-postgres': async () => (await import('./commands/migrate-to-postgres.ts')).runMigrateToPostgres,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    settings();
  } catch (error) {
    if (error instanceof SettingsError) throw new CliError(error.zh, error.en);
    throw error;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new CliError(`未知命令：${name}`, `unknown command: ${name}`);
  return (await command())(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`错误：${error.zh}\nerror: ${error.en}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(`内部错误 / internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
