// Targeted push campaigns on both store backends: a push reaches exactly the city's units that are eligible and were
// told but have not confirmed (less those who opted out or have no phone), never twice; outside working hours it is
// refused; the report shows reach, uptake and money paid by district. A dispatch campaign reaches exactly the
// labour-dispatch units that must apply and have not, and counts a later application as uptake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { RefundCaseState } from '../../../src/domain/refund-case.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { campaignReport } from '../../../src/services/campaigns/campaign-report.ts';
import { createCampaign } from '../../../src/services/campaigns/campaigns.ts';
import { insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';
import { pushAsCaseWorker, caseWorker, CITY, clock, HUANCUI, WENDENG } from '../../support/risk-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

async function unitCase(
  db: Kysely<Database>,
  runId: number,
  name: string,
  state: RefundCaseState,
  options: { region?: string; phone?: boolean; laborDispatch?: boolean } = {},
) {
  const unit = await insertUnitWithCase(
    db,
    runId,
    { name, regionCode: options.region ?? HUANCUI, laborDispatch: options.laborDispatch ?? false },
    { state, amountFen: 120_000 },
  );
  if (options.phone !== false) {
    await db
      .updateTable('units')
      .set({ contact_phone_cipher: testCipher.encrypt('13806311234'), contact_phone_masked: '138****1234' })
      .where('id', '=', unit.id)
      .execute();
  }
  return unit.id;
}

async function dispatchApplication(db: Kysely<Database>, unitId: number, status: 'submitted' | 'withdrawn', at: string) {
  await db
    .insertInto('dispatch_applications')
    .values({
      round: ROUND,
      unit_id: unitId,
      status,
      workers: '[]',
      worker_payments: '[]',
      submitted_by: '派遣单位经办',
      submitted_at: at,
    })
    .execute();
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`push campaigns on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    const push = (db: Kysely<Database>, campaignId: number, at = clock) => pushAsCaseWorker(db, campaignId, at);

    it('pushes to exactly the eligible-but-unclaimed units once, and shows uptake and money by district', async () => {
      await backend.withStore(async ({ db }) => {
        const run = await insertRun(db);
        const told = await unitCase(db, run, '待确认甲有限公司', 'notified');
        const toldWendeng = await unitCase(db, run, '待确认乙有限公司', 'notified', { region: WENDENG });
        const optedOut = await unitCase(db, run, '已退订有限公司', 'notified');
        await unitCase(db, run, '无电话有限公司', 'notified', { phone: false });
        await unitCase(db, run, '已确认有限公司', 'confirmed');
        await unitCase(db, run, '未告知有限公司', 'eligible');
        await unitCase(db, run, '烟台有限公司', 'notified', { region: '370600' });
        await db.insertInto('push_opt_outs').values({ unit_id: optedOut, recorded_by: '经办张三' }).execute();

        const { campaignId } = await createCampaign(db, {
          code: 'huhang',
          round: ROUND,
          cityCode: CITY,
          actor: caseWorker,
          clock,
        });
        const first = await push(db, campaignId);
        expect(first).toEqual({ targets: 4, queued: 2, skipped: { opted_out: 1, no_phone: 1 } });
        const outbox = await db.selectFrom('sms_outbox').select(['unit_id', 'body']).orderBy('unit_id').execute();
        expect(outbox.map((o) => o.unit_id)).toEqual([told, toldWendeng]);
        expect(outbox[0]!.body).toContain('护航行动');
        expect(await push(db, campaignId)).toMatchObject({ queued: 0 });
        expect(await db.selectFrom('sms_outbox').select('id').execute()).toHaveLength(2);

        await db.updateTable('sms_outbox').set({ status: 'sent' }).execute();
        await db.updateTable('refund_cases').set({ state: 'paid' }).where('unit_id', '=', told).execute();
        await db
          .insertInto('payments')
          .values({
            idempotency_key: `refund:${ROUND}:${told}`,
            round: ROUND,
            unit_id: told,
            purpose: 'job_retention_refund',
            recipient_credit_code: 'x',
            recipient_name: '待确认甲有限公司',
            role: 'unit',
            amount_fen: 120_000,
            account_kind: 'corporate_account',
            account_cipher: Buffer.from('sealed'),
            account_masked: '6222****0001',
            status: 'paid',
            region_code: HUANCUI,
          })
          .execute();
        const report = await campaignReport(db, campaignId);
        expect(report.districts.map((d) => [d.regionCode, d.targets, d.reached, d.uptake, d.paidFen])).toEqual([
          [HUANCUI, 3, 1, 1, 120_000],
          [WENDENG, 1, 1, 0, 0],
        ]);
      });
    });

    it('does not push outside working hours, nor within the repeat window of another campaign', async () => {
      await backend.withStore(async ({ db }) => {
        const run = await insertRun(db);
        await unitCase(db, run, '待确认丙有限公司', 'notified');
        const { campaignId: first } = await createCampaign(db, {
          code: 'zhanchi',
          round: ROUND,
          cityCode: CITY,
          actor: caseWorker,
          clock,
        });
        await expect(push(db, first, fixedClock('2024-10-08T20:00:00+08:00'))).rejects.toThrow('推送短信只在工作日');
        await expect(push(db, first, fixedClock('2024-10-05T10:00:00+08:00'))).rejects.toThrow('推送短信只在工作日');
        expect(await push(db, first)).toMatchObject({ queued: 1 });
        const { campaignId: second } = await createCampaign(db, {
          code: 'autumn-push',
          name: '秋季稳岗推送',
          round: ROUND,
          cityCode: CITY,
          actor: caseWorker,
          clock,
        });
        expect(await push(db, second)).toEqual({ targets: 1, queued: 0, skipped: { recently_pushed: 1 } });
      });
    });

    it('pushes to exactly the labour-dispatch units that must apply and have not, and counts a later application', async () => {
      await backend.withStore(async ({ db }) => {
        const run = await insertRun(db);
        const dispatch = { laborDispatch: true };
        const mustApply = await unitCase(db, run, '未申请劳务派遣有限公司', 'needs_review', dispatch);
        const withdrew = await unitCase(db, run, '已撤回劳务派遣有限公司', 'needs_review', dispatch);
        await dispatchApplication(db, withdrew, 'withdrawn', '2024-09-01T10:00:00+08:00');
        const applied = await unitCase(db, run, '已申请劳务派遣有限公司', 'needs_review', dispatch);
        await dispatchApplication(db, applied, 'submitted', '2024-09-01T10:00:00+08:00');
        await unitCase(db, run, '待复核普通有限公司', 'needs_review');
        await unitCase(db, run, '烟台劳务派遣有限公司', 'needs_review', { ...dispatch, region: '370600' });

        const { campaignId } = await createCampaign(db, {
          code: 'dispatch-push',
          name: '劳务派遣申请提醒',
          audience: 'dispatch_unapplied',
          round: ROUND,
          cityCode: CITY,
          actor: caseWorker,
          clock,
        });
        expect(await push(db, campaignId)).toEqual({ targets: 2, queued: 2, skipped: {} });
        const outbox = await db.selectFrom('sms_outbox').select(['unit_id', 'body']).orderBy('unit_id').execute();
        expect(outbox.map((o) => o.unit_id)).toEqual([mustApply, withdrew]);
        expect(outbox[0]!.body).toContain('劳务派遣单位须主动申请');
        expect(outbox[0]!.body).not.toMatch(/\d+(\.\d+)?元/);

        await dispatchApplication(db, mustApply, 'submitted', '2024-10-09T10:00:00+08:00');
        const report = await campaignReport(db, campaignId);
        expect(report.districts.map((d) => [d.regionCode, d.targets, d.uptake])).toEqual([[HUANCUI, 2, 1]]);
      });
    });
  });
}
