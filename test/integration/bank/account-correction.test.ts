// A failed payment's account corrected by one member of finance and approved by another, then re-issued: the same
// payment row and idempotency key, a second attempt, and a ledger of send / fail / send / settle that balances. The
// correction waits in the list of proposed ones (new account masked) until it is approved. A person's payment the
// bank returned is corrected the same way, to the person's social security card account, and paid once more only.
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
import { ledgerBalances } from '../../../src/services/ledger/balances.ts';
import { createPersonPayment } from '../../../src/services/payments/create-person-payment.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { caseState } from '../../support/review-fixtures.ts';
import { insertConfirmedPayments, sendBatch, writeReturnFile, type ReturnCells } from '../../support/bank-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { opened } from '../../support/sealed-accounts.ts';
import { insertPerson } from '../../support/person-fixtures.ts';

const maker: Actor = { kind: 'staff', role: 'finance', name: '财务王五' };
const checker: Actor = { kind: 'staff', role: 'finance', name: '财务赵六' };
const clock = fixedClock('2024-09-24T10:00:00+08:00');

/** Proposes, authorises (second person) and sends a batch of the pending skill-subsidy payments; its instruction text. */
async function sendSkillBatch(db: Kysely<Database>): Promise<string> {
  const { batchId } = await proposePaymentBatch(db, { round: '2024', purpose: 'skill_subsidy', actor: maker, clock });
  await authorisePaymentBatch(db, { batchId, actor: checker, clock });
  await runPaymentBatch(db, { batchId, clock, workerId: 't' });
  const file = await exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock, cipher: testCipher });
  return file.bytes.toString('utf8');
}

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

    it("re-issues a person's returned payment once, to the social security card account a second officer approved", async () => {
      await withStore(async ({ db }) => {
        const personId = await insertPerson(db, {
          name: '陈晓东',
          idNumber: '371002198811023316',
          bankAccount: '6217000011110000222',
        });
        const created = await db.transaction().execute((trx) =>
          createPersonPayment(trx, {
            purpose: 'skill_subsidy',
            decision: 'skill-application:1',
            personId,
            amountFen: 150_000,
            round: '2024',
            by: '经办张三',
            at: clock.now(),
          }),
        );
        const paymentId = 'paymentId' in created ? created.paymentId : 0;
        expect(await sendSkillBatch(db)).toContain('6217000011110000222');
        const answer = (name: string, rows: ReturnCells[]) =>
          writeReturnFile(join(folder(), `${name}-${backend.name}.csv`), rows);
        const paid = await answer('person-paid', [[`${paymentId}-1`, '1500.00', '成功', 'P1', '']]);
        await importReturnFile(db, { path: paid, fileName: 'paid.csv', by: maker.name, clock });
        const back = await answer('person-back', [[`${paymentId}-1`, '1500.00', '退回', 'P1', '社会保障卡已挂失换卡']]);
        await importReturnFile(db, { path: back, fileName: 'back.csv', by: maker.name, clock });

        const proposal = {
          paymentId,
          accountKind: 'social_security_card' as const,
          bankName: '威海市商业银行',
          accountNo: '6217 0000 3333 4444 555',
          reason: '本人换领社会保障卡，提供新卡银行账户',
          actor: maker,
          clock,
          cipher: testCipher,
        };
        await expect(proposeAccountCorrection(db, { ...proposal, accountKind: 'corporate_account' })).rejects.toThrow(
          /付给个人，只能更正为本人的个人社会保障卡银行账户/,
        );
        const { correctionId } = await proposeAccountCorrection(db, proposal);
        await expect(approveAccountCorrection(db, { correctionId, actor: maker, clock })).rejects.toThrow(/不能与提交人为同一人/);
        expect(await listAccountCorrections(db, { status: 'proposed' })).toEqual([
          expect.objectContaining({
            correctionId,
            recipientName: '陈晓东',
            paymentStatus: 'returned',
            accountKind: 'social_security_card',
            accountMasked: '**** **** **** 4555',
          }),
        ]);
        await approveAccountCorrection(db, { correctionId, actor: checker, clock });
        await expect(approveAccountCorrection(db, { correctionId, actor: checker, clock })).rejects.toThrow(/已处理/);
        await expect(proposeAccountCorrection(db, proposal)).rejects.toThrow(/只有支付失败或退回的款项可以更正账户/);

        const second = await sendSkillBatch(db);
        expect(second).toContain(`${paymentId}-2`);
        expect(second).toContain('6217000033334444555');
        expect(second).not.toContain('6217000011110000222');
        const again = await answer('person-again', [[`${paymentId}-2`, '1500.00', '成功', 'P2', '']]);
        await importReturnFile(db, { path: again, fileName: 'again.csv', by: maker.name, clock });
        await expect(proposePaymentBatch(db, { round: '2024', purpose: 'skill_subsidy', actor: maker, clock })).rejects.toThrow(
          '没有待支付的款项',
        );

        const payments = await db.selectFrom('payments').selectAll().execute();
        expect(payments).toHaveLength(1);
        expect(payments[0]).toMatchObject({
          id: paymentId,
          idempotency_key: `skill_subsidy:skill-application:1:person:${personId}`,
          person_id: personId,
          account_kind: 'social_security_card',
          status: 'paid',
          attempt: 2,
        });
        expect(opened(payments[0]!.account_cipher)).toBe('6217000033334444555');
        const person = await db
          .selectFrom('persons')
          .select('bank_account_cipher')
          .where('id', '=', personId)
          .executeTakeFirstOrThrow();
        expect(opened(person.bank_account_cipher)).toBe('6217000011110000222');
        const attempts = await db.selectFrom('payment_attempts').select(['attempt', 'status']).orderBy('attempt').execute();
        expect(attempts).toEqual([
          { attempt: 1, status: 'returned' },
          { attempt: 2, status: 'paid' },
        ]);
        expect(await checkLedger(db)).toMatchObject({ ok: true, violations: [] });
        const balance = async (account: string) => (await ledgerBalances(db)).find((b) => b.account === account)?.balanceFen;
        expect(await balance('skill_subsidy_expense')).toBe(150_000);
        expect(await balance('bank')).toBe(150_000);
        expect(await balance('payable')).toBe(0);
      });
    });

    it("refuses to correct a unit's payment to a person's social security card account", async () => {
      await withStore(async ({ db }) => {
        const [p] = await insertConfirmedPayments(db, [20_000]);
        await sendBatch(db, [p!.paymentId]);
        const failed = await writeReturnFile(join(folder(), `unit-fail-${backend.name}.csv`), [
          [`${p!.paymentId}-1`, '200.00', '失败', 'B9', '账号不存在'],
        ]);
        await importReturnFile(db, { path: failed, fileName: 'unit-fail.csv', by: maker.name, clock });
        await expect(
          proposeAccountCorrection(db, {
            paymentId: p!.paymentId,
            accountKind: 'social_security_card',
            bankName: null,
            accountNo: '6217000011112222',
            reason: '更正',
            actor: maker,
            clock,
            cipher: testCipher,
          }),
        ).rejects.toThrow(/付给单位，不能更正为个人社会保障卡银行账户/);
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
