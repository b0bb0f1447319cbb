// The demo people's walk-through as a new user would take it (README, 演示：个人服务), in Chromium on the demo data with
// the clock at 2024-10-10: 陈晓东 signs in at /person with his ID number and the SMS code and applies for the skill
// subsidy with only the certificate number the README names, and sees the decision with its trace; 刘建军 claims
// benefit with only his ID number and sees his; a reviewer approves both in the console; each person then finds the
// reviewed decision in their record. Payment after approval is covered by skill-subsidy.test.ts and
// benefit-claim.test.ts. Every page is in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { demoStaff, seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { DEMO_CERTIFICATE_HOLDER, DEMO_CLAIMANTS } from '../../src/demo/generate/demo-people.ts';
import { generateIntoStore } from '../../src/demo/generate/generate-into-store.ts';
import { benefitClaimStatusLabels } from '../../src/domain/vocabulary/benefit.ts';
import { paymentStatusLabel } from '../../src/domain/vocabulary/payments.ts';
import { skillDecisionStatusLabels } from '../../src/domain/vocabulary/skill-subsidy.ts';
import { testCipher } from '../support/sms-fixtures.ts';
import {
  browserSkipReason,
  expectNoEnglish,
  openMenu,
  signInPerson,
  signInStaff,
  startHarness,
  type Harness,
} from './browser-harness.ts';

/** The demo accounts' user names appear beside their display names: data, not English on the page. */
const USER_NAMES = new Set(demoStaff.flatMap((a) => a.username.split(/[._-]/)));
const HOLDER = DEMO_CERTIFICATE_HOLDER;
const CLAIMANT = DEMO_CLAIMANTS.find((c) => c.name === '刘建军')!;

/** The conditions of a decision trace shown on the page, each with the clause it rests on. */
async function expectTrace(scope: Locator, clause: string): Promise<void> {
  await expect.poll(() => scope.getByText('符合', { exact: true }).count()).toBeGreaterThan(2);
  expect(await scope.innerText()).toContain(clause);
}

describe.skipIf(browserSkipReason)('演示人员按说明走一遍个人服务', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
    await generateIntoStore(h.store, {
      scale: { units: 20, regions: 'weihai', people: { unitShare: 0 }, demoPeople: true },
      seed: 1,
      cipher: testCipher,
      params: projectParameters(),
    });
    await seedDemoStaff(h.store.db, argon2PasswordHasher, h.clock);
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  it('陈晓东只填证书编号、刘建军只凭身份证号码，看到判定过程；复核通过后本人记录中可见', async () => {
    const holder = await signInPerson(h, HOLDER.idNumber);
    await holder.getByTestId('skill-certificate').fill(HOLDER.certificate.number);
    await holder.getByRole('button', { name: '提交申请' }).click();
    const application = holder.getByTestId('skill-applications').locator('.ant-table-row').first();
    await expect.poll(() => application.innerText()).toContain(skillDecisionStatusLabels.eligible);
    expect(await application.innerText()).toContain(HOLDER.certificate.number);
    expect(await application.innerText()).toContain('1,500.00');
    await application.locator('.ant-table-row-expand-icon').click();
    await expectTrace(holder.getByTestId('skill-application-trace'), '鲁人社发〔2024〕8号 第四条');
    await expectNoEnglish(holder);

    const claimant = await signInPerson(h, CLAIMANT.idNumber);
    await claimant.getByRole('button', { name: '申领失业保险金' }).click();
    const claim = claimant.getByText(`申领：${benefitClaimStatusLabels.submitted}`);
    await claim.waitFor();
    await expectTrace(claimant.locator('.ant-card-type-inner').first(), '失业保险条例 第十四条');
    await expectNoEnglish(claimant);

    await signInStaff(h, 'fuhe');
    await openMenu(h.page, '技能提升补贴');
    await h.page.getByTestId('skill-queue').locator('.ant-table-row').filter({ hasText: HOLDER.name }).click();
    await h.page.getByTestId('skill-trace').waitFor();
    await expectNoEnglish(h.page, USER_NAMES);
    await h.page.getByRole('button', { name: '复核通过' }).click();
    await h.page.getByText('已复核通过').first().waitFor();
    await openMenu(h.page, '失业保险金');
    await h.page.locator('.ant-table-row').filter({ hasText: CLAIMANT.name }).click();
    await h.page.getByRole('button', { name: '提交复核' }).click();
    await h.page.getByText('已办理').first().waitFor();
    await expectNoEnglish(h.page, USER_NAMES);

    await holder.reload();
    await expect
      .poll(() => holder.getByTestId('skill-applications').locator('.ant-table-row').first().innerText())
      .toContain(`发放：${paymentStatusLabel.pending}`);
    await expectNoEnglish(holder);
    await claimant.reload();
    await claimant.getByText(`申领：${benefitClaimStatusLabels.approved}`).waitFor();
    await expectNoEnglish(claimant);
    await holder.close();
    await claimant.close();
  }, 240_000);
});
