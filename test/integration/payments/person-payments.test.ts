// Payments to a person's social security card account on both store backends: one payment per (decision, purpose,
// person) however often it is created, the commitment debiting the purpose's expense account, a batch of one purpose
// through maker-checker, the bank file with the account decrypted, the return file and a balanced ledger check.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { exportInstruction } from '../../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../../src/services/bank/import-return.ts';
import { ledgerBalances } from '../../../src/services/ledger/balances.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { createPersonPayment, type PersonPaymentRequest } from '../../../src/services/payments/create-person-payment.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { checker, clock, maker } from '../../support/payment-fixtures.ts';
import { insertPerson, testCipher } from '../../support/person-fixtures.ts';
import { writeReturnFile } from '../../support/bank-fixtures.ts';

const ACCOUNT = '6217000012345678901';

function request(personId: number, amountFen: number, decision = 'skill-application:1'): PersonPaymentRequest {
  return { purpose: 'skill_subsidy', decision, personId, amountFen, round: '2024', by: '经办张三', at: clock.now() };
}

const create = (db: Kysely<Database>, r: PersonPaymentRequest) => db.transaction().execute((trx) => createPersonPayment(trx, r));

async function balanceOf(db: Kysely<Database>, account: string): Promise<number> {
  return (await ledgerBalances(db)).find((b) => b.account === account)!.balanceFen;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`person payments on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-person-pay-');

    it('creates one payment per decision and person, however often it is asked, and keeps the account encrypted', async () => {
      await backend.withStore(async ({ db }) => {
        const personId = await insertPerson(db, { name: '李四', idNumber: '371002199001011234', bankAccount: ACCOUNT });
        const results = await Promise.all([create(db, request(personId, 150_000)), create(db, request(personId, 150_000))]);
        const ids = results.map((r) => ('paymentId' in r ? r.paymentId : 0));
        expect(ids[0]).toBeGreaterThan(0);
        expect(ids[1]).toBe(ids[0]);
        expect(results.filter((r) => 'created' in r && r.created)).toHaveLength(1);
        const rows = await db.selectFrom('payments').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          person_id: personId,
          unit_id: null,
          role: 'person',
          account_kind: 'social_security_card',
          purpose: 'skill_subsidy',
        });
        expect(rows[0]!.account_masked).not.toContain('12345678');
        expect(testCipher.decrypt(rows[0]!.account_cipher!)).toBe(ACCOUNT);
        expect(await balanceOf(db, 'skill_subsidy_expense')).toBe(150_000);
        expect(await balanceOf(db, 'fund')).toBe(0);
        expect(await checkLedger(db)).toMatchObject({ ok: true, violations: [] });
      });
    });

    it('holds a person without a social security card account, and refuses a payment to both a unit and a person', async () => {
      await backend.withStore(async ({ db }) => {
        const personId = await insertPerson(db, { name: '王五', idNumber: '371002199202021235' });
        expect(await create(db, request(personId, 150_000))).toEqual({ held: expect.stringContaining('社会保障卡') });
        await expect(
          db
            .insertInto('payments')
            .values({
              idempotency_key: 'x',
              round: '2024',
              person_id: personId,
              purpose: 'skill_subsidy',
              recipient_credit_code: 'x',
              recipient_name: '王五',
              role: 'person',
              amount_fen: 1,
              account_kind: 'corporate_account',
              account_cipher: Buffer.from('1'),
              account_masked: '1',
              status: 'pending',
              region_code: '371002',
            })
            .execute(),
        ).rejects.toThrow(/payments_person_account_check/);
        expect(await db.selectFrom('payments').select('id').execute()).toEqual([]);
      });
    });

    it('pays a skill-subsidy batch through maker-checker, the bank file and its return, and the ledger balances', async () => {
      await backend.withStore(async ({ db }) => {
        const a = await insertPerson(db, { name: '赵一', idNumber: '371002198803031236', bankAccount: ACCOUNT });
        const b = await insertPerson(db, { name: '钱二', idNumber: '371002198804041237', bankAccount: '6217000098765432109' });
        const pa = await create(db, request(a, 100_000, 'skill-application:1'));
        const pb = await create(db, request(b, 200_000, 'skill-application:2'));
        const [idA, idB] = [pa, pb].map((r) => ('paymentId' in r ? r.paymentId : 0));
        await expect(proposePaymentBatch(db, { round: '2024', actor: maker, clock })).rejects.toThrow('没有待支付的款项');
        const batch = await proposePaymentBatch(db, { round: '2024', purpose: 'skill_subsidy', actor: maker, clock });
        expect(batch).toMatchObject({ paymentCount: 2, totalFen: 300_000 });
        await authorisePaymentBatch(db, { batchId: batch.batchId, actor: checker, clock });
        await runPaymentBatch(db, { batchId: batch.batchId, clock, workerId: 't' });
        const file = await exportInstruction(db, {
          batchId: batch.batchId,
          format: 'csv',
          by: '财务王五',
          clock,
          cipher: testCipher,
        });
        const text = file.bytes.toString('utf8');
        expect(file.fileName).toBe(`技能提升补贴付款指令-批次${batch.batchId}.csv`);
        expect(text).toContain(ACCOUNT);
        expect(text).toContain('2024年技能提升补贴');
        expect(text).toContain('个人社会保障卡银行账户');
        const path = await writeReturnFile(join(folder(), `return-${backend.name}.csv`), [
          [`${idA}-1`, '1000.00', '成功', 'B1', ''],
          [`${idB}-1`, '2000.00', '失败', 'B2', '账户已冻结'],
        ]);
        expect(await importReturnFile(db, { path, fileName: 'r.csv', by: '财务王五', clock })).toMatchObject({
          status: 'accepted',
          paid: 1,
          failed: 1,
          casesPaid: 0,
        });
        const statuses = await db.selectFrom('payments').select(['id', 'status']).orderBy('id').execute();
        expect(statuses).toEqual([
          { id: idA, status: 'paid' },
          { id: idB, status: 'failed' },
        ]);
        expect(await balanceOf(db, 'skill_subsidy_expense')).toBe(300_000);
        expect(await balanceOf(db, 'bank')).toBe(100_000);
        expect(await balanceOf(db, 'payable')).toBe(200_000);
        expect(await checkLedger(db)).toMatchObject({ ok: true, violations: [] });
      });
    });
  });
}
