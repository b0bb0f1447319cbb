// The account correction in the console for a person's payment (鲁人社发〔2024〕8号 第四条、第八条), in Chromium: the bank
// failed a skill subsidy paid to a social security card account; one finance officer proposes the new card account
// (the only kind offered for a person), cannot approve it herself, and a second officer's approval puts the same
// payment back to pending as its second attempt. Every page is in Chinese.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { demoStaff, seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { accountKindLabels } from '../../src/domain/vocabulary/pay-to.ts';
import { exportInstruction } from '../../src/services/bank/export-instruction.ts';
import { importReturnFile } from '../../src/services/bank/import-return.ts';
import { createPersonPayment } from '../../src/services/payments/create-person-payment.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../src/services/payments/payment-batches.ts';
import { runPaymentBatch } from '../../src/services/payments/run-batch.ts';
import { writeReturnFile } from '../support/bank-fixtures.ts';
import { checker, maker } from '../support/payment-fixtures.ts';
import { insertPerson } from '../support/person-fixtures.ts';
import { opened } from '../support/sealed-accounts.ts';
import { testCipher } from '../support/sms-fixtures.ts';
import { browserSkipReason, expectNoEnglish, openMenu, signInStaff, startHarness, type Harness } from './browser-harness.ts';

const USER_NAMES = new Set(demoStaff.flatMap((a) => a.username.split(/[._-]/)));

describe.skipIf(browserSkipReason)('财务人员在控制台更正个人款项的收款账户', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
    dir = await mkdtemp(join(tmpdir(), 'wengang-correct-e2e-'));
    await seedDemoStaff(h.store.db, argon2PasswordHasher, h.clock);
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('一人提交新的社会保障卡账户，本人不能审核，另一人审核后同一笔款项第二次待支付', async () => {
    const { db } = h.store;
    const personId = await insertPerson(db, {
      name: '陈晓东',
      idNumber: '371002199005089955',
      bankAccount: '6217000000000000052',
    });
    const created = await db.transaction().execute((trx) =>
      createPersonPayment(trx, {
        purpose: 'skill_subsidy',
        decision: 'skill-application:1',
        personId,
        amountFen: 150_000,
        round: '2024',
        by: '复核员李四',
        at: h.clock.now(),
      }),
    );
    const paymentId = 'paymentId' in created ? created.paymentId : 0;
    const { batchId } = await proposePaymentBatch(db, { round: '2024', purpose: 'skill_subsidy', actor: maker, clock: h.clock });
    await authorisePaymentBatch(db, { batchId, actor: checker, clock: h.clock });
    await runPaymentBatch(db, { batchId, clock: h.clock, workerId: 'e2e' });
    await exportInstruction(db, { batchId, format: 'csv', by: '财务王五', clock: h.clock, cipher: testCipher });
    const failed = await writeReturnFile(join(dir, 'fail.csv'), [[`${paymentId}-1`, '1500.00', '失败', 'B1', '账户已销户']]);
    await importReturnFile(db, { path: failed, fileName: 'fail.csv', by: '财务王五', clock: h.clock });

    const { page } = h;
    await signInStaff(h, 'caiwu');
    await openMenu(page, '银行文件与对账');
    // The failed payment's row in the corrections card (the reconciliation above it lists the same person too).
    const row = page
      .locator('.ant-card')
      .filter({ hasText: '支付失败、退回款项与账户更正' })
      .locator('.ant-table-row')
      .filter({ hasText: '陈晓东' });
    await expect.poll(() => row.innerText()).toContain(accountKindLabels.social_security_card);
    await row.getByRole('button', { name: '更正账户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(accountKindLabels.social_security_card).waitFor();
    await dialog.getByRole('combobox').click();
    await expect
      .poll(() => page.locator('.ant-select-item-option').allInnerTexts())
      .toEqual([accountKindLabels.social_security_card]);
    await page.keyboard.press('Escape');
    await dialog.getByLabel('收款账号').fill('6217 0000 3333 4444 555');
    await dialog.getByLabel('更正原因').fill('本人换领社会保障卡，提供新卡银行账户');
    await dialog.getByRole('button', { name: '提交更正' }).click();
    await page
      .getByText(/已提交账户更正/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => page.getByTestId('correction-refusal').innerText()).toContain('不能与提交人为同一人');
    await expectNoEnglish(page, USER_NAMES);

    await signInStaff(h, 'caiwu2');
    await openMenu(page, '银行文件与对账');
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByText(/将作为第 2 次支付重新待支付/).waitFor();
    await expectNoEnglish(page, USER_NAMES);

    const payment = await db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ status: 'pending', attempt: 2, account_kind: 'social_security_card' });
    expect(opened(payment.account_cipher)).toBe('6217000033334444555');
    expect(await db.selectFrom('payments').select('id').execute()).toHaveLength(1);
  }, 240_000);
});
