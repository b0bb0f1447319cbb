// Sends a campaign's push (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条): the targets are the audience's
// eligible-but-unclaimed units or persons (campaign-audiences.ts); each gets one SMS through the outbox (a person's
// phone stays sealed until the sender decrypts it to send) unless it opted out, has no phone, had a push within the repeat window, or the day's limit is reached — each skip
// recorded with its reason (a skipped target is tried again at the next push). Only on working days within the push hours (policy/parameters/risk-control.yaml).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { shanghaiDateOf, type Clock } from '../../domain/ports/clock.ts';
import type { WorkingDayCalendar } from '../../domain/ports/working-day-calendar.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { campaignPushText, dispatchCampaignPushText, personCampaignPushText } from '../notify/templates.ts';
import { paymentPurposeLabels } from '../../domain/vocabulary/payment-purposes.ts';
import type { PushSkipReason } from '../../domain/vocabulary/risk.ts';
import { skillSubsidyParameters } from '../../policy/skill-subsidy.ts';
import { isPersonAudience, recordCampaignTargets } from './campaign-audiences.ts';
import { Refusal } from '../../domain/refusal.ts';
import { riskParameters } from '../risk/risk-parameters.ts';

export const CAMPAIGN_TEMPLATE = 'campaign_push';

export interface PushCampaign {
  campaignId: number;
  parameters: ParameterStore;
  calendar: WorkingDayCalendar;
  baseUrl: string;
  actor: Actor;
  clock: Clock;
}

export interface PushResult {
  targets: number;
  queued: number;
  skipped: Record<string, number>;
}

const shanghaiHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' });

export async function pushCampaign(db: Kysely<Database>, request: PushCampaign): Promise<PushResult> {
  const now = request.clock.now();
  const today = shanghaiDateOf(now);
  const params = riskParameters(request.parameters, today);
  const hour = Number(shanghaiHour.format(now));
  if (!request.calendar.isWorkingDay(today) || hour < params.pushHours.fromHour || hour >= params.pushHours.toHour) {
    throw new Refusal('CONFLICT', `推送短信只在工作日 ${params.pushHours.fromHour}:00—${params.pushHours.toHour}:00 发送`);
  }
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const campaign = await trx
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', request.campaignId)
      .forUpdate()
      .executeTakeFirst();
    if (!campaign) throw new Refusal('NOT_FOUND', `推送活动 ${request.campaignId} 不存在`);
    const skillWindow = request.parameters.at(skillSubsidyParameters, 'applicationWindowMonths', today);
    if (campaign.audience === 'persons_skill' && !skillWindow)
      throw new Refusal('CONFLICT', `${today} 不在技能提升补贴政策执行期内，无法推送`);
    await recordCampaignTargets(trx, campaign, { now, today, skillWindowMonths: skillWindow?.value });
    const pending = await pendingTargets(trx, campaign, now, params.pushRepeatWindowDays);
    const sentToday = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM sms_outbox WHERE template = ${CAMPAIGN_TEMPLATE}
        AND (created_at AT TIME ZONE 'Asia/Shanghai')::date = ${today}::date`.execute(trx);
    let budget = params.pushDailyLimit - Number(sentToday.rows[0]!.n);
    const result: PushResult = { targets: pending.length, queued: 0, skipped: {} };
    for (const target of pending) {
      const skip = target.opted_out
        ? 'opted_out'
        : !target.phone_cipher || !target.phone_masked
          ? 'no_phone'
          : target.recent
            ? 'recently_pushed'
            : budget <= 0
              ? 'daily_limit'
              : null;
      const subject =
        target.unit_id !== null ? (['unit_id', target.unit_id] as const) : (['person_id', target.person_id!] as const);
      const markTarget = (values: { outbox_id?: number; skipped: PushSkipReason | null }) =>
        trx
          .updateTable('campaign_targets')
          .set(values)
          .where('campaign_id', '=', campaign.id)
          .where(subject[0], '=', subject[1])
          .execute();
      if (skip) {
        await markTarget({ skipped: skip });
        result.skipped[skip] = (result.skipped[skip] ?? 0) + 1;
        continue;
      }
      const key = `campaign:${campaign.id}:${subject[0] === 'unit_id' ? '' : 'person:'}${subject[1]}`;
      await enqueueSms(trx, {
        key,
        round: campaign.round,
        unitId: target.unit_id,
        ...(target.person_id !== null && { personId: target.person_id }),
        phoneCipher: target.phone_cipher!,
        phoneMasked: target.phone_masked!,
        template: CAMPAIGN_TEMPLATE,
        body: pushText(campaign, target, request.baseUrl),
        at: now,
      });
      const outbox = await trx.selectFrom('sms_outbox').select('id').where('idempotency_key', '=', key).executeTakeFirstOrThrow();
      await markTarget({ outbox_id: outbox.id, skipped: null });
      budget -= 1;
      result.queued += 1;
    }
    await recordAudit(trx, {
      actor: request.actor,
      action: 'campaign.push',
      subject: `campaign:${campaign.id}`,
      detail: { ...result },
      clock: request.clock,
    });
    return result;
  });
}

interface PendingTarget {
  unit_id: number | null;
  person_id: number | null;
  name: string;
  phone_cipher: Buffer | null;
  phone_masked: string | null;
  amount_fen: number | null;
  opted_out: boolean;
  recent: boolean;
}

/** The campaign's targets not yet reached, with what deciding and writing their SMS needs (the phone stays sealed). */
async function pendingTargets(
  trx: Transaction<Database>,
  campaign: Selectable<Database['campaigns']>,
  now: Date,
  repeatWindowDays: number,
): Promise<PendingTarget[]> {
  const recent = (column: 'unit_id' | 'person_id') => sql`EXISTS (SELECT 1 FROM sms_outbox s
    WHERE s.${sql.ref(column)} = t.${sql.ref(column)} AND s.template = ${CAMPAIGN_TEMPLATE}
      AND s.created_at > ${now}::timestamptz - make_interval(days => ${repeatWindowDays}::int))`;
  const { rows } = isPersonAudience(campaign.audience)
    ? await sql<PendingTarget>`
        SELECT NULL::bigint AS unit_id, t.person_id, p.name, p.phone_cipher, p.phone_masked, NULL::bigint AS amount_fen,
          EXISTS (SELECT 1 FROM person_push_opt_outs o WHERE o.person_id = t.person_id) AS opted_out,
          ${recent('person_id')} AS recent
        FROM campaign_targets t JOIN persons p ON p.id = t.person_id
        WHERE t.campaign_id = ${campaign.id} AND t.outbox_id IS NULL
        ORDER BY t.person_id`.execute(trx)
    : await sql<PendingTarget>`
        SELECT t.unit_id, NULL::bigint AS person_id, u.name, u.contact_phone_cipher AS phone_cipher,
          u.contact_phone_masked AS phone_masked, c.amount_fen,
          EXISTS (SELECT 1 FROM push_opt_outs o WHERE o.unit_id = t.unit_id) AS opted_out,
          ${recent('unit_id')} AS recent
        FROM campaign_targets t JOIN units u ON u.id = t.unit_id
          JOIN refund_cases c ON c.round = ${campaign.round} AND c.unit_id = t.unit_id
        WHERE t.campaign_id = ${campaign.id} AND t.outbox_id IS NULL
        ORDER BY t.unit_id`.execute(trx);
  return rows.map((r) => ({
    ...r,
    unit_id: r.unit_id === null ? null : Number(r.unit_id),
    person_id: r.person_id === null ? null : Number(r.person_id),
    amount_fen: r.amount_fen === null ? null : Number(r.amount_fen),
  }));
}

const personOffers = {
  persons_skill: paymentPurposeLabels.skill_subsidy,
  persons_benefit: paymentPurposeLabels.unemployment_benefit,
} as const;

function pushText(campaign: Selectable<Database['campaigns']>, target: PendingTarget, baseUrl: string): string {
  switch (campaign.audience) {
    case 'units_unconfirmed':
      return campaignPushText(campaign.name, target.name, target.amount_fen!, `${baseUrl}/unit`);
    case 'dispatch_unapplied':
      return dispatchCampaignPushText(campaign.name, target.name, `${baseUrl}/unit`);
    default:
      return personCampaignPushText(campaign.name, target.name, personOffers[campaign.audience], `${baseUrl}/person`);
  }
}
