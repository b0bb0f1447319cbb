// Bank return files on both store backends: paid, failed and returned lines reconciled into attempts, payments, the
// ledger and the refund case; a wrong amount rejects the whole file; the same file twice changes nothing; the
// reconciliation report lists every difference.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../../src/services/bank/import-return.ts';
import { reconcileBatch, writeReconciliationXlsx } from '../../../src/services/bank/reconcile-batch.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { caseState } from '../../support/review-fixtures.ts';
import { insertConfirmedPayments, sendBatch, writeReturnFile, type FixturePayment } from '../../support/bank-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';

const clock = fixedClock('2024-09-23T10:00:00+08:00');

async function exportedBatch(db: Kysely<Database>, amounts: number[]): Promise<{ batchId: number; payments: FixturePayment[] }> {
  const payments = await insertConfirmedPayments(db, amounts);
  const batchId = await sendBatch(
    db,
    payments.map((p) => p.paymentId),
  );
  await exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher });
  return { batchId, payments };
}

async function ledgerKeys(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('ledger_transactions').select('key').orderBy('id').execute()).map((t) => t.key);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`bank return import on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-bank-return-');

    const { withStore } = backend;

    it('reconciles a success, a failure and a return, and only the paid unit’s case becomes paid', async () => {
      await withStore(async ({ db }) => {
        const {
          batchId,
          payments: [paid, failed, returned],
        } = await exportedBatch(db, [720_000, 150_050, 3_333]);
        const path = await writeReturnFile(join(folder(), `mixed-${backend.name}.csv`), [
          [`${paid!.paymentId}-1`, '7,200.00', '成功', 'B001', ''],
          [`${failed!.paymentId}-1`, '1500.50', '失败', 'B002', '账户已销户'],
          [`${returned!.paymentId}-1`, '33.33', '退回', 'B003', '户名与账号不符'],
        ]);
        const result = await importReturnFile(db, { path, fileName: '回单.csv', by: '财务王五', clock });
        expect(result).toMatchObject({
          status: 'accepted',
          batchId,
          lineCount: 3,
          totalFen: 873_383,
          paid: 1,
          failed: 1,
          returned: 1,
          casesPaid: 1,
        });

        const payments = await db.selectFrom('payments').select(['id', 'status']).orderBy('id').execute();
        expect(payments.map((p) => p.status)).toEqual(['paid', 'failed', 'returned']);
        const attempt = await db
          .selectFrom('payment_attempts')
          .select(['status', 'bank_reason', 'bank_reference'])
          .where('payment_id', '=', failed!.paymentId)
          .executeTakeFirstOrThrow();
        expect(attempt).toEqual({ status: 'failed', bank_reason: '账户已销户', bank_reference: 'B002' });
        expect(await caseState(db, paid!.unitId)).toMatchObject({ state: 'paid' });
        expect(await caseState(db, failed!.unitId)).toMatchObject({ state: 'confirmed' });
        const event = await db
          .selectFrom('refund_case_events')
          .select(['action', 'actor'])
          .where('unit_id', '=', paid!.unitId)
          .executeTakeFirstOrThrow();
        expect(event).toEqual({ action: 'pay', actor: '财务王五' });
        expect(await ledgerKeys(db)).toEqual(
          expect.arrayContaining([`settle:${paid!.paymentId}:1`, `fail:${failed!.paymentId}:1`, `fail:${returned!.paymentId}:1`]),
        );
        expect((await db.selectFrom('payment_batches').select('status').executeTakeFirstOrThrow()).status).toBe('reconciled');
        expect(await checkLedger(db)).toMatchObject({ ok: true, violations: [] });

        const report = await reconcileBatch(db, { batchId });
        expect(report.differences.map((d) => [d.kind, d.reference])).toEqual([
          ['failed', `${failed!.paymentId}-1`],
          ['returned', `${returned!.paymentId}-1`],
        ]);
        expect(report.answered.paid).toEqual({ count: 1, totalFen: 720_000 });
      });
    });

    it('posts a return, not a failure, when a settled payment comes back later', async () => {
      await withStore(async ({ db }) => {
        const {
          payments: [p],
        } = await exportedBatch(db, [50_000]);
        const first = await writeReturnFile(join(folder(), `paid-${backend.name}.csv`), [
          [`${p!.paymentId}-1`, '500', '成功', 'B1', ''],
        ]);
        await importReturnFile(db, { path: first, fileName: 'a.csv', by: '财务王五', clock });
        const later = await writeReturnFile(join(folder(), `later-${backend.name}.csv`), [
          [`${p!.paymentId}-1`, '500.00', '退回', 'B1R', '收款行退回'],
        ]);
        expect(await importReturnFile(db, { path: later, fileName: 'b.csv', by: '财务王五', clock })).toMatchObject({
          status: 'accepted',
          returned: 1,
        });
        expect(await ledgerKeys(db)).toEqual([
          `commit:${p!.paymentId}`,
          `send:${p!.paymentId}:1`,
          `settle:${p!.paymentId}:1`,
          `return:${p!.paymentId}:1`,
        ]);
        expect(await checkLedger(db)).toMatchObject({ ok: true });
      });
    });

    it('rejects the whole file when one line has the wrong amount or names no instruction, and changes nothing', async () => {
      await withStore(async ({ db }) => {
        const {
          payments: [a, b],
        } = await exportedBatch(db, [720_000, 150_050]);
        const path = await writeReturnFile(join(folder(), `wrong-${backend.name}.csv`), [
          [`${a!.paymentId}-1`, '7200.00', '成功', 'B001', ''],
          [`${b!.paymentId}-1`, '1500.05', '成功', 'B002', ''],
          ['99999-1', '1.00', '成功', 'B003', ''],
        ]);
        const before = await ledgerKeys(db);
        const result = await importReturnFile(db, { path, fileName: '回单.csv', by: '财务王五', clock });
        expect(result.status).toBe('rejected');
        if (result.status !== 'rejected') return;
        expect(result.errors).toEqual([
          expect.objectContaining({
            row: 3,
            column: '金额（元）',
            message: expect.stringContaining('付款指令金额为 1,500.50 元'),
          }),
          expect.objectContaining({ row: 4, column: '付款流水号', value: '99999-1', message: '没有这笔付款指令' }),
        ]);
        expect(result.message).toContain('整个文件未导入');
        expect((await db.selectFrom('payments').select('status').execute()).map((p) => p.status)).toEqual(['sent', 'sent']);
        expect(await ledgerKeys(db)).toEqual(before);
        expect(await db.selectFrom('bank_files').select('id').where('direction', '=', 'return').execute()).toEqual([]);
      });
    });

    it('imports the same file twice with no second effect', async () => {
      await withStore(async ({ db }) => {
        const {
          payments: [p],
        } = await exportedBatch(db, [12_345]);
        const path = await writeReturnFile(join(folder(), `twice-${backend.name}.csv`), [
          [`${p!.paymentId}-1`, '123.45', '成功', 'B9', ''],
        ]);
        const first = await importReturnFile(db, { path, fileName: '回单.csv', by: '财务王五', clock });
        const keys = await ledgerKeys(db);
        const second = await importReturnFile(db, { path, fileName: '回单（重复）.csv', by: '财务赵六', clock });
        expect(second).toMatchObject({ status: 'duplicate', fileId: first.status === 'accepted' ? first.fileId : -1 });
        expect(await ledgerKeys(db)).toEqual(keys);
        expect(await db.selectFrom('bank_files').select('id').where('direction', '=', 'return').execute()).toHaveLength(1);
        expect(await checkLedger(db)).toMatchObject({ ok: true });
      });
    });

    it('reports every difference between a return file and the batch without importing it, also as XLSX', async () => {
      await withStore(async ({ db }) => {
        const {
          batchId,
          payments: [a, b, c],
        } = await exportedBatch(db, [10_000, 20_000, 30_000]);
        const path = await writeReturnFile(join(folder(), `diff-${backend.name}.csv`), [
          [`${a!.paymentId}-1`, '100.00', '成功', 'B1', ''],
          [`${b!.paymentId}-1`, '200.01', '成功', 'B2', ''],
          ['424242-1', '5.00', '成功', 'B4', ''],
        ]);
        const report = await reconcileBatch(db, { batchId, returnFile: path });
        expect(report.differences.map((d) => [d.kind, d.reference])).toEqual([
          ['amount', `${b!.paymentId}-1`],
          ['unknown', '424242-1'],
          ['unanswered', `${c!.paymentId}-1`],
          ['totals', null],
        ]);
        expect(report.balanced).toBe(false);
        expect((await db.selectFrom('payments').select('status').execute()).every((p) => p.status === 'sent')).toBe(true);

        const xlsx = join(folder(), `report-${backend.name}.xlsx`);
        await writeReconciliationXlsx(report, xlsx);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(xlsx);
        const detail = workbook.getWorksheet('差异明细')!;
        expect(detail.rowCount).toBe(5);
        expect(detail.getRow(2).getCell(1).value).toBe('金额不符');
      });
    });
  });
}
