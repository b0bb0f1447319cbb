// The reconciliation report of a payment batch (鲁人社发〔2024〕8号 第八条：规范资金管理): every difference between
// what was instructed and what the bank answered. Without a file it reads the answers already imported; with a return
// file it compares that file against the batch without importing it (lines for unknown attempts, wrong amounts,
// attempts of the batch absent from the file, totals). The report can be written as XLSX.
import type { Kysely } from 'kysely';
import { paymentReference } from '../../adapters/bank/instruction-file.ts';
import { outcomeLabels, type BankOutcome, type ReturnLine } from '../../adapters/bank/return-file.ts';
import { TableFileError } from '../../adapters/files/table-errors.ts';
import { ValidationReport } from '../../adapters/files/validate-rows.ts';
import { writeXlsx, type ExportCell } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { differenceLabels, type DifferenceKind } from '../../domain/vocabulary/reconciliation.ts';
import type { PaymentBatchStatus } from '../../domain/vocabulary/payments.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import { Refusal } from '../../domain/refusal.ts';
import { readReturnLines } from './read-return-lines.ts';

export type { DifferenceKind };

export interface Difference {
  kind: DifferenceKind;
  reference: string | null;
  recipientName: string | null;
  instructedFen: Fen | null;
  answeredFen: Fen | null;
  message: string;
}

interface Tally {
  count: number;
  totalFen: Fen;
}

export interface ReconciliationReport {
  batchId: number;
  batchStatus: PaymentBatchStatus;
  source: 'imported' | 'file';
  instructed: Tally;
  answered: Record<BankOutcome, Tally>;
  unanswered: Tally;
  differences: Difference[];
  /** No differences: every instructed line was paid, at its amount. */
  balanced: boolean;
}

interface Attempt {
  reference: string;
  recipientName: string;
  amountFen: Fen;
  status: 'sent' | BankOutcome;
  bankReason: string | null;
}

function tally(amounts: readonly Fen[]): Tally {
  return { count: amounts.length, totalFen: sumFen(amounts) };
}

async function batchAttempts(db: Kysely<Database>, batchId: number): Promise<Attempt[]> {
  const rows = await db
    .selectFrom('payment_attempts as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select(['a.payment_id', 'a.attempt', 'p.recipient_name', 'a.amount_fen', 'a.status', 'a.bank_reason'])
    .where('a.batch_id', '=', batchId)
    .orderBy('a.payment_id')
    .orderBy('a.attempt')
    .execute();
  return rows.map((r) => ({
    reference: paymentReference(r.payment_id, r.attempt),
    recipientName: r.recipient_name,
    amountFen: r.amount_fen,
    status: r.status,
    bankReason: r.bank_reason,
  }));
}

/** The bank's answers as already imported: one answer per attempt that is no longer `sent`. */
function importedAnswers(attempts: readonly Attempt[]): ReturnLine[] {
  return attempts
    .filter((a) => a.status !== 'sent')
    .map((a) => {
      const [paymentId, attempt] = a.reference.split('-').map(Number) as [number, number];
      return {
        paymentId,
        attempt,
        amountFen: a.amountFen,
        outcome: a.status as BankOutcome,
        bankReference: null,
        bankReason: a.bankReason,
      };
    });
}

async function fileAnswers(path: string, differences: Difference[]): Promise<ReturnLine[]> {
  const report = new ValidationReport();
  const invalid = (message: string) =>
    differences.push({ kind: 'invalid', reference: null, recipientName: null, instructedFen: null, answeredFen: null, message });
  try {
    const lines = await readReturnLines(path, report);
    for (const error of report.errors)
      invalid(`第 ${error.row} 行「${error.column}」${error.value ? `（${error.value}）` : ''}：${error.message}`);
    return lines.map((l) => l.line);
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    invalid(`无法读取银行回单：${error.message}`);
    return [];
  }
}

export async function reconcileBatch(
  db: Kysely<Database>,
  request: { batchId: number; returnFile?: string },
): Promise<ReconciliationReport> {
  const { batchId } = request;
  const batch = await db.selectFrom('payment_batches').select('status').where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new Refusal('NOT_FOUND', `付款批次 ${batchId} 不存在`);
  const attempts = await batchAttempts(db, batchId);
  const differences: Difference[] = [];
  const answers = request.returnFile ? await fileAnswers(request.returnFile, differences) : importedAnswers(attempts);
  const byReference = new Map(attempts.map((a) => [a.reference, a]));
  const answered = new Set<string>();
  const counted: Record<BankOutcome, Fen[]> = { paid: [], failed: [], returned: [] };
  for (const answer of answers) {
    const reference = paymentReference(answer.paymentId, answer.attempt);
    const attempt = byReference.get(reference);
    const difference = (kind: DifferenceKind, message: string) =>
      differences.push({
        kind,
        reference,
        recipientName: attempt?.recipientName ?? null,
        instructedFen: attempt?.amountFen ?? null,
        answeredFen: answer.amountFen,
        message,
      });
    if (!attempt) {
      difference('unknown', `付款流水号 ${reference} 不在付款批次 ${batchId} 的付款指令中`);
      continue;
    }
    answered.add(reference);
    counted[answer.outcome].push(answer.amountFen);
    if (answer.amountFen !== attempt.amountFen) {
      difference('amount', `回单金额 ${formatYuan(answer.amountFen)} 元，付款指令金额 ${formatYuan(attempt.amountFen)} 元`);
    }
    if (answer.outcome !== 'paid')
      difference(answer.outcome, `银行${outcomeLabels[answer.outcome]}：${answer.bankReason ?? '未说明原因'}`);
  }
  const missing = attempts.filter((a) => !answered.has(a.reference));
  for (const a of missing) {
    differences.push({
      kind: 'unanswered',
      reference: a.reference,
      recipientName: a.recipientName,
      instructedFen: a.amountFen,
      answeredFen: null,
      message: '付款指令已发出，回单中没有这笔',
    });
  }
  const instructed = tally(attempts.map((a) => a.amountFen));
  const answeredTallies = { paid: tally(counted.paid), failed: tally(counted.failed), returned: tally(counted.returned) };
  const answeredTotal = sumFen(Object.values(answeredTallies).map((t) => t.totalFen));
  if (answeredTotal !== instructed.totalFen || answers.length !== attempts.length) {
    differences.push({
      kind: 'totals',
      reference: null,
      recipientName: null,
      instructedFen: instructed.totalFen,
      answeredFen: answeredTotal,
      message: `付款指令 ${instructed.count} 笔 ${formatYuan(instructed.totalFen)} 元，回单 ${answers.length} 笔 ${formatYuan(answeredTotal)} 元`,
    });
  }
  return {
    batchId,
    batchStatus: batch.status,
    source: request.returnFile ? 'file' : 'imported',
    instructed,
    answered: answeredTallies,
    unanswered: tally(missing.map((a) => a.amountFen)),
    differences,
    balanced: differences.length === 0,
  };
}

const yuanCell = (fen: Fen | null): ExportCell => (fen === null ? null : formatYuan(fen));

/** The report as XLSX: a 汇总 sheet and a 差异明细 sheet. */
export async function writeReconciliationXlsx(report: ReconciliationReport, path: string): Promise<void> {
  const summary: ExportCell[][] = [
    ['付款指令', report.instructed.count, formatYuan(report.instructed.totalFen)],
    ...(['paid', 'failed', 'returned'] as const).map((o): ExportCell[] => [
      `银行${outcomeLabels[o]}`,
      report.answered[o].count,
      formatYuan(report.answered[o].totalFen),
    ]),
    ['银行未回单', report.unanswered.count, formatYuan(report.unanswered.totalFen)],
    ['差异', report.differences.length, null],
  ];
  await writeXlsx(path, [
    {
      name: `批次${report.batchId}汇总`,
      columns: [
        { header: '项目', width: 16 },
        { header: '笔数', width: 10 },
        { header: '金额（元）', width: 18 },
      ],
      rows: summary,
    },
    {
      name: '差异明细',
      columns: [
        { header: '类型', width: 16 },
        { header: '付款流水号', width: 16 },
        { header: '收款单位名称', width: 36 },
        { header: '指令金额（元）', width: 18 },
        { header: '回单金额（元）', width: 18 },
        { header: '说明', width: 60 },
      ],
      rows: report.differences.map((d) => [
        differenceLabels[d.kind],
        d.reference,
        d.recipientName,
        yuanCell(d.instructedFen),
        yuanCell(d.answeredFen),
        d.message,
      ]),
    },
  ]);
}

export function differenceLabel(kind: DifferenceKind): string {
  return differenceLabels[kind];
}
