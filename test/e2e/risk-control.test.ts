// Risk control and push campaigns in the browser (鲁人社发〔2024〕8号 第八条、第九条): two risk hits appear in the queue
// and the detail says what the rule looks for; a case worker proposes to clear one and to confirm the other, a
// reviewer approves both; finance records a repayment of the confirmed duplicate in yuan, which the auditor (a second
// person) then sees; the campaign tab and the dashboard show each district's targets, reach and uptake; a death
// extract's results page shows the person masked with the case and the hold it triggered. Every word is Chinese.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from '../../src/adapters/crypto/argon2-password-hasher.ts';
import { seedDemoStaff } from '../../src/demo/demo-staff.ts';
import { createCampaign } from '../../src/services/campaigns/campaigns.ts';
import { importFile } from '../../src/services/imports/import-file.ts';
import { writeCsvFile } from '../support/import-fixtures.ts';
import { insertConfirmedPayments } from '../support/bank-fixtures.ts';
import { insertRun, insertUnitWithCase, ROUND } from '../support/review-fixtures.ts';
import {
  caseWorker,
  CITY,
  clock,
  compareCity,
  hitsOf,
  HUANCUI,
  insertPersonWithIdNumber,
  paidTwiceByTwoDistricts,
  WENDENG,
  pushAsCaseWorker,
} from '../support/risk-fixtures.ts';
import { testCipher } from '../support/sms-fixtures.ts';
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

const label = buttonLabel;

describe.skipIf(browserSkipReason)('风险疑点与精准推送在浏览器中办理', () => {
  let h: Harness;
  let flaggedHit: number;
  let duplicateHit: number;
  let deceased: { id: number; idNumber: string };

  beforeAll(async () => {
    h = await startHarness({ now: '2024-10-08T02:00:00Z' });
    const { db } = h.store;
    await seedDemoStaff(db, argon2PasswordHasher, h.clock);
    const [flagged] = await insertConfirmedPayments(db, [10_000]);
    await db
      .insertInto('unit_flags')
      .values({ unit_id: flagged!.unitId, flag: 'deregistered', from_date: '2024-09-01' })
      .execute();
    flaggedHit = (await hitsOf(db, 'unit_flagged_after_decision'))[0]!.id;
    await paidTwiceByTwoDistricts(db, 70_000);
    duplicateHit = (await hitsOf(db, 'duplicate_payment_across_districts'))[0]!.id;

    const run = await insertRun(db);
    const phone = { contact_phone_cipher: testCipher.encrypt('13806311234'), contact_phone_masked: '138****1234' };
    const told = [];
    for (const [name, regionCode] of [
      ['推送甲有限公司', HUANCUI],
      ['推送乙有限公司', WENDENG],
    ] as const) {
      const unit = await insertUnitWithCase(db, run, { name, regionCode }, { state: 'notified', amountFen: 120_000 });
      await db.updateTable('units').set(phone).where('id', '=', unit.id).execute();
      told.push(unit.id);
    }
    const { campaignId } = await createCampaign(db, { code: 'huhang', round: ROUND, cityCode: CITY, actor: caseWorker, clock });
    await pushAsCaseWorker(db, campaignId, clock, h.baseUrl);
    await db.updateTable('sms_outbox').set({ status: 'sent' }).execute();
    await db.updateTable('refund_cases').set({ state: 'confirmed' }).where('unit_id', '=', told[0]!).execute();

    deceased = await insertPersonWithIdNumber(db, HUANCUI);
    await db
      .insertInto('benefit_periods')
      .values({ person_id: deceased.id, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })
      .execute();
    const dir = await mkdtemp(join(tmpdir(), 'wengang-e2e-deaths-'));
    const path = join(dir, 'deaths.csv');
    writeCsvFile(
      path,
      ['公民身份号码', '死亡日期', '撤销日期', '信息来源'],
      [[deceased.idNumber, '2024-08-10', '', '公安户籍注销']],
      'utf8',
    );
    const imported = await importFile(h.store, {
      kind: 'comparison-deaths',
      path,
      fileName: '死亡比对.csv',
      actor: '经办员',
      cipher: testCipher,
      reportDir: join(dir, 'reports'),
    });
    expect(imported.status).toBe('accepted');
    await compareCity(db);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  const row = (id: number) =>
    h.page.locator('.ant-table-row').filter({ has: h.page.locator('td', { hasText: new RegExp(`^${id}$`) }) });
  const openHit = async (id: number) => {
    await row(id).click();
    await expect.poll(() => h.page.locator('.ant-drawer').innerText()).toContain(`风险疑点 #${id}`);
  };
  const closeDrawer = async () => {
    await h.page.locator('.ant-drawer-close').click();
    await expect.poll(() => h.page.locator('.ant-drawer-open').count()).toBe(0);
  };
  const drawerStatus = () => h.page.getByTestId('hit-status').innerText();

  it('疑点进入队列并显示规则说明；经办提出意见、复核通过；财务登记追回款，审计人员看到', async () => {
    const { page } = h;
    await signInStaff(h, 'jingban');
    await openMenu(page, '风险防控');
    await expect.poll(() => row(flaggedHit).innerText()).toContain('暂停支付');
    expect(await row(duplicateHit).innerText()).toContain('700.00 元');

    await openHit(flaggedHit);
    const drawer = page.locator('.ant-drawer');
    expect(await drawer.innerText()).toContain('收款单位被列入严重失信名单、注销或破产');
    expect(await drawer.innerText()).toContain('鲁人社发〔2024〕8号 第八条');
    await page.getByPlaceholder('核查或复核意见').fill('注销登记系误录，已核实更正');
    await page.getByRole('button', { name: label('排除疑点') }).click();
    await expect.poll(drawerStatus).toContain('待复核');
    await closeDrawer();

    await openHit(duplicateHit);
    await page.getByPlaceholder('核查或复核意见').fill('两区重复支付属实，应追回');
    await page.getByRole('button', { name: label('确认问题') }).click();
    await expect.poll(drawerStatus).toContain('待复核');
    expect(await page.getByRole('button', { name: label('复核通过') }).count()).toBe(0);
    await expectNoEnglish(page, STAFF_NAME_WORDS);
    await closeDrawer();

    await signInStaff(h, 'fuhe');
    await openMenu(page, '风险防控');
    for (const id of [flaggedHit, duplicateHit]) {
      await openHit(id);
      await page.getByRole('button', { name: label('复核通过') }).click();
      await expect.poll(drawerStatus).not.toContain('待复核');
      await closeDrawer();
    }
    await expect.poll(() => row(flaggedHit).innerText()).toContain('已排除');
    expect(await row(flaggedHit).innerText()).not.toContain('暂停支付');
    expect(await row(duplicateHit).innerText()).toContain('已确认（追回中）');

    await signInStaff(h, 'caiwu');
    await openMenu(page, '风险防控');
    await openHit(duplicateHit);
    await page.getByLabel('到账金额（元）').fill('300.5');
    await page.getByLabel('到账日期').fill('2024-10-08');
    await page.getByLabel('到账凭证号').fill('HK-20241008-01');
    await page.getByRole('button', { name: label('登记') }).click();
    await expect.poll(() => drawer.innerText()).toContain('HK-20241008-01');
    expect(await drawer.innerText()).toContain('700.00 元 / 300.50 元');
    const ledger = await h.store.db
      .selectFrom('risk_repayments')
      .select(['amount_fen', 'recorded_by'])
      .where('hit_id', '=', duplicateHit)
      .execute();
    expect(ledger).toEqual([{ amount_fen: 30_050, recorded_by: expect.stringContaining('财务孙七') }]);
    const postings = await h.store.db
      .selectFrom('ledger_transactions')
      .select('kind')
      .where('risk_hit_id', '=', duplicateHit)
      .orderBy('id')
      .execute();
    expect(postings.map((p) => p.kind)).toEqual(['recovery_receivable', 'recovery_repayment']);
    await closeDrawer();

    await signInStaff(h, 'shenji');
    await openMenu(page, '风险防控');
    await openHit(duplicateHit);
    const seen = await drawer.innerText();
    expect(seen).toContain('HK-20241008-01');
    expect(seen).toContain('财务孙七');
    expect(await page.getByTestId('repayment-form').count()).toBe(0);
    const audit = await h.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', `risk_hit:${duplicateHit}`)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toContain('risk_hit.repayment');
    await closeDrawer();
  });

  it('推送活动页按区县显示推送对象、送达与确认领取', async () => {
    const { page } = h;
    await signInStaff(h, 'shenji');
    await openMenu(page, '风险防控');
    await page.getByRole('tab', { name: '推送活动' }).click();
    const table = page.getByTestId('campaign-table');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(2);
    const cells = async (name: string) =>
      (await table.locator('.ant-table-row').filter({ hasText: name }).locator('td').allInnerTexts()).slice(1, 4);
    expect(await cells('环翠区')).toEqual(['1', '1', '1']);
    expect(await cells('文登区')).toEqual(['1', '1', '0']);
    await expectNoEnglish(page, STAFF_NAME_WORDS);
  });

  it('工作台按区县显示推送活动的推送对象、送达、确认领取与已支付金额', async () => {
    const { page } = h;
    await signInStaff(h, 'jingban');
    await openMenu(page, '工作台');
    const table = page.getByTestId('dashboard-campaign-table');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(2);
    const cells = async (name: string) =>
      (await table.locator('.ant-table-row').filter({ hasText: name }).locator('td').allInnerTexts()).slice(1, 5);
    expect(await cells('环翠区')).toEqual(['1', '1', '1', '0.00 元']);
    expect(await cells('文登区')).toEqual(['1', '1', '0', '0.00 元']);
    await expect.poll(() => page.getByTestId('dashboard-campaign-chart').locator('canvas').count()).toBeGreaterThan(0);
    await expectNoEnglish(page, STAFF_NAME_WORDS);
  });

  it('比对结果页列出死亡比对的人员（脱敏）及其触发的疑点和暂停支付', async () => {
    const { page } = h;
    await signInStaff(h, 'jingban');
    await openMenu(page, '风险防控');
    await page.getByRole('tab', { name: '比对结果' }).click();
    const table = page.getByTestId('comparison-findings');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(1);
    const text = await table.locator('.ant-table-row').innerText();
    expect(text).toContain('环翠区');
    expect(text).toContain('死亡');
    expect(text).toContain('2024-08-10');
    expect(text).toContain('暂停支付');
    expect(text).toMatch(/疑点 #\d+（待核查）/);
    expect(text).not.toContain(deceased.idNumber);
    expect(await page.getByTestId('comparison-batch').innerText()).toContain('死亡比对.csv：比对结果 1 条，疑点 1 个');
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: label('导出电子表格') }).click();
    expect((await saved).suggestedFilename()).toMatch(/^比对结果\d+\.xlsx$/);
    await expect
      .poll(async () =>
        (
          await h.store.db
            .selectFrom('audit_log')
            .select('actor')
            .where('action', '=', 'risk.export_comparison_findings')
            .execute()
        ).map((a) => a.actor),
      )
      .toEqual([expect.stringContaining('经办')]);
    await expectNoEnglish(page, STAFF_NAME_WORDS);
  });
});
