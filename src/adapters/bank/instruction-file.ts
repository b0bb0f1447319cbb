// The bank instruction file of a payment batch (鲁人社发〔2024〕8号 第七条：资金直接拨付至企业账户), in CSV (UTF-8 with
// BOM) or XLSX, one fixed layout:
//   header     序号, 付款流水号, 收款单位名称, 统一社会信用代码, 收款账户类型, 开户银行, 收款账号, 金额（元）, 用途
//   one line per payment attempt (付款流水号 = <paymentId>-<attempt>, 金额 in yuan with two decimals)
//   totals     合计, 笔数, <count>, 合计金额, <yuan>
//   checksum   校验码, SM3, <hex>
// The checksum is SM3 over the canonical text of the header, the payment lines and the totals line: each line's
// cells as shown, joined by "|", each line ended by "\n", UTF-8. The bank recomputes it to detect a changed file.
// Text that a spreadsheet would run as a formula (a unit name beginning with =) is written, and checksummed, with the
// apostrophe of the export guard; the 付款流水号, the account number and the amount are never changed by it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import type { AccountKind } from '../store/schema-payments.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { guardRow } from '../files/export-guard.ts';
import { writeCsv } from '../files/write-csv.ts';
import { writeXlsx, type ExportCell } from '../files/write-xlsx.ts';
import { canonicalZip } from './canonical-zip.ts';
import { accountKindLabels } from '../../domain/vocabulary/pay-to.ts';

export const INSTRUCTION_HEADERS = [
  '序号',
  '付款流水号',
  '收款单位名称',
  '统一社会信用代码',
  '收款账户类型',
  '开户银行',
  '收款账号',
  '金额（元）',
  '用途',
] as const;
export const TOTALS_LABEL = '合计';
export const CHECKSUM_LABEL = '校验码';

export type InstructionFormat = 'csv' | 'xlsx';

export interface InstructionLine {
  paymentId: number;
  attempt: number;
  recipientName: string;
  recipientCreditCode: string;
  accountKind: AccountKind;
  bankName: string | null;
  accountNo: string;
  amountFen: Fen;
}

export interface InstructionFile {
  /** Header, payment lines, totals and checksum, as written. */
  rows: string[][];
  lineCount: number;
  totalFen: Fen;
  checksum: string;
}

/** Yuan with two decimals and no separators, as banks read it: 123456 → "1234.56". */
export function bankYuan(fen: Fen): string {
  return formatYuan(fen).replace(/,/g, '');
}

/** `<paymentId>-<attempt>`: the reference the bank echoes back in its return file. */
export function paymentReference(paymentId: number, attempt: number): string {
  return `${paymentId}-${attempt}`;
}

/** SM3 over the canonical text of the lines the checksum covers. */
export function instructionChecksum(lines: readonly (readonly string[])[]): string {
  return sm3Hex(lines.map((cells) => `${cells.join('|')}\n`).join(''));
}

/** The file's rows for the batch's attempts (in the order given) and the purpose text, e.g. 2024年失业保险稳岗返还. */
export function buildInstructionFile(lines: readonly InstructionLine[], purpose: string): InstructionFile {
  const body = lines.map((line, index) =>
    guardRow([
      String(index + 1),
      paymentReference(line.paymentId, line.attempt),
      line.recipientName,
      line.recipientCreditCode,
      accountKindLabels[line.accountKind],
      line.bankName ?? '',
      line.accountNo,
      bankYuan(line.amountFen),
      purpose,
    ]),
  );
  const totalFen = sumFen(lines.map((line) => line.amountFen));
  const totals = [TOTALS_LABEL, '笔数', String(lines.length), '合计金额', bankYuan(totalFen)];
  const covered = [[...INSTRUCTION_HEADERS], ...body, totals];
  const checksum = instructionChecksum(covered);
  return { rows: [...covered, [CHECKSUM_LABEL, 'SM3', checksum]], lineCount: lines.length, totalFen, checksum };
}

/**
 * The file's bytes in the format. Both are deterministic: the XLSX is normalised so its bytes depend only on the
 * rows and `documentDate` (its created/modified property).
 */
export async function renderInstructionFile(
  file: InstructionFile,
  format: InstructionFormat,
  documentDate: Date,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'wengang-bank-'));
  try {
    const path = join(dir, `instruction.${format}`);
    const [header, ...rows] = file.rows as [string[], ...ExportCell[][]];
    if (format === 'csv') {
      await writeCsv(path, header, rows);
      return await readFile(path);
    }
    await writeXlsx(path, [
      {
        name: '付款指令',
        columns: header.map((title, index) => ({ header: title, text: true, width: [8, 16, 36, 24, 24, 28, 26, 16, 28][index] })),
        rows,
      },
    ]);
    return canonicalZip(await readFile(path), documentDate);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
