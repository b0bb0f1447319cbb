// `wengang bank export|import|correct`: the bank instruction file of a batch, the bank's return file, and the
// maker-checker correction of a failed payment's account.
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { InstructionFormat } from '../../adapters/bank/instruction-file.ts';
import type { AccountKind } from '../../adapters/store/schema-payments.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { approveAccountCorrection, proposeAccountCorrection } from '../../services/bank/account-correction.ts';
import { exportInstruction } from '../../services/bank/export-instruction.ts';
import { importReturnFile } from '../../services/bank/import-return.ts';
import { commandCipher } from '../command-cipher.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang bank <子命令> [参数] [--json]
  export --batch ID [--format csv|xlsx] [--out 文件] [--user 姓名]   导出银行付款指令文件（默认 CSV）
  import <回单文件> [--user 姓名]                                    导入银行回单（CSV 或 XLSX；有误则整个文件不导入）
  correct propose --payment ID --account 账号 [--bank 开户银行] [--kind corporate_account|contribution_account|social_security_card] --reason 原因 --user 姓名 --role finance
  correct approve --correction ID --user 姓名 --role finance        审核账户更正（审核人不得为提交人），款项重新待支付
`;

const FORMATS: readonly InstructionFormat[] = ['csv', 'xlsx'];
const KINDS: readonly AccountKind[] = ['corporate_account', 'contribution_account', 'social_security_card'];
const MAX_ERRORS_SHOWN = 20;

async function exportFile(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    batch: { type: 'string' },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
  });
  const batchId = requiredId(v.batch, 'batch');
  if (!FORMATS.includes(v.format as InstructionFormat))
    throw new CliError('--format 须为 csv 或 xlsx', '--format must be csv or xlsx');
  const file = await withStore(({ db }) =>
    exportInstruction(db, {
      batchId,
      format: v.format as InstructionFormat,
      by: v.user ?? 'cli',
      clock: commandClock(),
      cipher: commandCipher(),
    }),
  );
  const out = resolve(v.out ?? file.fileName);
  await writeFile(out, file.bytes);
  const { bytes: _bytes, ...summary } = file;
  return output(
    v.json,
    { ...summary, path: out },
    () =>
      `已导出付款批次 #${batchId} 的银行付款指令：${file.lineCount} 笔，合计 ${formatYuan(file.totalFen)} 元\n文件：${out}\nSM3 校验码：${file.checksum}`,
  );
}

async function importFile(args: string[]): Promise<number> {
  const [path, ...rest] = args;
  if (!path || path.startsWith('--'))
    throw new CliError('请指定银行回单文件：wengang bank import <文件>', 'give the return file: wengang bank import <file>');
  const v = parseOptions(rest, {});
  const result = await withStore(({ db }) =>
    importReturnFile(db, { path: resolve(path), fileName: basename(path), by: v.user ?? 'cli', clock: commandClock() }),
  );
  const code = output(v.json, result, () => {
    switch (result.status) {
      case 'accepted':
        return (
          `已导入银行回单（付款批次 #${result.batchId}）：${result.lineCount} 笔，合计 ${formatYuan(result.totalFen)} 元；` +
          `成功 ${result.paid} 笔，失败 ${result.failed} 笔，退回 ${result.returned} 笔；${result.casesPaid} 个案件已拨付`
        );
      case 'duplicate':
        return result.message;
      case 'rejected':
        return [
          result.message,
          ...result.errors
            .slice(0, MAX_ERRORS_SHOWN)
            .map((e) => `  第 ${e.row} 行${e.column ? `「${e.column}」` : ''}${e.value ? `（${e.value}）` : ''}：${e.message}`),
          ...(result.errorCount > MAX_ERRORS_SHOWN ? [`  另有 ${result.errorCount - MAX_ERRORS_SHOWN} 处问题未列出`] : []),
        ].join('\n');
    }
  });
  return result.status === 'rejected' ? 1 : code;
}

async function propose(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    payment: { type: 'string' },
    account: { type: 'string' },
    bank: { type: 'string' },
    kind: { type: 'string', default: 'corporate_account' },
    reason: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  if (!KINDS.includes(v.kind as AccountKind))
    throw new CliError(`--kind 须为 ${KINDS.join('、')}`, `--kind must be one of ${KINDS.join(', ')}`);
  const request = {
    paymentId: requiredId(v.payment, 'payment'),
    accountKind: v.kind as AccountKind,
    bankName: v.bank ?? null,
    accountNo: requiredText(v.account, 'account', '新的收款账号'),
    reason: requiredText(v.reason, 'reason', '更正原因'),
    actor,
    clock: commandClock(),
    cipher: commandCipher(),
  };
  const result = await withStore(({ db }) => proposeAccountCorrection(db, request));
  return output(
    v.json,
    result,
    () => `已提交账户更正 #${result.correctionId}（支付 #${result.paymentId}），请由另一名财务人员审核`,
  );
}

async function approve(args: string[]): Promise<number> {
  const v = parseOptions(args, { correction: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const correctionId = requiredId(v.correction, 'correction');
  const result = await withStore(({ db }) => approveAccountCorrection(db, { correctionId, actor, clock: commandClock() }));
  return output(
    v.json,
    result,
    () =>
      `账户更正 #${correctionId} 已审核通过：支付 #${result.paymentId} 将以第 ${result.attempt} 次重新支付，可编入新的付款批次`,
  );
}

async function correct(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'propose') return propose(rest);
  if (sub === 'approve') return approve(rest);
  throw new CliError(`未知子命令：bank correct ${sub ?? ''}\n${HELP}`, `unknown subcommand: bank correct ${sub ?? ''}`);
}

export async function runBank(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const commands: Record<string, (a: string[]) => Promise<number>> = { export: exportFile, import: importFile, correct };
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = commands[sub];
  if (!command) throw new CliError(`未知子命令：bank ${sub}\n${HELP}`, `unknown subcommand: bank ${sub}`);
  return refusingAsCliError(() => command(rest));
}
