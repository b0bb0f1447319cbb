// The pilot spending register and fund monitoring in the browser (鲁人社发〔2024〕8号 第六条、第八条): finance records the
// sealed balance and sees the 15% cap; finance records the plan filing, which a reviewer confirms; finance commits
// within the cap, sees a commitment over it refused with the reason in Chinese, and spends one; the headroom gauge and
// the dashboard's fund chart show the result, and the month's report downloads. Every word on the pages is Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { insertUnit } from '../support/review-fixtures.ts';
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

const label = buttonLabel;

describe.skipIf(browserSkipReason)('试点支出额度与基金运行监测在浏览器中办理', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-09-02T02:00:00Z' });
    await seedDemoStaff(h.store.db, argon2PasswordHasher, h.clock);
    const unit = await insertUnit(h.store.db, { name: '环翠监测测试有限公司', regionCode: '371002' });
    await h.store.db
      .insertInto('unit_payments')
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          unit_id: unit.id,
          receipt_no: `M-${i + 1}`,
          period: `2024-0${i + 1}`,
          paid_on: `2024-0${i + 1}-15`,
          amount_fen: 3_000_000_00 + i * 10_000_00,
          kind: 'contribution' as const,
          region_code: '371002',
        })),
      )
      .execute();
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('登记封定结余、备案经另一人复核后承诺，超出额度被拒绝并说明原因，支出后额度仪表和工作台图表随之更新', async () => {
    const { page } = h;
    await signInStaff(h, 'caiwu');
    await openMenu(page, '试点支出额度');
    await page.getByLabel('封定历史结余基金（元）').fill('2000000');
    await page.getByRole('button', { name: label('登记') }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('300,000.00 元');

    await page.getByLabel('备案日期').click();
    await page.getByLabel('备案日期').fill('2024-08-20');
    await page.keyboard.press('Enter');
    await page.getByLabel('备案文号').fill('威人社字〔2024〕60号');
    await page.getByRole('button', { name: label('登记备案') }).click();
    await expect
      .poll(() => page.locator('.ant-table-row').filter({ hasText: '威人社字〔2024〕60号' }).innerText())
      .toContain('待复核');
    expect(await page.getByRole('button', { name: label('确认备案') }).count()).toBe(0);

    await signInStaff(h, 'fuhe');
    await openMenu(page, '试点支出额度');
    await page.getByRole('button', { name: label('确认备案') }).click();
    await expect
      .poll(() => page.locator('.ant-table-row').filter({ hasText: '威人社字〔2024〕60号' }).innerText())
      .toContain('已备案');

    await signInStaff(h, 'caiwu');
    await openMenu(page, '试点支出额度');
    const commit = async (item: string, yuanAmount: string, description: string) => {
      await page.getByLabel('项目').click();
      await page.locator('.ant-select-item-option').filter({ hasText: item }).click();
      await page.getByLabel('金额（元）').fill(yuanAmount);
      await page.getByLabel('事由').fill(description);
      await page.getByRole('button', { name: label('承诺') }).click();
    };
    await commit('职业培训补贴', '250000', '2024年第一期职业培训');
    await expect
      .poll(() => page.locator('.ant-table-row').filter({ hasText: '2024年第一期职业培训' }).innerText())
      .toContain('已承诺');
    await commit('岗位补贴', '60000', '岗位补贴第一批');
    await expect.poll(() => page.getByTestId('commit-refusal').innerText()).toContain('不得超过额度 300,000.00 元');

    await page
      .locator('.ant-table-row')
      .filter({ hasText: '2024年第一期职业培训' })
      .getByRole('button', { name: label('支出') })
      .click();
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: label('确认') })
      .click();
    await expect
      .poll(() => page.locator('.ant-table-row').filter({ hasText: '2024年第一期职业培训' }).innerText())
      .toContain('已支出');
    await page.getByTestId('headroom-gauge').locator('canvas').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await expectNoEnglish(page, STAFF_NAME_WORDS);
    await screenshot(page, 'fund-register');

    await openMenu(page, '工作台');
    await page.getByTestId('fund-chart').locator('canvas').waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('基金运行监测');
    await expect.poll(() => page.locator('body').innerText()).toContain('地区支出骤增');
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: label('下载月报') }).click();
    expect((await saved).suggestedFilename()).toBe('威海市失业保险基金月报-2024-09.xlsx');
    await expectNoEnglish(page, STAFF_NAME_WORDS);
    await screenshot(page, 'fund-dashboard');
  }, 180_000);

  it('经办员登记要情报告并更正，登记后不能修改；审计员只能查看和导出', async () => {
    const { page } = h;
    await signInStaff(h, 'jingban');
    await openMenu(page, '要情报告');
    await expect.poll(() => page.locator('body').innerText()).toContain('本地区尚无要情报告');
    await page.getByRole('button', { name: label('登记要情') }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('发生时间').click();
    await dialog.getByLabel('发生时间').fill('2024-09-01 09:30');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('地区').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '环翠区' }).click();
    await dialog.getByLabel('类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '舆情' }).click();
    await dialog.getByLabel('要情内容').fill('网络出现稳岗返还到账迟缓的集中投诉，涉及约20家企业');
    await dialog.getByRole('button', { name: label('登记') }).click();
    const first = page.locator('.ant-table-row').filter({ hasText: '稳岗返还到账迟缓' });
    await expect.poll(() => first.innerText()).toContain('环翠区');

    await first.getByRole('button', { name: label('更正或续报') }).click();
    await expect.poll(() => dialog.innerText()).toContain('更正或续报第');
    await dialog.getByLabel('要情内容').fill('经核实涉及企业为12家，已逐户回访');
    await dialog.getByLabel('后续处理').fill('已协调银行加快到账');
    await dialog.getByRole('button', { name: label('登记') }).click();
    const correction = page.locator('.ant-table-row').filter({ hasText: '经核实涉及企业为12家' });
    await expect.poll(() => correction.innerText()).toMatch(/更正第 \d+ 号/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    expect(await first.getByRole('button', { name: label('修改') }).count()).toBe(0);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await expectNoEnglish(page, STAFF_NAME_WORDS);
    await screenshot(page, 'fund-incidents');

    await signInStaff(h, 'shenji');
    await openMenu(page, '要情报告');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    expect(await page.getByRole('button', { name: label('登记要情') }).count()).toBe(0);
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: label('导出表格') }).click();
    expect((await saved).suggestedFilename()).toBe('要情报告-371000.xlsx');
  }, 180_000);
});
