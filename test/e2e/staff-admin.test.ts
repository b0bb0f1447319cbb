// Accounts, the audit log and labour-dispatch applications in the browser: the system administrator creates an account
// (refused first for incompatible roles, then for a weak password) and disables another; the auditor finds the
// administrator's actions and sign-ins in the audit log and verifies the hash chain; a case worker uploads a dispatch
// unit's placements from the generated population, sees a bad sheet refused row by row, previews and submits the
// application and sees the allocation to the user units, then withdraws it; the new account changes its own password.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { formatYuan } from '../../src/policy/core/money.ts';
import { previewDispatchApplication, type DispatchPreview } from '../../src/services/dispatch/decide-application.ts';
import { storedWorkers } from '../../src/services/dispatch/stored-records.ts';
import { generateIntoStore } from '../../src/demo/generate/generate-into-store.ts';
import { demoStaff, seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { ORG_TYPE_LABELS } from '../../src/services/imports/kinds/labels.ts';
import { continueScreeningRun, createScreeningRun } from '../../src/services/screening/screening-run.ts';
import { idNumberOf, userUnitCode, writePlacements } from '../support/dispatch-fixtures.ts';
import { testCipher } from '../support/sms-fixtures.ts';
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

const NEW_USER = 'liuqi';
const STRONG_PASSWORD = 'Huancui#2024ok';
/** Usernames and the names of picked files are data shown as people typed them; every other word must be Chinese. */
const DATA_WORDS = new Set([...demoStaff.map((a) => a.username), NEW_USER].flatMap((u) => u.split(/[._-]/)).concat('xlsx'));

const label = buttonLabel;

const ORG_TYPE_NAMES = Object.fromEntries(Object.entries(ORG_TYPE_LABELS).map(([name, code]) => [code, name]));

describe.skipIf(browserSkipReason)('账号管理、审计日志与劳务派遣申请在浏览器中办理', () => {
  let h: Harness;
  let dir = '';
  let dispatch: DispatchPreview;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-09-02T02:00:00Z' });
    dir = await mkdtemp(join(tmpdir(), 'wengang-e2e-dispatch-'));
    const params = projectParameters();
    await generateIntoStore(h.store, {
      scale: { units: 200, regions: 'weihai', people: { persons: 200 } },
      seed: 7,
      cipher: testCipher,
      params,
    });
    const runId = await createScreeningRun(h.store.db, { round: '2024', clock: h.clock, params, createdBy: '测试' });
    await continueScreeningRun(h.store, runId, { clock: h.clock, params });
    await seedDemoStaff(h.store.db, argon2PasswordHasher, h.clock);

    // The dispatch unit with the fewest workers whose application would be refunded, partly to user units.
    const units = await h.store.db
      .selectFrom('refund_cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select('u.id')
      .where('c.round', '=', '2024')
      .where('u.labor_dispatch', '=', true)
      .where('c.state', '=', 'needs_review')
      .execute();
    const previews = await Promise.all(
      units.map(async ({ id }) =>
        previewDispatchApplication(h.store.db, {
          round: '2024',
          unitId: id,
          workers: await storedWorkers(h.store.db, id),
          params,
        }),
      ),
    );
    dispatch = previews
      .filter((p) => p.status === 'eligible' && p.allocations.some((a) => a.role === 'user_unit'))
      .sort((a, b) => a.workerCount - b.workerCount)[0]!;
    expect(dispatch, 'an eligible dispatch unit with workers placed at user units').toBeDefined();
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const signIn = (username: string) => signInStaff(h, username);
  const menu = (text: string) => openMenu(h.page, text);

  /** The placements sheet of the unit as its staff would fill it in, from the agency's records of the generated population. */
  async function placementsWorkbook(unitId: number): Promise<string> {
    const rows = await h.store.db
      .selectFrom('dispatch_placements as d')
      .innerJoin('persons as p', 'p.id', 'd.person_id')
      .select([
        'p.id_number_cipher',
        'p.name',
        'd.from_period',
        'd.to_period',
        'd.own_staff',
        'd.user_unit_credit_code',
        'd.user_unit_name',
        'd.user_unit_org_type',
      ])
      .where('d.dispatch_unit_id', '=', unitId)
      .orderBy('d.person_id')
      .orderBy('d.from_period')
      .execute();
    return writePlacements(
      dir,
      rows.map((r) => {
        const idNumber = testCipher.decrypt(r.id_number_cipher);
        return r.own_staff
          ? [idNumber, null, r.name, '是', r.from_period, r.to_period, null, null, null]
          : [
              idNumber,
              null,
              r.name,
              '否',
              r.from_period,
              r.to_period,
              r.user_unit_credit_code,
              r.user_unit_name,
              ORG_TYPE_NAMES[r.user_unit_org_type!]!,
            ];
      }),
      `派遣人员表-${unitId}.xlsx`,
    );
  }

  it('系统管理员新建账号：不相容岗位和弱密码被拒绝并看到中文原因，改正后创建成功；停用另一账号', async () => {
    const { page } = h;
    await signIn('admin');
    await expect.poll(() => page.url()).toContain('/accounts');
    await page.locator('.ant-table-row').filter({ hasText: '经办员王五' }).waitFor();

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '新建工作人员账号' });
    await dialog.getByLabel('用户名').fill(NEW_USER);
    await dialog.getByLabel('姓名').fill('环翠区经办员刘七');
    await dialog.getByRole('checkbox', { name: '经办员' }).check();
    await dialog.getByRole('checkbox', { name: '审计员' }).check();
    await dialog.getByLabel('管辖地区').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '环翠区' }).click();
    await dialog.getByLabel('初始密码').fill('weak');
    await dialog.getByRole('button', { name: label('创建') }).click();
    const refusal = dialog.getByTestId('account-refusal');
    await expect.poll(() => refusal.innerText()).toContain('「经办员」与「审计员」为不相容岗位，不能由同一账号担任');

    await dialog.getByRole('checkbox', { name: '审计员' }).uncheck();
    await dialog.getByRole('button', { name: label('创建') }).click();
    await expect.poll(() => refusal.innerText()).toContain('密码至少10位');

    await dialog.getByLabel('初始密码').fill(STRONG_PASSWORD);
    await dialog.getByRole('button', { name: label('创建') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const created = page.locator('.ant-table-row').filter({ hasText: NEW_USER });
    await expect.poll(() => created.innerText()).toMatch(/环翠区经办员刘七[\s\S]*经办员[\s\S]*环翠区[\s\S]*正常/);

    const wangwu = page.locator('.ant-table-row').filter({ hasText: '经办员王五' });
    await wangwu.getByRole('button', { name: label('停用') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('停用') })
      .click();
    await expect.poll(() => wangwu.innerText()).toContain('已停用');
    await expect.poll(() => wangwu.getByRole('button', { name: label('启用') }).count()).toBe(1);
    await screenshot(page, 'accounts');
    await expectNoEnglish(page, DATA_WORDS);
  });

  it('审计员查询审计日志，看到管理员的操作和登录，并校验哈希链完整', async () => {
    const { page } = h;
    await signIn('shenji');
    await menu('审计日志');
    const rows = page.locator('.ant-table-row');
    const row = (...texts: string[]) => texts.reduce((found, text) => found.filter({ hasText: text }), rows);
    await row('系统管理员（admin）', '停用账号', '工作人员账号 jingban2').waitFor();
    await row('系统管理员（admin）', '新建账号', `工作人员账号 ${NEW_USER}`, '角色：经办员', '管辖地区：环翠区').waitFor();
    // Newest first: the auditor's own sign-in heads the list.
    expect(await rows.first().innerText()).toMatch(/shenji[\s\S]*登录/);

    await page.getByLabel('操作', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '全部登录记录' }).click();
    await page.getByRole('button', { name: label('查询') }).click();
    await expect.poll(async () => new Set(await rows.locator('.ant-tag').allInnerTexts())).toEqual(new Set(['登录']));
    await row('admin', '工作人员账号 admin').waitFor();
    expect(await row('shenji').count()).toBe(1);

    await page.getByRole('button', { name: '校验审计日志' }).first().click();
    const verdict = page.getByTestId('audit-verdict');
    await expect.poll(() => verdict.innerText()).toContain('审计日志完整');
    await screenshot(page, 'audit-log');
    await expectNoEnglish(page, DATA_WORDS);
  });

  it('经办员上传劳务派遣单位的派遣人员表：有误的表逐行列出问题；试算并提交后看到分配到各用工单位的金额', async () => {
    const { page } = h;
    await signIn('jingban');
    await menu('劳务派遣申请');
    const unitId = dispatch.unitId;
    await page.getByLabel('单位编号', { exact: true }).fill(String(unitId));

    const bad = await writePlacements(
      dir,
      [
        [
          idNumberOf(7),
          null,
          '派遣甲',
          '否',
          '2023-12',
          '2023-01',
          userUnitCode('91371002MA3YH000A'),
          '威海甲用工有限公司',
          '企业',
        ],
      ],
      '派遣人员表-有误.xlsx',
    );
    await page.getByTestId('placements-file').locator('input[type=file]').setInputFiles(bad);
    await page.getByRole('button', { name: '试算分配' }).click();
    const problems = page.getByTestId('dispatch-problems');
    await expect.poll(() => problems.innerText()).toContain('派遣截止年月不能早于派遣起始年月');
    expect(await problems.innerText()).toContain('第 2 行');

    await page
      .getByTestId('placements-file')
      .locator('input[type=file]')
      .setInputFiles(await placementsWorkbook(unitId));
    await page.getByRole('button', { name: '试算分配' }).click();
    const result = page.getByTestId('dispatch-result');
    await expect.poll(() => result.innerText()).toContain('试算结果（尚未提交）');
    const total = `${formatYuan(dispatch.amountFen)} 元`;
    expect(await result.innerText()).toContain(total);
    for (const a of dispatch.allocations) {
      expect(await result.locator('.ant-table-row').filter({ hasText: a.recipient }).innerText()).toContain(
        `${formatYuan(a.amountFen)} 元`,
      );
    }

    await page.getByRole('button', { name: '提交申请' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('提交') })
      .click();
    await expect.poll(() => result.innerText()).toMatch(/申请已提交（编号 \d+）/);
    expect(await result.innerText()).toContain('案件状态：符合条件');
    // The unit's stored application is looked up at once, with the same allocation.
    const stored = page.locator('.ant-card').filter({ hasText: '查询单位的申请' });
    await expect.poll(() => stored.innerText()).toContain('已判定');
    expect(await stored.innerText()).toContain(total);
    const userUnit = dispatch.allocations.find((a) => a.role === 'user_unit')!;
    expect(await stored.locator('.ant-table-row').filter({ hasText: userUnit.recipient }).innerText()).toContain('用工单位');
    await screenshot(page, 'dispatch');
    await expectNoEnglish(page, DATA_WORDS);

    await stored.getByRole('button', { name: '撤回申请' }).click();
    const withdraw = page.locator('.ant-modal').filter({ hasText: '撤回申请' });
    await withdraw.getByRole('textbox').fill('单位申报的派遣期间有误，退回重报');
    await withdraw.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => stored.innerText()).toContain('已撤回');
    expect(await stored.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
  });

  it('新账号以管理员设定的密码登录后修改密码：当前密码错误被拒绝，修改成功后须以新密码重新登录', async () => {
    const { page } = h;
    const signInWith = async (password: string) => {
      await page.getByLabel('用户名').fill(NEW_USER);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: label('登录') }).click();
      await expect.poll(() => page.getByTestId('current-staff').innerText()).toContain('环翠区经办员刘七');
    };
    await page.goto(`${h.baseUrl}/login`);
    await signInWith(STRONG_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    const next = 'Wendeng#2024new';
    await page.getByLabel('当前密码').fill('Wrong#2024pass');
    await page.getByLabel('新密码', { exact: true }).fill(next);
    await page.getByLabel('再次输入新密码').fill(`${next}x`);
    await page.locator('form').getByRole('button', { name: '修改密码' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await page.getByLabel('再次输入新密码').fill(next);
    await page.locator('form').getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByTestId('password-refusal').innerText()).toContain('当前密码不正确');

    await page.getByLabel('当前密码').fill(STRONG_PASSWORD);
    await page.locator('form').getByRole('button', { name: '修改密码' }).click();
    await page.getByText('请使用新密码重新登录').waitFor();
    await expectNoEnglish(page, DATA_WORDS);
    await page.getByRole('button', { name: '重新登录' }).click();
    await expect.poll(() => page.url()).toContain('/login');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await signInWith(next);
  });

  it('登录30分钟无操作后会话过期，再点菜单回到登录页并提示重新登录', async () => {
    const { page } = h;
    await signIn('jingban');
    // The list's own request must be answered before the clock jumps, or its 401 signs the page out before the click.
    const listed = page.waitForResponse((response) => /\/api\/v1\/rounds\/\d{4}\/decisions\?/.test(response.url()));
    await menu('决定列表');
    expect((await listed).status()).toBe(200);
    h.clock.set(new Date(h.clock.now().getTime() + 31 * 60_000).toISOString());
    await menu('复核');
    await expect.poll(() => page.url()).toContain('/login');
    await expect.poll(() => page.getByTestId('sign-in-notice').innerText()).toContain('登录已过期，请重新登录');
    await expectNoEnglish(page, DATA_WORDS);
  });
});
