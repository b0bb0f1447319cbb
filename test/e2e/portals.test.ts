// The enterprise and person portals in the browser, on a small generated population screened by the real rules: a unit
// signs in with the SMS code texted to it, reads why it gets its refund and confirms it; a labour-dispatch unit uploads
// its workers and sees the allocation before it submits; a person signs in, sees their own record and switches off
// policy push SMS. Every page is in Chinese.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { ORG_TYPE_LABELS } from '../../src/services/imports/kinds/labels.ts';
import { generateIntoStore } from '../../src/demo/generate/generate-into-store.ts';
import { startScreeningRun } from '../../src/services/screening/screening-run.ts';
import { writePlacements } from '../support/dispatch-fixtures.ts';
import { codeInBody, testCipher } from '../support/sms-fixtures.ts';
import { browserSkipReason, expectNoEnglish, screenshot, startHarness, type Harness } from './browser-harness.ts';

const ORG_TYPE_NAMES = Object.fromEntries(Object.entries(ORG_TYPE_LABELS).map(([name, code]) => [code, name]));

describe.skipIf(browserSkipReason)('单位和个人在门户中登录办事', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    h = await startHarness({ now: '2024-10-10T02:00:00Z' });
    dir = await mkdtemp(join(tmpdir(), 'wengang-portals-'));
    const params = projectParameters();
    await generateIntoStore(h.store, {
      scale: { units: 200, regions: 'weihai', people: { persons: 300 } },
      seed: 11,
      cipher: testCipher,
      params,
    });
    await startScreeningRun(h.store, { round: '2024', clock: h.clock, params });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Signs in on a fresh page with the identifier and the code the SMS provider received. */
  async function signIn(path: '/unit' | '/person', label: string, identifier: string): Promise<Page> {
    const page = await h.browser.newPage({
      viewport: { width: 1000, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await page.goto(`${h.baseUrl}${path}`);
    await page.getByLabel(label).fill(identifier);
    const before = h.sms.delivered.length;
    await page.getByRole('button', { name: '获取短信验证码' }).click();
    await expect.poll(() => h.sms.delivered.length).toBe(before + 1);
    await page.getByText(/验证码已发送/).waitFor();
    await page.getByLabel('短信验证码').fill(codeInBody(h.sms.delivered.at(-1)!.body));
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await page.getByTestId('portal-signed-in').waitFor();
    return page;
  }

  it('单位以短信验证码登录，看到返还金额和逐项判定说明，确认返还', async () => {
    const unit = await h.store.db
      .selectFrom('refund_cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['u.id', 'u.name', 'u.credit_code', 'c.amount_fen'])
      .where('c.state', '=', 'eligible')
      .where('u.labor_dispatch', '=', false)
      .where('u.contact_phone_cipher', 'is not', null)
      .orderBy('c.amount_fen', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await h.store.db.updateTable('refund_cases').set({ state: 'notified' }).where('unit_id', '=', unit.id).execute();

    const page = await signIn('/unit', '统一社会信用代码', unit.credit_code);
    expect(await page.getByTestId('portal-signed-in').innerText()).toContain(unit.name);
    await page.getByTestId('refund-summary').waitFor();
    expect(await page.getByTestId('refund-summary').innerText()).toMatch(
      /^经大数据比对，您单位符合2024年度失业保险稳岗返还条件，返还金额为 [\d,]+\.\d{2} 元。$/,
    );
    expect(await page.getByTestId('refund-amount').innerText()).toMatch(/^[\d,]+\.\d{2} 元$/);
    expect(await page.getByTestId('refund-state').innerText()).toBe('已短信告知');
    await expect
      .poll(() =>
        page
          .getByTestId('refund-checklist')
          .getByText(/，符合$/)
          .count(),
      )
      .toBeGreaterThan(3);
    expect(
      await page
        .getByTestId('refund-checklist')
        .getByText(/^依据：鲁人社发〔2024〕8号/)
        .count(),
    ).toBeGreaterThan(3);
    expect(await page.locator('body').innerText()).not.toContain(unit.credit_code);
    await screenshot(page, 'unit-portal');
    await expectNoEnglish(page);

    await page.getByRole('button', { name: '确认返还' }).click();
    await page
      .locator('.ant-modal')
      .getByText(/确认2024年度稳岗返还金额/)
      .waitFor();
    await page.locator('.ant-modal').getByRole('button', { name: '确认无误，提交' }).click();
    await page.getByTestId('refund-confirmation').waitFor();
    expect(await page.getByTestId('refund-state').innerText()).toBe('单位已确认');
    expect(await page.getByRole('button', { name: '确认返还' }).count()).toBe(0);
    await expectNoEnglish(page);
    const stored = await h.store.db
      .selectFrom('confirmations')
      .select(['amount_fen', 'confirmed_by'])
      .where('unit_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ amount_fen: unit.amount_fen, confirmed_by: `单位:${unit.credit_code}` });

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('统一社会信用代码').waitFor();
    await page.close();
  });

  it('劳务派遣单位上传派遣人员表，先看到分配结果再提交申请', async () => {
    const dispatch = await h.store.db
      .selectFrom('units as u')
      .select(['u.id', 'u.credit_code'])
      .where('u.labor_dispatch', '=', true)
      .where('u.contact_phone_cipher', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('dispatch_placements as p')
            .select('p.person_id')
            .whereRef('p.dispatch_unit_id', '=', 'u.id')
            .where('p.own_staff', '=', false),
        ),
      )
      .orderBy('u.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const placements = await h.store.db
      .selectFrom('dispatch_placements as p')
      .innerJoin('persons as w', 'w.id', 'p.person_id')
      .select([
        'w.id_number_cipher',
        'w.name',
        'p.own_staff',
        'p.from_period',
        'p.to_period',
        'p.user_unit_credit_code',
        'p.user_unit_name',
        'p.user_unit_org_type',
      ])
      .where('p.dispatch_unit_id', '=', dispatch.id)
      .orderBy('p.person_id')
      .orderBy('p.from_period')
      .execute();
    const sheet = await writePlacements(
      dir,
      placements.map((p) => [
        testCipher.decrypt(p.id_number_cipher),
        null,
        p.name,
        p.own_staff ? '是' : '否',
        p.own_staff ? null : p.from_period,
        p.own_staff ? null : p.to_period,
        p.user_unit_credit_code,
        p.user_unit_name,
        p.user_unit_org_type ? ORG_TYPE_NAMES[p.user_unit_org_type]! : null,
      ]),
      '派遣人员表.xlsx',
    );

    const page = await signIn('/unit', '统一社会信用代码', dispatch.credit_code);
    const apply = page.getByTestId('dispatch-apply');
    await apply.waitFor();
    await apply.locator('input[type=file]').first().setInputFiles(sheet);
    await apply.getByRole('button', { name: '试算分配' }).click();
    const preview = page.getByTestId('dispatch-preview');
    await preview.waitFor();
    await expect.poll(() => preview.getByText('用工单位').count()).toBeGreaterThan(0);
    await screenshot(page, 'unit-dispatch');
    await expectNoEnglish(page);

    await apply.getByRole('button', { name: '提交申请' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '确认提交' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '确认提交' }).click();
    // Deciding the application re-reads the unit's ledger: allow for a loaded machine.
    await page.getByText(/本年度申请已提交（编号 \d+，已判定）/).waitFor({ timeout: 90_000 });
    const application = await h.store.db
      .selectFrom('dispatch_applications')
      .select(['status', 'submitted_by'])
      .where('unit_id', '=', dispatch.id)
      .executeTakeFirstOrThrow();
    expect(application).toEqual({ status: 'decided', submitted_by: `单位:${dispatch.credit_code}` });
    await page.close();
  }, 150_000);

  it('个人以身份证号码和短信验证码登录，看到本人的参保、证书和补贴记录，退订政策推送短信', async () => {
    const person = await h.store.db
      .selectFrom('persons as p')
      .select(['p.id', 'p.name', 'p.id_number_cipher'])
      .where('p.phone_cipher', 'is not', null)
      .where((eb) => eb.exists(eb.selectFrom('certificates as c').select('c.number').whereRef('c.person_id', '=', 'p.id')))
      .orderBy('p.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const idNumber = testCipher.decrypt(person.id_number_cipher);
    const spells = await h.store.db.selectFrom('insurance_spells').select('unit_id').where('person_id', '=', person.id).execute();

    const page = await signIn('/person', '公民身份号码', idNumber);
    const info = page.getByTestId('person-info');
    await info.waitFor();
    expect(await info.innerText()).toContain(person.name);
    expect(await page.locator('body').innerText()).not.toContain(idNumber);
    await expect.poll(() => page.getByTestId('person-spells').locator('.ant-table-row').count()).toBe(spells.length);
    await expect.poll(() => page.getByText(/（[一二三四五]级）/).count()).toBeGreaterThan(0);
    await screenshot(page, 'person-portal');
    await expectNoEnglish(page);
    const viewed = await h.store.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'personal_data.self_view')
      .where('subject', '=', `person:${person.id}`)
      .execute();
    expect(viewed.length).toBeGreaterThan(0);

    // 接收政策推送短信: switching it off records the opt-out that push campaigns respect.
    const pushSwitch = page.getByTestId('push-preference-switch');
    await expect.poll(() => pushSwitch.getAttribute('aria-checked')).toBe('true');
    await pushSwitch.click();
    await page.getByText('已退订政策推送短信，今后不再向您推送政策短信。').waitFor();
    await expect.poll(() => page.getByTestId('push-preference-state').innerText()).toContain('退订政策推送短信');
    const optedOut = await h.store.db
      .selectFrom('person_push_opt_outs')
      .select('recorded_by')
      .where('person_id', '=', person.id)
      .execute();
    expect(optedOut).toEqual([{ recorded_by: `个人:${person.id}` }]);
    await expectNoEnglish(page);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('公民身份号码').waitFor();
    await page.close();
  });
});
