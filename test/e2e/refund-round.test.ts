// A whole refund round in the browser: a case worker signs in with a password, screens a small generated population and
// proposes a batch; the case worker cannot approve it, a reviewer does; the notice opens on the public page and closes once the clock has passed
// its working days; the SMS goes out and the enterprise confirms in its portal with the code it received. Finance then
// pays it: one officer proposes the payment batch, cannot authorise it herself, a second one authorises it; the batch
// is paid, its bank file exported, the bank's return file (built from that file) imported and the batch reconciles.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { generateIntoStore } from '../../src/demo/generate/generate-into-store.ts';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { demoStaff, seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { writeReturnFile, type ReturnCells } from '../support/bank-fixtures.ts';
import { codeInBody, testCipher } from '../support/sms-fixtures.ts';
import {
  browserSkipReason,
  buttonLabel,
  expectNoEnglish,
  openMenu,
  screenshot,
  signInStaff,
  startHarness,
  type Harness,
} from './browser-harness.ts';

const UNITS = 200;
/** Actions are recorded as 显示名（用户名）: the demo accounts' user names are data, not English on the page. */
const USER_NAMES = new Set(demoStaff.flatMap((a) => a.username.split(/[._-]/)));

describe.skipIf(browserSkipReason)('一轮稳岗返还在浏览器中办完', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-08-15T02:00:00Z' });
    await generateIntoStore(h.store, {
      scale: { units: UNITS, regions: 'weihai', people: { persons: 200 } },
      seed: 7,
      cipher: testCipher,
      params: projectParameters(),
    });
    await seedDemoStaff(h.store.db, argon2PasswordHasher, h.clock);
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  const signIn = (username: string) => signInStaff(h, username);
  const menu = (label: string) => openMenu(h.page, label);

  function button(scope: Pick<typeof h.page, 'getByRole'>, name: string) {
    return scope.getByRole('button', { name: buttonLabel(name) });
  }

  it('工作人员以用户名和密码登录，密码错误时看到中文提示', async () => {
    const { page } = h;
    await page.goto(`${h.baseUrl}/`);
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('用户名').fill('jingban');
    await page.getByLabel('密码').fill('wrong-password');
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await page.getByText(/用户名或密码错误/).waitFor();
    await screenshot(page, 'sign-in');
    await expectNoEnglish(page);
  });

  it('经办员在空的工作台看到第一步“筛查”，由此发起筛查并看到进度和汇总', async () => {
    const { page } = h;
    await signIn('jingban');
    await page.getByRole('link', { name: /第一步：筛查/ }).click();
    await page.getByRole('button', { name: '开始筛查' }).click();
    await page.getByText('已完成').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByText(`已处理 ${UNITS} / ${UNITS} 个单位`).count()).toBe(1);
    await screenshot(page, 'screening');
    await expectNoEnglish(page, USER_NAMES);
  });

  it('工作台显示进度、按地区和规模的金额图表', async () => {
    const { page } = h;
    await menu('工作台');
    await page.locator('canvas').first().waitFor();
    const screened = page.locator('.ant-statistic').filter({ hasText: '已筛查' });
    await expect.poll(() => screened.innerText()).toContain(String(UNITS));
    await screenshot(page, 'dashboard');
    await expectNoEnglish(page, USER_NAMES);
  });

  it('决定列表分页筛选，决定详情逐项列出条件与依据', async () => {
    const { page } = h;
    await menu('决定列表');
    await expect.poll(() => page.getByText(`共 ${UNITS} 个单位`).count()).toBe(1);
    await page.getByLabel('结论').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^符合条件$/ })
      .click();
    await page
      .getByRole('button', { name: '查 询' })
      .or(page.getByRole('button', { name: '查询' }))
      .click();
    await expect.poll(() => page.url()).toContain('status=eligible');
    const total = async () => Number((await page.getByText(/^共 [\d,]+ 个单位$/).innerText()).replace(/\D/g, ''));
    await expect.poll(total).toBeLessThan(UNITS);
    expect(await total()).toBeGreaterThan(0);
    const verdicts = await page.locator('.ant-table-row .ant-tag').allInnerTexts();
    expect(new Set(verdicts)).toEqual(new Set(['符合条件']));
    await screenshot(page, 'decisions');
    await expectNoEnglish(page, USER_NAMES);

    await page.locator('.ant-table-row a').first().click();
    await page.getByText('判定过程（逐项核对）').waitFor();
    await expect.poll(() => page.getByText('✓ 符合').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByText(/鲁人社发〔2024〕8号/).count()).toBeGreaterThan(0);
    await screenshot(page, 'decision-detail');
    await expectNoEnglish(page, USER_NAMES);
  });

  it('经办员提交全市的复核批次；环翠区复核员不能通过（超出管辖地区）；市级复核员通过', async () => {
    const { page } = h;
    await menu('复核');
    await page.getByRole('button', { name: '提交复核' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '待复核' }).first().waitFor();
    expect(
      await page
        .getByRole('button', { name: '通 过' })
        .or(page.getByRole('button', { name: '通过' }))
        .count(),
    ).toBe(0);

    await signIn('fuhe.huancui');
    await menu('复核');
    await page.locator('.ant-table-row').filter({ hasText: '待复核' }).first().waitFor();
    await page
      .getByRole('button', { name: '通 过' })
      .or(page.getByRole('button', { name: '通过' }))
      .first()
      .click();
    await page.getByRole('button', { name: '确认通过' }).click();
    const refusal = page.getByTestId('review-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('超出您账号的管辖地区');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await screenshot(page, 'review-refused');

    await signIn('fuhe');
    await menu('复核');
    await page.locator('.ant-table-row').filter({ hasText: '待复核' }).first().waitFor();
    await page
      .getByRole('button', { name: '通 过' })
      .or(page.getByRole('button', { name: '通过' }))
      .first()
      .click();
    await page.getByRole('button', { name: '确认通过' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '已通过' }).first().waitFor();
    await screenshot(page, 'review');
    await expectNoEnglish(page, USER_NAMES);
  });

  it('发布公示，公众页面可按单位名称查询；期满后结束公示', async () => {
    const { page } = h;
    await menu('公示管理');
    await page.getByLabel('复核批次').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '发布公示' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '公示中' }).first().waitFor();

    const visitor = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await visitor.goto(`${h.baseUrl}/gongshi`);
    const firstName = await visitor.locator('.ant-table-row td').nth(1).innerText();
    const listed = await visitor.locator('.ant-table-row').count();
    expect(listed).toBeGreaterThan(0);
    await screenshot(visitor, 'public-notice');
    await expectNoEnglish(visitor);
    await visitor.getByPlaceholder('按单位名称查询').fill(firstName);
    await visitor.getByPlaceholder('按单位名称查询').press('Enter');
    await expect.poll(() => visitor.locator('.ant-table-row').count()).toBe(1);
    await visitor.close();

    // The notice opened on Thursday 15 August runs five working days, to Wednesday 21 August.
    await page.getByRole('button', { name: '结束公示' }).click();
    await page.locator('.ant-message-error').waitFor();
    h.clock.set('2024-08-22T02:00:00Z');
    // A week later the session has long expired: sign in again.
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    await signIn('jingban');
    await menu('公示管理');
    await page.getByRole('button', { name: '结束公示' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '已结束' }).first().waitFor();
  });

  it('经办员发送告知短信后，单位从短信链接打开确认页并以验证码确认', async () => {
    const { page } = h;
    await menu('短信与确认');
    await page.getByRole('button', { name: '向公示期满的单位发送告知短信' }).click();
    const result = page.getByTestId('notify-result');
    await result.waitFor();
    const told = Number(/已告知 (\d+) 个单位/.exec(await result.innerText())![1]);
    expect(told).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`已告知未确认的单位（${told} 个）`).count()).toBe(1);
    await screenshot(page, 'sms');
    await expectNoEnglish(page, USER_NAMES);
    const notice = h.sms.delivered.find((m) => m.body.includes('/confirm/'))!;
    // The server under test listens on a random port; the SMS names the configured public address.
    const link = `${h.baseUrl}/confirm/${/\/confirm\/([A-Za-z0-9_-]+)/.exec(notice.body)![1]!}`;

    const unit = await h.browser.newPage({ viewport: { width: 900, height: 900 }, locale: 'zh-CN' });
    await unit.goto(link);
    const amount = await unit.getByTestId('confirm-amount').innerText();
    expect(notice.body).toContain(amount.replace(' 元', '元'));
    await unit.getByRole('button', { name: '获取短信验证码' }).click();
    await unit.getByText(/验证码已发送至/).waitFor();
    const code = codeInBody(h.sms.delivered.at(-1)!.body);
    await unit.getByPlaceholder('6 位数字验证码').fill(code);
    await screenshot(unit, 'unit-confirm');
    await expectNoEnglish(unit);
    await unit.getByRole('button', { name: '确认返还' }).click();
    await unit.getByText('确认成功').waitFor();
    await screenshot(unit, 'unit-confirmed');
    await unit.close();

    await page.reload();
    await expect.poll(() => page.getByText(`已告知未确认的单位（${told - 1} 个）`).count()).toBe(1);
  });

  it('财务人员生成支付并提交支付批次；本人授权被拒绝，另一名财务人员授权并执行支付', async () => {
    const { page } = h;
    await signIn('caiwu');
    await menu('拨付');
    await page.getByRole('button', { name: '为已确认单位生成支付' }).click();
    await page.getByText('已生成 1 笔支付', { exact: false }).waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '待支付' }).first().waitFor();
    await page.getByRole('button', { name: '全部待支付款项提交支付批次' }).click();
    const proposed = page.locator('.ant-table-row').filter({ hasText: '待授权' });
    await proposed.first().waitFor();

    await button(proposed, '授权').click();
    await page.getByRole('button', { name: '确认授权' }).click();
    const refusal = page.getByTestId('payment-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('不能与提交人为同一人');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    expect(await proposed.count()).toBe(1);

    await signIn('caiwu2');
    await menu('拨付');
    await button(proposed, '授权').click();
    await page.getByRole('button', { name: '确认授权' }).click();
    const authorised = page.locator('.ant-table-row').filter({ hasText: '已授权' });
    await authorised.first().waitFor();
    await authorised.getByRole('button', { name: '执行支付' }).click();
    const progress = page.getByTestId('payment-progress');
    await progress.getByText('支付处理完成').waitFor();
    expect(await progress.getByText('1 / 1 笔').count()).toBe(1);
    await page.locator('.ant-table-row').filter({ hasText: '已发送银行' }).first().waitFor();
    await screenshot(page, 'payments');
    await expectNoEnglish(page, USER_NAMES);
  });

  it('导出银行付款指令（附 SM3 校验码），导入银行回单后对账无差异', async () => {
    const { page } = h;
    await menu('银行文件与对账');
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV 文件' }).click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^稳岗返还付款指令-批次\d+\.csv$/);
    const instruction = (await readFile(await exported.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.split(','));
    const checksum = await page.getByTestId('instruction-checksum').innerText();
    expect(instruction.at(-1)).toEqual(['校验码', 'SM3', checksum]);
    // The bank answers every payment line (between the header and the totals line) as paid: reference and amount echoed.
    const lines = instruction.slice(
      1,
      instruction.findIndex((cells) => cells[0] === '合计'),
    );
    expect(lines).toHaveLength(1);
    const answers = lines.map((cells, i): ReturnCells => [cells[1]!, cells.at(-2)!, '成功', `B2024082600000${i + 1}`, '']);
    const dir = await mkdtemp(join(tmpdir(), 'wengang-e2e-return-'));
    try {
      await page.locator('input[type=file]').setInputFiles(await writeReturnFile(join(dir, '银行回单.csv'), answers));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const accepted = page.getByTestId('return-accepted');
    await accepted.waitFor();
    expect(await accepted.innerText()).toContain('银行支付成功 1 笔');
    const reconciliation = page.getByTestId('reconciliation');
    await reconciliation.getByText('对账一致，没有差异', { exact: false }).waitFor();
    await page.getByRole('button', { name: '台账检查' }).click();
    expect(await page.getByTestId('ledger-check').innerText()).toContain('台账检查通过');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'reconciliation');
    await expectNoEnglish(page, USER_NAMES);
  });

  it('审计员查看拨付与对账，没有任何操作按钮', async () => {
    const { page } = h;
    await signIn('shenji');
    await menu('拨付');
    await page.locator('.ant-table-row').filter({ hasText: '已对账' }).first().waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '已支付' }).first().waitFor();
    for (const name of ['为已确认单位生成支付', '全部待支付款项提交支付批次', '执行支付'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    await menu('银行文件与对账');
    await page.getByTestId('reconciliation').getByText('对账一致，没有差异', { exact: false }).waitFor();
    for (const name of ['导出 CSV 文件', '选择回单文件并导入']) expect(await page.getByRole('button', { name }).count()).toBe(0);
    await expectNoEnglish(page, USER_NAMES);
  });
});
