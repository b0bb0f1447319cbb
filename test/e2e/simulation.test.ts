// Policy simulation in the browser: a case worker defines a reform (the SME refund ratio 60% → 50%) in the console,
// saves it, runs it against the stored population and sees its total against the city's remaining 15% pilot cap,
// with the winners and losers by district; and the decision page of a unit over the layoff limit says how many fewer
// layoffs would have made it eligible. Every word on the pages is Chinese.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { recordBudget } from '../../src/services/fund/pilot-budget.ts';
import { generateIntoStore } from '../../src/demo/generate/generate-into-store.ts';
import { seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { startScreeningRun } from '../../src/services/screening/screening-run.ts';
import { codeInBody, testCipher } from '../support/sms-fixtures.ts';
import {
  browserSkipReason,
  buttonLabel,
  expectNoEnglish,
  openMenu,
  signInStaff,
  STAFF_NAME_WORDS,
  startHarness,
  type Harness,
} from './browser-harness.ts';

const params = projectParameters();

describe.skipIf(browserSkipReason)('政策模拟在浏览器中办理', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-08-20T02:00:00Z' });
    await seedDemoStaff(h.store.db, argon2PasswordHasher, h.clock);
    await generateIntoStore(h.store, {
      scale: { units: 150, regions: 'weihai', people: { unitShare: 0 } },
      seed: 7,
      cipher: testCipher,
      params,
    });
    // A sealed balance of 1,000 yuan leaves a 15% cap of 150 yuan: any city-wide refund total is over it.
    await recordBudget(h.store.db, params, {
      regionCode: '371000',
      year: 2024,
      sealedBalanceFen: 100_000,
      actor: { kind: 'staff', role: 'finance', name: '财务甲' },
      clock: h.clock,
    });
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('经办员定义中小微企业返还比例50%的方案，测算后看到返还总额与15%试点支出剩余额度的对照及各区县变化', async () => {
    const { page } = h;
    await signInStaff(h, 'jingban');
    await openMenu(page, '政策模拟');
    await page.getByTestId('reform-name').fill('中小微企业返还比例50%');
    await page.getByTestId('reform-parameter').click();
    await page.keyboard.type('中小微企业（含参照执行的单位）返还比例');
    await page.locator('.ant-select-item-option').filter({ hasText: '中小微企业（含参照执行的单位）返还比例' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('现行：2024-01-01～2024-12-31：60%');
    await page.getByTestId('reform-value').fill('50');
    await page.getByTestId('reform-save').click();
    const row = page.locator('.ant-table-row').filter({ hasText: '中小微企业返还比例50%' });
    await expect.poll(() => row.innerText()).toContain('50%（2024-01-01～2024-12-31）');

    await row.getByRole('button', { name: buttonLabel('测算') }).click();
    await expect.poll(() => page.getByTestId('cap-verdict').innerText(), { timeout: 60_000 }).toContain('剩余 150.00 元');
    const verdict = await page.getByTestId('cap-verdict').innerText();
    expect(verdict).toContain('方案返还总额');
    expect(verdict).toContain('超出');
    await page.getByTestId('district-chart').locator('canvas').waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('环翠区');
    await page.getByRole('tab', { name: '变化单位' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('金额减少');
    await expectNoEnglish(page, STAFF_NAME_WORDS);
  });

  it('经办员把保存的方案载入编辑器，改为45%另存为第2版，再比较两个版本', async () => {
    const { page } = h;
    await openMenu(page, '政策模拟');
    const first = page.locator('.ant-table-row').filter({ hasText: '中小微企业返还比例50%' });
    await first.getByTestId(/^load-reform-/).click();
    await expect.poll(() => page.getByTestId('reform-loaded').innerText()).toBe('已载入「中小微企业返还比例50%」第 1 版');
    expect(await page.getByTestId('reform-name').inputValue()).toBe('中小微企业返还比例50%');
    expect(await page.getByTestId('reform-value').inputValue()).toBe('50');
    await page.getByTestId('reform-value').fill('45');
    await page.getByTestId('reform-save').click();
    const second = page.locator('.ant-table-row').filter({ hasText: '第 2 版' });
    await expect.poll(() => second.innerText()).toContain('45%（2024-01-01～2024-12-31）');

    const compare = page.locator('.ant-card').filter({ hasText: '比较两个方案' });
    await compare.locator('.ant-select').nth(0).click();
    // Each select's list is appended to the page when first opened: the open one is the last that is not hidden.
    const option = (text: string) =>
      page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .last()
        .locator('.ant-select-item-option')
        .filter({ hasText: text });
    await option('第 1 版').click();
    await compare.locator('.ant-select').nth(1).click();
    await option('第 2 版').click();
    await compare.getByRole('button', { name: buttonLabel('比较') }).click();
    const difference = compare.locator('.ant-table-row');
    await expect.poll(() => difference.innerText()).toContain('中小微企业（含参照执行的单位）返还比例');
    const cells = await difference.locator('td').allInnerTexts();
    expect(cells.slice(1)).toEqual(['50%（2024-01-01～2024-12-31）', '45%（2024-01-01～2024-12-31）']);
    await expectNoEnglish(page, STAFF_NAME_WORDS);
  });

  it('不符合条件单位的决定详情页写明怎样才能符合条件', async () => {
    const { runId } = await startScreeningRun(h.store, { round: '2024', clock: h.clock, params });
    const layoffs = await h.store.db
      .selectFrom('refund_decisions')
      .select('unit_id')
      .where('run_id', '=', runId)
      .where('status', '=', 'ineligible')
      .where(sql<boolean>`reasons = '["LAYOFF_RATE_EXCEEDED"]'::jsonb`)
      .orderBy('unit_id')
      .executeTakeFirst();
    expect(layoffs).toBeDefined();
    const { page } = h;
    await page.goto(`${h.baseUrl}/decisions/${layoffs!.unit_id}`);
    await expect
      .poll(() => page.getByTestId('counterfactual').innerText(), { timeout: 30_000 })
      .toMatch(/少裁减 \d+ 人即符合条件/);
    expect(await page.getByTestId('counterfactual').innerText()).toContain('按上述调整后重新判定：符合条件');
    await expectNoEnglish(page, STAFF_NAME_WORDS);
  });

  it('不符合条件的单位在单位网厅里也看到怎样才能符合条件', async () => {
    const unit = await h.store.db
      .selectFrom('refund_cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .innerJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
      .select(['u.id', 'u.credit_code'])
      .where('c.state', '=', 'ineligible')
      .where('u.contact_phone_cipher', 'is not', null)
      .where(sql<boolean>`d.reasons = '["LAYOFF_RATE_EXCEEDED"]'::jsonb`)
      .orderBy('u.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const page = await h.browser.newPage({
      viewport: { width: 1000, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await page.goto(`${h.baseUrl}/unit`);
    await page.getByLabel('统一社会信用代码').fill(unit.credit_code);
    const before = h.sms.delivered.length;
    await page.getByRole('button', { name: '获取短信验证码' }).click();
    await expect.poll(() => h.sms.delivered.length).toBe(before + 1);
    await page.getByLabel('短信验证码').fill(codeInBody(h.sms.delivered.at(-1)!.body));
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await expect
      .poll(() => page.getByTestId('counterfactual').innerText(), { timeout: 30_000 })
      .toMatch(/少裁减 \d+ 人即符合条件/);
    expect(await page.getByTestId('counterfactual').innerText()).toContain('按上述调整后重新判定：符合条件');
    await expectNoEnglish(page, STAFF_NAME_WORDS);
    await page.close();
  });
});
