// Exports an authorised payment batch as the bank instruction file (鲁人社发〔2024〕8号 第七条): one line per attempt
// sent in the batch, with the account snapshot of the attempt. The file is recorded in bank_files by its SHA-256 and
// the batch moves authorised → exported. Exporting again yields the same bytes and records nothing new.
// A person's account number is kept encrypted on the attempt: the file is the one place it is decrypted (audited).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  buildInstructionFile,
  renderInstructionFile,
  type InstructionFormat,
  type InstructionLine,
} from '../../adapters/bank/instruction-file.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { Refusal } from '../../domain/refusal.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';
import { paymentPurposeLabels } from '../../domain/vocabulary/payment-purposes.ts';

export interface ExportRequest {
  batchId: number;
  format: InstructionFormat;
  /** Who exports (recorded in bank_files). */
  by: string;
  clock: Clock;
  /** Opens the sealed account numbers: the file is the one place they are written in full. */
  cipher: FieldCipher;
}

export interface ExportedFile {
  batchId: number;
  fileName: string;
  format: InstructionFormat;
  bytes: Buffer;
  sha256: string;
  checksum: string;
  lineCount: number;
  totalFen: Fen;
}

const EXPORTABLE = ['authorised', 'exported', 'reconciled'] as const;

/** The purpose written on every line, e.g. 2024年失业保险稳岗返还, 2024年技能提升补贴. */
export function paymentPurpose(round: string, purpose: PaymentPurpose = 'job_retention_refund'): string {
  return `${round}年${paymentPurposeLabels[purpose]}`;
}

function fileNameOf(batchId: number, purpose: PaymentPurpose, format: InstructionFormat): string {
  return `${purpose === 'job_retention_refund' ? '稳岗返还' : paymentPurposeLabels[purpose]}付款指令-批次${batchId}.${format}`;
}

async function batchLines(db: Kysely<Database>, batchId: number, cipher: FieldCipher): Promise<InstructionLine[]> {
  const rows = await db
    .selectFrom('payment_attempts as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select([
      'a.payment_id',
      'a.attempt',
      'p.recipient_name',
      'p.recipient_credit_code',
      'a.account_kind',
      'a.bank_name',
      'a.account_cipher',
      'a.amount_fen',
    ])
    .where('a.batch_id', '=', batchId)
    .orderBy('a.payment_id')
    .orderBy('a.attempt')
    .execute();
  return rows.map((r) => ({
    paymentId: r.payment_id,
    attempt: r.attempt,
    recipientName: r.recipient_name,
    recipientCreditCode: r.recipient_credit_code,
    accountKind: r.account_kind,
    bankName: r.bank_name,
    accountNo: cipher.decrypt(r.account_cipher),
    amountFen: r.amount_fen,
  }));
}

export async function exportInstruction(db: Kysely<Database>, request: ExportRequest): Promise<ExportedFile> {
  const { batchId, format } = request;
  const batch = await db.selectFrom('payment_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new Refusal('NOT_FOUND', `付款批次 ${batchId} 不存在`);
  if (!(EXPORTABLE as readonly string[]).includes(batch.status) || !batch.authorised_at) {
    throw new Refusal('CONFLICT', `付款批次 ${batchId} 尚未经第二人授权，不能导出银行付款指令`);
  }
  const unsent = await db
    .selectFrom('payments')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('status', 'in', ['pending', 'in_batch'])
    .orderBy('id')
    .execute();
  if (unsent.length) {
    throw new Refusal(
      'CONFLICT',
      `付款批次 ${batchId} 中有 ${unsent.length} 笔支付尚未发送（支付编号 ${unsent
        .slice(0, 10)
        .map((p) => p.id)
        .join('、')}），请先完成支付处理`,
    );
  }
  const lines = await batchLines(db, batchId, request.cipher);
  if (!lines.length) throw new Refusal('CONFLICT', `付款批次 ${batchId} 没有已发送的支付，无法导出`);
  const file = buildInstructionFile(lines, paymentPurpose(batch.round, batch.purpose));
  const bytes = await renderInstructionFile(file, format, new Date(batch.authorised_at));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = fileNameOf(batchId, batch.purpose, format);
  await db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    await trx
      .insertInto('bank_files')
      .values({
        batch_id: batchId,
        direction: 'instruction',
        file_name: fileName,
        sha256,
        line_count: file.lineCount,
        total_fen: file.totalFen,
        created_by: request.by,
        created_at: request.clock.now(),
      })
      .onConflict((oc) => oc.columns(['direction', 'sha256']).doNothing())
      .execute();
    await trx
      .updateTable('payment_batches')
      .set({ status: 'exported' })
      .where('id', '=', batchId)
      .where('status', '=', 'authorised')
      .execute();
    // The file carries full account numbers: every export is a read of them.
    await appendAudit(trx, {
      actor: request.by,
      action: 'bank_file.export',
      subject: auditSubject.paymentBatch(batchId),
      at: request.clock.now(),
      detail: { format, sha256, lineCount: file.lineCount, totalFen: file.totalFen },
    });
  });
  return {
    batchId,
    fileName,
    format,
    bytes,
    sha256,
    checksum: file.checksum,
    lineCount: file.lineCount,
    totalFen: file.totalFen,
  };
}
