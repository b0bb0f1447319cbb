// A failed payment's account corrected by one member of finance and approved by another, then re-issued: the same
// payment row and idempotency key, a second attempt, and a ledger of send / fail / send / settle that balances. The
// correction waits in the list of proposed ones (new account masked) until it is approved.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/refund-case.ts';
import {
  approveAccountCorrection,
  listAccountCorrections,
  proposeAccountCorrection,
} from '../../../src/services/bank/account-correction.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../../src/services/bank/import-return.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { caseState } from '../../support/review-fixtures.ts';
import { insertConfirmedPayments, sendBatch, writeReturnFile } from '../../support/bank-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { opened } from '../../support/sealed-accounts.ts';

const maker: Actor = { kind: 'staff', role: 'finance', name: '财务王五' };
const checker: Actor = { kind: 'staff', role: 'finance', name: '财务赵六' };
const clock = fixedClock('2024-09-24T10:00:00+08:00');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`account correction and re-issue on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-bank-correct-');

    const { withStore } = backend;

    it('re-issues a failed payment under the same row and key after a second person approves the new account', async () => {
      await withStore(async ({ db }) => {
        const [p] = await insertConfirmedPayments(db, [88_800]);
        const { paymentId } = p!;
        const firstBatch = await sendBatch(db, [paymentId]);
        await exportInstruction(db, { batchId: firstBatch, format: 'csv', by: maker.name, clock, cipher: testCipher });
        const failed = await writeReturnFile(join(folder(), `fail-${backend.name}.csv`), [
          [`${paymentId}-1`, '888.00', '失败', 'B1', '账号不存在'],
        ]);
        await importReturnFile(db, { path: failed, fileName: 'fail.csv', by: maker.name, clock });

        const proposal = {
          paymentId,
          accountKind: 'corporate_account' as const,
          bankName: '威海市商业银行',
          accountNo: '8101 2345 6789 0001',
          reason: '单位提供新开户证明',
          actor: maker,
          clock,
          cipher: testCipher,
        };
        const { correctionId } = await proposeAccountCorrection(db, proposal);
        await expect(proposeAccountCorrection(db, proposal)).rejects.toThrow(/已有待审核的账户更正/);
        await expect(approveAccountCorrection(db, { correctionId, actor: maker, clock })).rejects.toThrow(/不能与提交人为同一人/);
        expect(await listAccountCorrections(db, { status: 'proposed' })).toEqual([
          expect.objectContaining({
            correctionId,
            paymentId,
            paymentStatus: 'failed',
            amountFen: 88_800,
            accountMasked: '**** **** **** 0001',
            proposedBy: maker.name,
            approvedBy: null,
          }),
        ]);
        expect(await approveAccountCorrection(db, { correctionId, actor: checker, clock })).toEqual({
          correctionId,
          paymentId,
          attempt: 2,
          status: 'pending',
        });
        expect(await listAccountCorrections(db, { status: 'proposed' })).toEqual([]);
        expect(await listAccountCorrections(db)).toEqual([
          expect.objectContaining({ correctionId, status: 'approved', approvedBy: checker.name }),
        ]);

        const secondBatch = await sendBatch(db, [paymentId]);
        const instruction = await exportInstruction(db, {
          batchId: secondBatch,
          format: 'csv',
          by: maker.name,
          clock,
          cipher: testCipher,
        });
        const text = instruction.bytes.toString('utf8');
        expect(text).toContain(`${paymentId}-2`);
        expect(text).toContain('8101234567890001');
        const paid = await writeReturnFile(join(folder(), `paid-${backend.name}.csv`), [
          [`${paymentId}-2`, '888.00', '成功', 'B2', ''],
        ]);
        expect(await importReturnFile(db, { path: paid, fileName: 'paid.csv', by: maker.name, clock })).toMatchObject({
          status: 'accepted',
          casesPaid: 1,
        });

        const payments = await db.selectFrom('payments').selectAll().execute();
        expect(payments).toHaveLength(1);
        expect(payments[0]).toMatchObject({
          id: paymentId,
          idempotency_key: `refund:2024:${p!.unitId}:${p!.creditCode}`,
          status: 'paid',
          attempt: 2,
          account_masked: '**** **** **** 0001',
        });
        expect(opened(payments[0]!.account_cipher)).toBe('8101234567890001');
        const attempts = await db
          .selectFrom('payment_attempts')
          .select(['attempt', 'status', 'account_cipher', 'batch_id'])
          .orderBy('attempt')
          .execute();
        expect(attempts.map((a) => [a.attempt, a.status, a.batch_id])).toEqual([
          [1, 'failed', firstBatch],
          [2, 'paid', secondBatch],
        ]);
        expect(opened(attempts[0]!.account_cipher)).not.toBe('8101234567890001');
        expect(opened(attempts[1]!.account_cipher)).toBe('8101234567890001');
        const keys = (await db.selectFrom('ledger_transactions').select('key').orderBy('id').execute()).map((t) => t.key);
        expect(keys).toEqual([
          `commit:${paymentId}`,
          `send:${paymentId}:1`,
          `fail:${paymentId}:1`,
          `send:${paymentId}:2`,
          `settle:${paymentId}:2`,
        ]);
        const check = await checkLedger(db);
        expect(check).toMatchObject({ ok: true, violations: [] });
        expect(check.balances.find((b) => b.account === 'bank')!.balanceFen).toBe(88_800);
        expect(await caseState(db, p!.unitId)).toMatchObject({ state: 'paid' });
      });
    });

    it('refuses to correct a payment that has not failed, or by someone outside finance', async () => {
      await withStore(async ({ db }) => {
        const [p] = await insertConfirmedPayments(db, [10_000]);
        const proposal = {
          paymentId: p!.paymentId,
          accountKind: 'corporate_account' as const,
          bankName: null,
          accountNo: '6222000011112222',
          reason: '更正',
          clock,
          cipher: testCipher,
        };
        await expect(proposeAccountCorrection(db, { ...proposal, actor: maker })).rejects.toThrow(
          /只有支付失败或退回的款项可以更正账户/,
        );
        await expect(
          proposeAccountCorrection(db, { ...proposal, actor: { kind: 'staff', role: 'case_worker', name: '经办员张三' } }),
        ).rejects.toThrow(/只有财务人员/);
        expect(await db.selectFrom('account_corrections').select('id').execute()).toEqual([]);
      });
    });
  });
}
