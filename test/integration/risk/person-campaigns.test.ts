// Push campaigns to persons on both store backends: a skill-subsidy push reaches exactly the city's insured holders of a
// certificate within the application window who have not applied for it, a benefit push exactly the persons separated
// against their will who have not claimed; opted-out persons and those pushed within the repeat window are skipped; the
// text names no amount; the report counts a target who applies afterwards as uptake, and the grant paid to them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { SeparationReason } from '../../../src/domain/benefit.ts';
import type { CampaignAudience } from '../../../src/domain/vocabulary/risk.ts';
import { campaignReport } from '../../../src/services/campaigns/campaign-report.ts';
import { createCampaign } from '../../../src/services/campaigns/campaigns.ts';
import { CAMPAIGN_TEMPLATE } from '../../../src/services/campaigns/push-campaign.ts';
import { createPersonPayment } from '../../../src/services/payments/create-person-payment.ts';
import { idNumberOf } from '../../support/dispatch-fixtures.ts';
import { insertPerson, testCipher } from '../../support/person-fixtures.ts';
import { ROUND } from '../../support/review-fixtures.ts';
import { pushAsCaseWorker, caseWorker, CITY, clock } from '../../support/risk-fixtures.ts';
import { insertCertificateHolder } from '../../support/skill-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

let serial = 0;
const nextIdNumber = () => idNumberOf(9_000 + ++serial);
const AFTER_PUSH = '2024-10-09T10:00:00+08:00';

async function skillApplication(db: Kysely<Database>, holder: { personId: number; certificateNumber: string }, at: string) {
  await db
    .insertInto('skill_subsidy_applications')
    .values({
      person_id: holder.personId,
      certificate_number: holder.certificateNumber,
      occupation_code: '6-18-02-04',
      level: 4,
      issue_date: '2024-05-01',
      application_date: at.slice(0, 10),
      channel: 'person_portal',
      status: 'eligible',
      state: 'submitted',
      amount_fen: 150_000,
      reasons: '[]',
      trace: '[]',
      retroactive: false,
      input_hash: `campaign-${holder.certificateNumber}`,
      region_code: '371002',
      submitted_by: '申请人',
      submitted_at: at,
    })
    .execute();
}

async function separated(db: Kysely<Database>, reason: SeparationReason, separatedOn = '2024-09-01') {
  const personId = await insertPerson(db, { name: `失业测试${++serial}`, idNumber: nextIdNumber(), phone: '13900000000' });
  await db
    .insertInto('unemployment_registrations')
    .values({ person_id: personId, separated_on: separatedOn, separation_reason: reason, region_code: '371002' })
    .execute();
  return personId;
}

async function benefitClaim(db: Kysely<Database>, personId: number, at: string) {
  await db
    .insertInto('benefit_claims')
    .values({
      person_id: personId,
      claim_date: at.slice(0, 10),
      channel: 'portal',
      status: 'submitted',
      decision_status: 'eligible',
      reasons: '[]',
      trace: '[]',
      input: '{}',
      policy_version: 'campaign-test',
      contribution_months: 30,
      max_months: 12,
      monthly_fen: 198_000,
      first_period: at.slice(0, 7),
      submitted_by: '申请人',
      submitted_at: at,
      region_code: '371002',
    })
    .execute();
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`person push campaigns on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    const campaign = async (db: Kysely<Database>, code: string, audience: CampaignAudience) =>
      (
        await createCampaign(db, {
          code,
          name: `测试推送${code}`,
          audience,
          round: ROUND,
          cityCode: CITY,
          actor: caseWorker,
          clock,
        })
      ).campaignId;
    const push = (db: Kysely<Database>, campaignId: number) => pushAsCaseWorker(db, campaignId);
    const targetsOf = async (db: Kysely<Database>, campaignId: number) =>
      (await db.selectFrom('campaign_targets').select('person_id').where('campaign_id', '=', campaignId).execute())
        .map((t) => t.person_id)
        .sort((a, b) => a! - b!);
    const pushedTo = async (db: Kysely<Database>, campaignId: number) =>
      (
        await db
          .selectFrom('sms_outbox')
          .select(['person_id', 'body', 'phone_cipher', 'phone_masked'])
          .where('idempotency_key', 'like', `campaign:${campaignId}:%`)
          .orderBy('person_id')
          .execute()
      ).map((o) => ({ ...o, phone: testCipher.decrypt(o.phone_cipher) }));

    it('pushes the skill subsidy to exactly the insured holders who have not applied, and counts a later application', async () => {
      await backend.withStore(async ({ db }) => {
        const holder = (issueDate: string, insuredFrom = '2020-01') =>
          insertCertificateHolder(db, { idNumber: nextIdNumber(), issueDate, insuredFrom });
        const eligible = await holder('2024-05-01');
        const optedOut = await holder('2024-05-01');
        const recentlyPushed = await holder('2024-05-01');
        const applied = await holder('2024-05-01');
        await skillApplication(db, applied, '2024-06-01T10:00:00+08:00');
        await holder('2023-06-01'); // issued outside the 12-month window
        await holder('2024-05-01', '2025-01'); // not insured today
        await db.insertInto('person_push_opt_outs').values({ person_id: optedOut.personId, recorded_by: '经办张三' }).execute();
        const earlier = await campaign(db, 'skill-earlier', 'persons_skill');
        await db
          .insertInto('sms_outbox')
          .values({
            idempotency_key: `campaign:${earlier}:person:${recentlyPushed.personId}`,
            round: ROUND,
            unit_id: null,
            person_id: recentlyPushed.personId,
            phone_cipher: testCipher.encrypt('13800000000'),
            phone_masked: '138****0000',
            template: CAMPAIGN_TEMPLATE,
            body: '早先的推送',
            status: 'sent',
            next_attempt_at: '2024-10-01T10:00:00+08:00',
            created_at: '2024-10-01T10:00:00+08:00',
          })
          .execute();

        const campaignId = await campaign(db, 'skill-autumn', 'persons_skill');
        expect(await push(db, campaignId)).toEqual({
          targets: 3,
          queued: 1,
          skipped: { opted_out: 1, recently_pushed: 1 },
        });
        expect(await targetsOf(db, campaignId)).toEqual(
          [eligible.personId, optedOut.personId, recentlyPushed.personId].sort((a, b) => a - b),
        );
        const sent = await pushedTo(db, campaignId);
        expect(sent.map((s) => [s.person_id, s.phone, s.phone_masked])).toEqual([
          [eligible.personId, '13800000000', '138****0000'],
        ]);
        expect(sent[0]!.body).toContain('技能提升补贴');
        expect(sent[0]!.body).not.toMatch(/\d+(\.\d+)?元/);

        await db.updateTable('sms_outbox').set({ status: 'sent' }).execute();
        expect((await campaignReport(db, campaignId)).districts.map((d) => [d.targets, d.reached, d.uptake])).toEqual([
          [3, 1, 0],
        ]);
        await skillApplication(db, eligible, AFTER_PUSH);
        expect((await campaignReport(db, campaignId)).districts.map((d) => [d.targets, d.reached, d.uptake])).toEqual([
          [3, 1, 1],
        ]);
        const grant = await db.transaction().execute((trx) =>
          createPersonPayment(trx, {
            purpose: 'skill_subsidy',
            decision: `campaign-grant:${eligible.personId}`,
            personId: eligible.personId,
            amountFen: 150_000,
            round: ROUND,
            by: '财务一',
            at: new Date(AFTER_PUSH),
          }),
        );
        if (!('paymentId' in grant)) throw new Error(grant.held);
        expect((await campaignReport(db, campaignId)).districts.map((d) => d.paidFen)).toEqual([0]);
        await db.updateTable('payments').set({ status: 'paid' }).where('id', '=', grant.paymentId).execute();
        expect((await campaignReport(db, campaignId)).districts.map((d) => d.paidFen)).toEqual([150_000]);
      });
    });

    it('pushes unemployment benefit to exactly the involuntarily separated who have not claimed, and counts a later claim', async () => {
      await backend.withStore(async ({ db }) => {
        const laidOff = await separated(db, 'layoff');
        const contractEnded = await separated(db, 'contract_expired');
        await separated(db, 'resigned');
        const claimed = await separated(db, 'dismissed', '2024-08-01');
        await benefitClaim(db, claimed, '2024-08-10T10:00:00+08:00');

        const campaignId = await campaign(db, 'benefit-autumn', 'persons_benefit');
        expect(await push(db, campaignId)).toEqual({ targets: 2, queued: 2, skipped: {} });
        expect(await targetsOf(db, campaignId)).toEqual([laidOff, contractEnded].sort((a, b) => a - b));
        const sent = await pushedTo(db, campaignId);
        expect(sent.map((s) => s.person_id)).toEqual([laidOff, contractEnded].sort((a, b) => a - b));
        expect(sent[0]!.body).toContain('失业保险金');
        expect(sent[0]!.body).not.toMatch(/\d+(\.\d+)?元/);

        await benefitClaim(db, laidOff, AFTER_PUSH);
        expect((await campaignReport(db, campaignId)).districts.map((d) => [d.targets, d.uptake])).toEqual([[2, 1]]);
      });
    });
  });
}
