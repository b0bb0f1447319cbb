// Where money moves, the audit trail records who did it: proposing, authorising and rejecting a payment
// batch, sending each payment, exporting the bank instruction file (it carries full account numbers), importing the
// bank's return file (a refused one too), and proposing and approving an account correction — each in the same
// transaction as the change, and the chain verifies.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { auditSubject } from '../../../src/services/audit/audit-subject.ts';
import { searchAudit } from '../../../src/services/audit/search-audit.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { approveAccountCorrection, proposeAccountCorrection } from '../../../src/services/bank/account-correction.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../../src/services/bank/import-return.ts';
import { createPaymentsForConfirmed } from '../../../src/services/payments/create-payments.ts';
import {
  authorisePaymentBatch,
  proposePaymentBatch,
  rejectPaymentBatch,
} from '../../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { checker, clock, confirmedUnits, maker, ROUND } from '../../support/payment-fixtures.ts';
import { writeReturnFile } from '../../support/bank-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { testCipher } from '../../support/sms-fixtures.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`audit of money movements on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('records each step of paying, correcting and re-paying, by the person who took it', async () => {
      const store = await openStore(await backend.freshConfig());
      const dir = await mkdtemp(join(tmpdir(), 'wengang-money-audit-'));
      try {
        const { db } = store;
        await confirmedUnits(db, 2);
        await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        const rejected = await proposePaymentBatch(db, { round: ROUND, actor: maker, clock });
        await rejectPaymentBatch(db, { batchId: rejected.batchId, actor: checker, note: '金额待核', clock });
        const { batchId } = await proposePaymentBatch(db, { round: ROUND, actor: maker, clock });
        await authorisePaymentBatch(db, { batchId, actor: checker, clock });
        await runPaymentBatch(db, { batchId, clock, workerId: 'test' });
        await exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher });
        const sent = await db
          .selectFrom('payments')
          .select(['id', 'attempt', 'amount_fen'])
          .where('batch_id', '=', batchId)
          .orderBy('id')
          .execute();
        const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        const returnFile = await writeReturnFile(join(dir, 'return.csv'), [
          [`${sent[0]!.id}-${sent[0]!.attempt}`, yuan(sent[0]!.amount_fen), '成功', 'B001', ''],
          [`${sent[1]!.id}-${sent[1]!.attempt}`, yuan(sent[1]!.amount_fen), '失败', 'B002', '账户已销户'],
        ]);
        const imported = await importReturnFile(db, { path: returnFile, fileName: 'return.csv', by: '财务赵六', clock });
        expect(imported.status, JSON.stringify(imported)).toBe('accepted');
        const again = await importReturnFile(db, { path: returnFile, fileName: 'return-again.csv', by: '财务赵六', clock });
        expect(again.status).toBe('duplicate');
        const wrong = await writeReturnFile(join(dir, 'wrong.csv'), [['999999-1', '1.00', '成功', 'B009', '']]);
        expect((await importReturnFile(db, { path: wrong, fileName: 'wrong.csv', by: '财务王五', clock })).status).toBe(
          'rejected',
        );

        const failed = await db.selectFrom('payments').select('id').where('status', '=', 'failed').executeTakeFirstOrThrow();
        const { correctionId } = await proposeAccountCorrection(db, {
          paymentId: failed.id,
          accountKind: 'corporate_account',
          bankName: '中国银行威海分行',
          accountNo: '6216600000001234',
          reason: '原账户已销户',
          actor: maker,
          clock,
          cipher: testCipher,
        });
        await approveAccountCorrection(db, { correctionId, actor: checker, clock });

        const { entries } = await searchAudit(db, { action: 'payment_batch.*' });
        expect(entries.map((e) => [e.action, e.actor, e.subject]).reverse()).toEqual([
          ['payment_batch.propose', '财务王五', auditSubject.paymentBatch(rejected.batchId)],
          ['payment_batch.reject', '财务赵六', auditSubject.paymentBatch(rejected.batchId)],
          ['payment_batch.propose', '财务王五', auditSubject.paymentBatch(batchId)],
          ['payment_batch.authorise', '财务赵六', auditSubject.paymentBatch(batchId)],
        ]);
        const bank = (await searchAudit(db, { action: 'bank_file.*' })).entries.map((e) => [e.action, e.actor]).reverse();
        expect(bank).toEqual([
          ['bank_file.export', '财务王五'],
          ['bank_file.import_return', '财务赵六'],
          ['bank_file.import_refused', '财务赵六'],
          ['bank_file.import_refused', '财务王五'],
        ]);
        const refused = (await searchAudit(db, { action: 'bank_file.import_refused' })).entries.map((e) => e.detail).reverse();
        expect(refused).toEqual([
          { fileName: 'return-again.csv', outcome: 'duplicate', batchId },
          { fileName: 'wrong.csv', outcome: 'rejected', errorCount: 1 },
        ]);
        const sends = (await searchAudit(db, { action: 'payment.send' })).entries.reverse();
        expect(sends.map((e) => [e.actor, e.subject, e.detail])).toEqual(
          sent.map((p) => [
            '系统:test',
            auditSubject.payment(p.id),
            { batchId, attempt: 1, amountFen: p.amount_fen, accountKind: 'corporate_account' },
          ]),
        );
        const corrections = (await searchAudit(db, { subject: auditSubject.accountCorrection(correctionId) })).entries;
        expect(corrections.map((e) => [e.action, e.actor]).reverse()).toEqual([
          ['account_correction.propose', '财务王五'],
          ['account_correction.approve', '财务赵六'],
        ]);
        expect(JSON.stringify(corrections)).not.toContain('6216600000001234');
        expect(await verifyAudit(db)).toMatchObject({ ok: true });
      } finally {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
