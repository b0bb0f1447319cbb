// The payout account on the dashboard (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): with little money recorded, the
// monthly run's benefit lines and a refund wait; the payout card shows the funds available and what waits, in
// Chinese; finance records money arriving in the card and the waiting counts fall to none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { seedDemoStaff } from '../../src/demo/demo-staff.ts';
import type { Actor } from '../../src/domain/refund-case.ts';
import { proposeWithinFunds } from '../../src/services/benefit/living-guarantee-first.ts';
import { recordFundArrival } from '../../src/services/fund/fund-arrivals.ts';
import { insertConfirmedPayments } from '../support/bank-fixtures.ts';
import { approvedClaim, clock, insertClaimant, params, runMonth } from '../support/benefit-fixtures.ts';
import {
  browserSkipReason,
  buttonLabel,
  expectNoEnglish,
  openMenu,
  screenshot,
  signInStaff,
  STAFF_NAME_WORDS,
  startHarness,
  type Harness,
} from './browser-harness.ts';

const finance: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };

describe.skipIf(browserSkipReason)('支出户资金不足时排队、资金到账后支付', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-06-10T02:00:00Z' });
    const { db } = h.store;
    await seedDemoStaff(db, argon2PasswordHasher, h.clock);
    await insertConfirmedPayments(db, [5_000_00]);
    for (let i = 0; i < 2; i++) await approvedClaim(db, await insertClaimant(db, { months: 30 }));
    await recordFundArrival(db, {
      amountFen: 1_00,
      documentNo: '威财社〔2024〕60号',
      source: '财政专户划拨',
      actor: finance,
      clock,
      params,
    });
    await runMonth(db, '2024-06');
    await proposeWithinFunds(db, { params, actor: finance, clock });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('工作台显示可用资金和排队款项，登记资金到账后排队笔数减少', async () => {
    const { page } = h;
    await signInStaff(h, 'caiwu');
    await openMenu(page, '工作台');
    const card = page.locator('.ant-card').filter({ hasText: '支出户资金' });
    await expect.poll(() => card.innerText()).toContain('排队的保生活发放');
    const text = await card.innerText();
    expect(text).toContain('支出户账面余额（资金到账登记）');
    expect(text).toMatch(/可用资金\s*¥?1\.00/);
    expect(text).toMatch(/排队等待资金\s*1 笔/);
    expect(text).toMatch(/排队的保生活发放\s*4 笔/);
    expect(text).toContain('稳岗返还待资金到账后支付');
    await expectNoEnglish(page, STAFF_NAME_WORDS);

    await card.getByLabel('到账金额（元）').fill('100000');
    await card.getByLabel('拨款凭证号').fill('威财社〔2024〕61号');
    await card.getByRole('button', { name: buttonLabel('登记到账并支付排队款项') }).click();
    await expect.poll(() => page.locator('.ant-message-notice').first().innerText()).toContain('排队的保生活发放 4 笔已发放');
    await expect.poll(() => card.innerText()).toMatch(/排队的保生活发放\s*0 笔/);
    expect(await card.innerText()).toMatch(/排队等待资金\s*0 笔/);
    expect(await card.innerText()).toContain('没有等待资金的支付');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await expectNoEnglish(page, STAFF_NAME_WORDS);
    await screenshot(page, 'fund-payout');
  }, 180_000);
});
