// Sends a campaign's push (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条): the targets are the city's units whose
// refund case waits for their confirmation, recorded set-based in one statement; each gets one SMS through the outbox
// unless it opted out, has no phone, had a push within the repeat window, or the day's limit is reached — each skip
// recorded with its reason (a skipped unit is tried again at the next push). Only on working days within the push hours (policy/parameters/risk-control.yaml).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { shanghaiDateOf, type Clock } from '../../domain/ports/clock.ts';
import type { WorkingDayCalendar } from '../../domain/ports/working-day-calendar.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { campaignPushText } from '../notify/templates.ts';
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
    await sql`
      INSERT INTO campaign_targets (campaign_id, unit_id, region_code, targeted_at)
      SELECT ${campaign.id}, c.unit_id, c.region_code, ${now}
      FROM refund_cases c
      WHERE c.round = ${campaign.round} AND c.state = 'notified'
        AND c.region_code IN (SELECT code FROM regions WHERE code = ${campaign.city_code} OR parent_code = ${campaign.city_code})
      ON CONFLICT (campaign_id, unit_id) DO NOTHING`.execute(trx);
    const pending = await sql<{
      unit_id: number;
      name: string;
      phone_cipher: Buffer | null;
      phone_masked: string | null;
      amount_fen: number;
      opted_out: boolean;
      recent: boolean;
    }>`
      SELECT t.unit_id, u.name, u.contact_phone_cipher AS phone_cipher, u.contact_phone_masked AS phone_masked, c.amount_fen,
        EXISTS (SELECT 1 FROM push_opt_outs o WHERE o.unit_id = t.unit_id) AS opted_out,
        EXISTS (SELECT 1 FROM sms_outbox s WHERE s.unit_id = t.unit_id AND s.template = ${CAMPAIGN_TEMPLATE}
          AND s.created_at > ${now}::timestamptz - make_interval(days => ${params.pushRepeatWindowDays}::int)) AS recent
      FROM campaign_targets t JOIN units u ON u.id = t.unit_id JOIN refund_cases c ON c.round = ${campaign.round} AND c.unit_id = t.unit_id
      WHERE t.campaign_id = ${campaign.id} AND t.outbox_id IS NULL
      ORDER BY t.unit_id`.execute(trx);
    const sentToday = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM sms_outbox WHERE template = ${CAMPAIGN_TEMPLATE}
        AND (created_at AT TIME ZONE 'Asia/Shanghai')::date = ${today}::date`.execute(trx);
    let budget = params.pushDailyLimit - Number(sentToday.rows[0]!.n);
    const result: PushResult = { targets: pending.rows.length, queued: 0, skipped: {} };
    for (const target of pending.rows) {
      const skip = target.opted_out
        ? 'opted_out'
        : !target.phone_cipher || !target.phone_masked
          ? 'no_phone'
          : target.recent
            ? 'recently_pushed'
            : budget <= 0
              ? 'daily_limit'
              : null;
      if (skip) {
        await trx
          .updateTable('campaign_targets')
          .set({ skipped: skip })
          .where('campaign_id', '=', campaign.id)
          .where('unit_id', '=', target.unit_id)
          .execute();
        result.skipped[skip] = (result.skipped[skip] ?? 0) + 1;
        continue;
      }
      const key = `campaign:${campaign.id}:${target.unit_id}`;
      await enqueueSms(trx, {
        key,
        round: campaign.round,
        unitId: target.unit_id,
        phoneCipher: target.phone_cipher!,
        phoneMasked: target.phone_masked!,
        template: CAMPAIGN_TEMPLATE,
        body: campaignPushText(campaign.name, target.name, target.amount_fen, `${request.baseUrl}/unit`),
        at: now,
      });
      const outbox = await trx.selectFrom('sms_outbox').select('id').where('idempotency_key', '=', key).executeTakeFirstOrThrow();
      await trx
        .updateTable('campaign_targets')
        .set({ outbox_id: outbox.id, skipped: null })
        .where('campaign_id', '=', campaign.id)
        .where('unit_id', '=', target.unit_id)
        .execute();
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
