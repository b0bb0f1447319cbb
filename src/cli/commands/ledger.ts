// `wengang ledger check|balances [--json]`: proves the fund ledger (exit code 1 on any violation) or lists balances.
import { formatYuan } from '../../policy/core/money.ts';
import { ledgerBalances, type AccountBalance } from '../../services/ledger/balances.ts';
import { checkLedger } from '../../services/ledger/check.ts';
import { CliError } from '../cli-error.ts';
import { output, parseOptions } from '../command-support.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang ledger <子命令> [--json]
  check      检查资金台账：借贷平衡、每笔支付一笔应付确认、账户余额与支付状态一致（有问题时退出码为 1）
  balances   各科目借方、贷方合计与余额
`;

function balanceLines(balances: readonly AccountBalance[]): string[] {
  return balances.map(
    (b) =>
      `  ${b.label}：借方 ${formatYuan(b.debitFen)} 元，贷方 ${formatYuan(b.creditFen)} 元，余额 ${formatYuan(b.balanceFen)} 元`,
  );
}

async function check(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const result = await withStore(({ db }) => checkLedger(db));
  output(v.json, result, () =>
    [
      result.ok
        ? `资金台账检查通过：${result.paymentCount} 笔支付、${result.transactionCount} 笔记账凭证，借贷平衡且与支付状态一致`
        : `资金台账检查发现 ${result.violations.length} 个问题：`,
      ...result.violations.map((violation) => `  ${violation.message}`),
      ...balanceLines(result.balances),
    ].join('\n'),
  );
  return result.ok ? 0 : 1;
}

async function balances(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const result = await withStore(({ db }) => ledgerBalances(db));
  return output(v.json, result, () => ['资金台账余额：', ...balanceLines(result)].join('\n'));
}

export async function runLedger(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (sub === 'check') return check(rest);
  if (sub === 'balances') return balances(rest);
  throw new CliError(`未知子命令：ledger ${sub}\n${HELP}`, `unknown subcommand: ledger ${sub}`);
}
