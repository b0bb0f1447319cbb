// The bank instruction file of a batch on both store backends: read back (CSV and XLSX), its totals and SM3 checksum
// recomputed, and a second export byte-identical and recorded once.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/adapters/files/read-table.ts';
import { sm3Hex } from '../../../src/adapters/crypto/sm3.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { Refusal } from '../../../src/domain/refusal.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { insertConfirmedPayments, sendBatch } from '../../support/bank-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';

const HEADERS = [
  '序号',
  '付款流水号',
  '收款单位名称',
  '统一社会信用代码',
  '收款账户类型',
  '开户银行',
  '收款账号',
  '金额（元）',
  '用途',
];
const clock = fixedClock('2024-09-21T10:00:00+08:00');

/** Every row of the file as cell texts, header first (the reader keys cells by header, so rebuild them in order). */
async function rowsOf(path: string): Promise<string[][]> {
  const spec = { columns: HEADERS.map((header) => ({ header, required: true })) };
  const rows: string[][] = [HEADERS];
  for await (const row of readTable(path, spec)) rows.push(HEADERS.map((h) => row.values[h] ?? ''));
  return rows;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`bank instruction file on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-bank-export-');

    const { withStore } = backend;

    for (const format of ['csv', 'xlsx'] as const) {
      it(`writes a ${format} file the bank can check: lines, totals and an SM3 checksum over them`, async () => {
        await withStore(async ({ db }) => {
          const payments = await insertConfirmedPayments(db, [720_000, 150_050, 3_333]);
          const batchId = await sendBatch(
            db,
            payments.map((p) => p.paymentId),
          );
          const file = await exportInstruction(db, { batchId, format, by: '财务王五', clock, cipher: testCipher });
          const path = join(folder(), `batch-${backend.name}.${format}`);
          await writeFile(path, file.bytes);
          if (format === 'csv') expect(file.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');

          const rows = await rowsOf(path);
          const lines = rows.slice(1, -2);
          expect(lines.map((l) => [l[1], l[3], l[7], l[8]])).toEqual(
            payments.map((p) => [`${p.paymentId}-1`, p.creditCode, expect.any(String), '2024年失业保险稳岗返还']),
          );
          expect(lines.map((l) => l[7])).toEqual(['7200.00', '1500.50', '33.33']);
          expect(lines[0]![4]).toBe('单位对公账户');
          const totals = rows.at(-2)!;
          expect(totals.slice(0, 5)).toEqual(['合计', '笔数', '3', '合计金额', '8733.83']);
          const checksum = rows.at(-1)!;
          expect(checksum.slice(0, 2)).toEqual(['校验码', 'SM3']);
          const canonical = rows
            .slice(0, -1)
            .map((cells) => `${cells.filter((_, i) => i < (cells === totals ? 5 : 9)).join('|')}\n`)
            .join('');
          expect(checksum[2]).toBe(sm3Hex(canonical));

          const again = await exportInstruction(db, {
            batchId,
            format,
            by: '财务赵六',
            clock: fixedClock('2024-09-22T15:00:00+08:00'),
            cipher: testCipher,
          });
          expect(again.bytes.equals(file.bytes)).toBe(true);
          const recorded = await db.selectFrom('bank_files').selectAll().where('batch_id', '=', batchId).execute();
          expect(recorded).toEqual([
            expect.objectContaining({
              direction: 'instruction',
              line_count: 3,
              total_fen: 873_383,
              sha256: createHash('sha256').update(file.bytes).digest('hex'),
            }),
          ]);
          expect(
            (await db.selectFrom('payment_batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow()).status,
          ).toBe('exported');
        });
      });
    }

    it('refuses a batch that is not authorised or still has payments not sent', async () => {
      await withStore(async ({ db }) => {
        const [a, b] = await insertConfirmedPayments(db, [10_000, 20_000]);
        const batchId = await sendBatch(db, [a!.paymentId]);
        await db.updateTable('payments').set({ status: 'in_batch', batch_id: batchId }).where('id', '=', b!.paymentId).execute();
        await expect(
          exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher }),
        ).rejects.toThrow(/1 笔支付尚未发送/);
        await db
          .updateTable('payment_batches')
          .set({ status: 'proposed', authorised_by: null, authorised_at: null })
          .where('id', '=', batchId)
          .execute();
        const refused = exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher });
        await expect(refused).rejects.toBeInstanceOf(Refusal);
        await expect(refused).rejects.toThrow(/尚未经第二人授权/);
        expect(await db.selectFrom('bank_files').select('id').execute()).toEqual([]);
      });
    });
  });
}
