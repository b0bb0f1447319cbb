// Imports a bank return file, all or nothing (鲁人社发〔2024〕8号 第八条：规范资金管理): every line must name a payment
// attempt sent to the bank, with the same amount, all in one batch; otherwise the file is rejected whole with a
// Chinese report of every problem and nothing changes. The same file imported twice changes nothing: the file is
// known by its SHA-256 (bank_files is unique on it) and every ledger posting by its key. Every file is audited:
// an accepted one with its batch (`bank_file.import_return`), a refused one by its digest (`bank_file.import_refused`).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Kysely } from 'kysely';
import { paymentReference } from '../../adapters/bank/instruction-file.ts';
import { outcomeLabels } from '../../adapters/bank/return-file.ts';
import { TableFileError, type RowError } from '../../adapters/files/table-errors.ts';
import { ValidationReport } from '../../adapters/files/validate-rows.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { paymentStatusLabel, type PaymentStatus } from '../../domain/vocabulary/payments.ts';
import { applyReturnLine, markCasePaidWhenSettled } from './apply-return.ts';
import { readReturnLines, REFERENCE_COLUMN, type NumberedLine } from './read-return-lines.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';

export interface ReturnImportRequest {
  path: string;
  fileName: string;
  by: string;
  clock: Clock;
}

export type ReturnImportResult =
  | {
      status: 'accepted';
      fileId: number;
      batchId: number;
      lineCount: number;
      totalFen: Fen;
      paid: number;
      failed: number;
      returned: number;
      casesPaid: number;
    }
  | { status: 'duplicate'; fileId: number; batchId: number; message: string }
  | { status: 'rejected'; message: string; errorCount: number; errors: RowError[] };

const LOOKUP_CHUNK = 1000;

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function rejected(errors: RowError[], errorCount = errors.length): ReturnImportResult {
  return { status: 'rejected', message: `银行回单有 ${errorCount} 处问题，整个文件未导入，请核对后重新导入`, errorCount, errors };
}

interface AttemptState {
  batchId: number;
  amountFen: Fen;
  status: string;
}

async function attemptsOf(db: Kysely<Database>, lines: readonly NumberedLine[]): Promise<Map<string, AttemptState>> {
  const found = new Map<string, AttemptState>();
  const paymentIds = [...new Set(lines.map((l) => l.line.paymentId))];
  for (let i = 0; i < paymentIds.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom('payment_attempts')
      .select(['payment_id', 'attempt', 'batch_id', 'amount_fen', 'status'])
      .where('payment_id', 'in', paymentIds.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const r of rows)
      found.set(paymentReference(r.payment_id, r.attempt), { batchId: r.batch_id, amountFen: r.amount_fen, status: r.status });
  }
  return found;
}

/** Every line against the attempts it names: unknown, already answered, wrong amount, or another batch. */
async function matchLines(
  db: Kysely<Database>,
  lines: readonly NumberedLine[],
  report: ValidationReport,
): Promise<number | undefined> {
  const attempts = await attemptsOf(db, lines);
  let batchId: number | undefined;
  for (const { rowNumber, line } of lines) {
    const reference = paymentReference(line.paymentId, line.attempt);
    const attempt = attempts.get(reference);
    const problem = (column: string, value: string, message: string) => report.add({ row: rowNumber, column, value, message });
    if (!attempt) {
      problem(REFERENCE_COLUMN, reference, '没有这笔付款指令');
      continue;
    }
    const answerable = attempt.status === 'sent' || (line.outcome === 'returned' && attempt.status === 'paid');
    if (!answerable)
      problem(
        REFERENCE_COLUMN,
        reference,
        `该笔付款已对账为「${paymentStatusLabel[attempt.status as PaymentStatus]}」，不能再按「${outcomeLabels[line.outcome]}」处理`,
      );
    if (attempt.amountFen !== line.amountFen) {
      problem('金额（元）', formatYuan(line.amountFen), `金额与付款指令不符：付款指令金额为 ${formatYuan(attempt.amountFen)} 元`);
    }
    batchId ??= attempt.batchId;
    if (attempt.batchId !== batchId)
      problem(
        REFERENCE_COLUMN,
        reference,
        `属于付款批次 ${attempt.batchId}，与本文件其他行的批次 ${batchId} 不同；一个回单文件只能对应一个批次`,
      );
  }
  if (batchId !== undefined) {
    const batch = await db.selectFrom('payment_batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow();
    if (batch.status !== 'exported' && batch.status !== 'reconciled') {
      report.add({ row: 1, column: '', value: '', message: `付款批次 ${batchId} 尚未导出付款指令，不能导入回单` });
    }
  }
  return batchId;
}

/** Imports the file; a file refused (rejected, or imported before) is audited too, by its SHA-256 and name. */
export async function importReturnFile(db: Kysely<Database>, request: ReturnImportRequest): Promise<ReturnImportResult> {
  const sha256 = await fileSha256(request.path);
  const result = await importKnownFile(db, request, sha256);
  if (result.status !== 'accepted') {
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: request.by,
        action: 'bank_file.import_refused',
        subject: auditSubject.bankFile(sha256),
        at: request.clock.now(),
        detail: {
          fileName: request.fileName,
          outcome: result.status,
          ...(result.status === 'rejected' ? { errorCount: result.errorCount } : { batchId: result.batchId }),
        },
      }),
    );
  }
  return result;
}

async function importKnownFile(db: Kysely<Database>, request: ReturnImportRequest, sha256: string): Promise<ReturnImportResult> {
  const known = await db
    .selectFrom('bank_files')
    .select(['id', 'batch_id'])
    .where('direction', '=', 'return')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  const duplicate = (fileId: number, batchId: number): ReturnImportResult => ({
    status: 'duplicate',
    fileId,
    batchId,
    message: `该回单文件已于此前导入（文件编号 ${fileId}，付款批次 ${batchId}），本次未做任何变更`,
  });
  if (known) return duplicate(known.id, known.batch_id);

  const report = new ValidationReport();
  let lines: NumberedLine[];
  try {
    lines = await readReturnLines(request.path, report);
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    const errors = error.problems.length ? [...error.problems] : [{ row: 1, column: '', value: '', message: error.message }];
    return { status: 'rejected', message: `无法读取银行回单：${error.message}`, errorCount: errors.length, errors };
  }
  if (report.rowCount === 0) return rejected([{ row: 1, column: '', value: '', message: '回单文件没有数据行' }]);
  const batchId = await matchLines(db, lines, report);
  if (!report.ok || batchId === undefined) return rejected(report.errors, report.errorCount);

  const at = request.clock.now();
  const totalFen = sumFen(lines.map((l) => l.line.amountFen));
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const file = await trx
      .insertInto('bank_files')
      .values({
        batch_id: batchId,
        direction: 'return',
        file_name: request.fileName,
        sha256,
        line_count: lines.length,
        total_fen: totalFen,
        created_by: request.by,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['direction', 'sha256']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!file) {
      const other = await trx
        .selectFrom('bank_files')
        .select('id')
        .where('direction', '=', 'return')
        .where('sha256', '=', sha256)
        .executeTakeFirstOrThrow();
      return duplicate(other.id, batchId);
    }
    const units = new Map<string, { round: string; unitId: number }>();
    const counts = { paid: 0, failed: 0, returned: 0 };
    for (const { line } of lines) {
      const applied = await applyReturnLine(trx, line, at, request.by);
      counts[line.outcome]++;
      // A unit's refund case follows its payments; a person's grant reads its payment's state.
      if (line.outcome === 'paid' && applied.unitId !== null)
        units.set(`${applied.round}:${applied.unitId}`, { round: applied.round, unitId: applied.unitId });
    }
    let casesPaid = 0;
    for (const unit of units.values()) {
      if (await markCasePaidWhenSettled(trx, unit.round, unit.unitId, at, request.by)) casesPaid++;
    }
    const open = await trx
      .selectFrom('payment_attempts')
      .select('payment_id')
      .where('batch_id', '=', batchId)
      .where('status', '=', 'sent')
      .limit(1)
      .executeTakeFirst();
    if (!open)
      await trx
        .updateTable('payment_batches')
        .set({ status: 'reconciled' })
        .where('id', '=', batchId)
        .where('status', '=', 'exported')
        .execute();
    await appendAudit(trx, {
      actor: request.by,
      action: 'bank_file.import_return',
      subject: auditSubject.paymentBatch(batchId),
      at,
      detail: { sha256, lineCount: lines.length, ...counts },
    });
    return { status: 'accepted', fileId: file.id, batchId, lineCount: lines.length, totalFen, ...counts, casesPaid };
  });
}
