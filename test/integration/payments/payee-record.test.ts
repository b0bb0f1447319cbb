// The payee as one record, and the account the decision allows (鲁人社发〔2024〕8号 第七条), on both store backends:
// a payment is made to the account name, bank and number the unit confirmed, whatever a later import says; and it
// goes to the contribution account only when the decision says so — never as a fallback, never without a payTo.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { caseToConfirm, recordConfirmation } from '../../../src/services/confirm/confirm-case.ts';
import { importFile } from '../../../src/services/imports/import-file.ts';
import { createPaymentsForConfirmed } from '../../../src/services/payments/create-payments.ts';
import { creditCodeFor, table, testCipher, unitRecord, writeCsvFile } from '../../support/import-fixtures.ts';
import { clock, insertConfirmedCase, insertDispatchDecision, insertPayee, maker, ROUND } from '../../support/payment-fixtures.ts';
import { insertCase, insertRun } from '../../support/review-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { withAccountNo } from '../../support/sealed-accounts.ts';

/** Imports the units file as a case worker's upload does. */
async function importUnits(store: Store, path: string, records: Record<string, string>[]): Promise<void> {
  const { headers, rows } = table(records);
  writeCsvFile(path, headers, rows, 'utf8');
  const result = await importFile(store, {
    kind: 'units',
    path,
    fileName: 'units.csv',
    actor: '经办员张三',
    cipher: testCipher,
    reportDir: join(path, '..'),
  });
  expect(result.status, JSON.stringify(result)).toBe('accepted');
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`the payee record on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-payee-');

    it('pays the account name, bank and number the unit confirmed, not the bank details a later import brought', async () => {
      await backend.withStore(async (store) => {
        const { db } = store;
        const confirmed = unitRecord(1, {
          单位名称: '威海确认账户有限公司',
          开户银行: '中国建设银行威海分行',
          对公账户: '37050100000000000001',
        });
        await importUnits(store, join(folder(), 'units-1.csv'), [confirmed]);
        const unit = await db
          .selectFrom('units')
          .select('id')
          .where('credit_code', '=', creditCodeFor(1))
          .executeTakeFirstOrThrow();
        await insertCase(db, await insertRun(db), unit.id, { state: 'notified', amountFen: 12_345 });
        await db
          .transaction()
          .execute(async (trx) => recordConfirmation(trx, (await caseToConfirm(trx, ROUND, unit.id, true))!, clock.now()));

        // After the confirmation, one case worker's import changes the unit's name and bank (and its account number).
        await importUnits(store, join(folder(), 'units-2.csv'), [
          { ...confirmed, 单位名称: '威海改名有限公司', 开户银行: '某某村镇银行', 对公账户: '62170000000000000009' },
        ]);
        expect(
          await db.selectFrom('units').select(['name', 'corporate_bank']).where('id', '=', unit.id).executeTakeFirstOrThrow(),
        ).toEqual({ name: '威海改名有限公司', corporate_bank: '某某村镇银行' });

        const result = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(result).toMatchObject({ paymentCount: 1, manual: [] });
        expect(
          withAccountNo(
            await db.selectFrom('payments').select(['recipient_name', 'account_kind', 'bank_name', 'account_cipher']).execute(),
          ),
        ).toEqual([
          {
            recipient_name: '威海确认账户有限公司',
            account_kind: 'corporate_account',
            bank_name: '中国建设银行威海分行',
            account_no: '37050100000000000001',
          },
        ]);
      });
    });

    it('pays into the contribution account only when the decision says so, and holds every other case with a reason', async () => {
      await backend.withStore(async ({ db }) => {
        const run = await insertRun(db);
        // A medium unit without a corporate account, under an old decision that says corporate_account.
        const medium = await insertPayee(db, {
          name: '中型无对公账户有限公司',
          corporateAccount: null,
          contributionAccount: '37100000112233',
        });
        await db.updateTable('units').set({ size: 'medium' }).where('id', '=', medium.id).execute();
        await insertConfirmedCase(db, run, medium.id, 8_000, null, 'corporate_account');
        // A decision without a payTo (NO_CORPORATE_ACCOUNT): never paid, even with an account on record.
        const noPayTo = await insertPayee(db, {
          name: '无收款账户结论有限公司',
          corporateAccount: '6222000033334444',
          contributionAccount: '37100000445566',
        });
        await insertConfirmedCase(db, run, noPayTo.id, 7_000, 'corporate_account:6222000033334444', null);
        // A confirmation naming the contribution account where the decision says corporate_account.
        const mismatch = await insertPayee(db, {
          name: '账户不符有限公司',
          corporateAccount: '6222000077778888',
          contributionAccount: '37100000778899',
        });
        await insertConfirmedCase(db, run, mismatch.id, 6_000, 'contribution_account:37100000778899', 'corporate_account');
        // A micro unit the decision sends to its contribution account is paid there.
        const micro = await insertPayee(db, { name: '微型商行', corporateAccount: null, contributionAccount: '37100000990011' });
        await insertConfirmedCase(db, run, micro.id, 3_000, null, 'contribution_account');

        const result = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(result.paymentCount).toBe(1);
        expect(result.manual).toEqual([
          {
            unitId: medium.id,
            unitName: '中型无对公账户有限公司',
            recipientCreditCode: medium.creditCode,
            recipientName: '中型无对公账户有限公司',
            amountFen: 8_000,
            reason:
              '单位没有登记对公账户；按鲁人社发〔2024〕8号 第七条，只有筛查结论为返还至缴费账户的单位才能付至缴费账户，请人工核实后支付',
          },
          expect.objectContaining({
            unitId: noPayTo.id,
            amountFen: 7_000,
            reason:
              '筛查结论未确定收款账户（单位没有对公账户，且不属于可返还至缴费账户的小微企业或个体工商户），不予支付，请人工核实',
          }),
          expect.objectContaining({
            unitId: mismatch.id,
            reason: '单位确认的收款账户为单位社会保险费缴费账户，与筛查结论的单位对公账户不符，请人工核实后支付',
          }),
        ]);
        expect(
          withAccountNo(await db.selectFrom('payments').select(['unit_id', 'account_kind', 'account_cipher']).execute()),
        ).toEqual([{ unit_id: micro.id, account_kind: 'contribution_account', account_no: '37100000990011' }]);
      });
    });

    it("pays a dispatch unit's user units without a corporate account into the contribution account only if small or micro", async () => {
      await backend.withStore(async ({ db }) => {
        const run = await insertRun(db);
        const dispatch = await insertPayee(db, {
          name: '威海派遣有限公司',
          laborDispatch: true,
          corporateAccount: '6222000055550001',
        });
        await insertConfirmedCase(db, run, dispatch.id, 9_000, 'corporate_account:6222000055550001');
        const micro = await insertPayee(db, {
          name: '微型用工商行',
          corporateAccount: null,
          contributionAccount: '37100000550001',
        });
        await db.updateTable('units').set({ size: 'micro' }).where('id', '=', micro.id).execute();
        const medium = await insertPayee(db, {
          name: '中型用工有限公司',
          corporateAccount: null,
          contributionAccount: '37100000550002',
        });
        await db.updateTable('units').set({ size: 'medium' }).where('id', '=', medium.id).execute();
        await insertDispatchDecision(db, dispatch.id, [
          { creditCode: micro.creditCode, role: 'user_unit', amountFen: 3_000 },
          { creditCode: medium.creditCode, role: 'user_unit', amountFen: 6_000 },
        ]);
        const result = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(result.manual).toEqual([
          expect.objectContaining({
            recipientCreditCode: medium.creditCode,
            amountFen: 6_000,
            reason: '用工单位没有登记对公账户，且不属于可返还至缴费账户的小微企业或个体工商户，请人工核实后支付',
          }),
        ]);
        expect(
          withAccountNo(await db.selectFrom('payments').select(['recipient_name', 'account_kind', 'account_cipher']).execute()),
        ).toEqual([{ recipient_name: '微型用工商行', account_kind: 'contribution_account', account_no: '37100000550001' }]);
      });
    });
  });
}
