// A campaign's results by district (鲁人社发〔2024〕8号 第九条): units or persons targeted, reached (their push SMS
// delivered), taken up (a unit confirmed; a person applied or claimed since) and what was paid for it (campaign-audiences.ts),
// aggregated in SQL.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Fen } from '../../policy/core/money.ts';
import { Refusal } from '../../domain/refusal.ts';
import type { CampaignAudience } from '../../domain/vocabulary/risk.ts';
import { regionAndDistricts } from '../scope/region-and-districts.ts';
import { paidOf, uptakeOf } from './campaign-audiences.ts';

export interface CampaignDistrictRow {
  regionCode: string;
  regionName: string;
  targets: number;
  reached: number;
  uptake: number;
  paidFen: Fen;
}

export interface CampaignReport {
  campaignId: number;
  code: string;
  name: string;
  audience: CampaignAudience;
  round: string;
  districts: CampaignDistrictRow[];
}

/** The campaign's rows by district; with `withinRegion`, only that region's and its districts' rows. */
export async function campaignReport(db: Kysely<Database>, campaignId: number, withinRegion?: string): Promise<CampaignReport> {
  const campaign = await db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
  if (!campaign) throw new Refusal('NOT_FOUND', `推送活动 ${campaignId} 不存在`);
  const { rows } = await sql<{
    region_code: string;
    region_name: string;
    targets: number;
    reached: number;
    uptake: number;
    paid_fen: number;
  }>`
    SELECT t.region_code, r.name AS region_name, count(*)::int AS targets,
      count(*) FILTER (WHERE o.status = 'sent')::int AS reached,
      count(*) FILTER (WHERE ${uptakeOf(campaign)})::int AS uptake,
      coalesce(sum(${paidOf(campaign)}), 0)::bigint AS paid_fen
    FROM campaign_targets t
    JOIN regions r ON r.code = t.region_code
    LEFT JOIN sms_outbox o ON o.id = t.outbox_id
    WHERE t.campaign_id = ${campaignId}
      ${withinRegion ? sql`AND t.region_code IN ${regionAndDistricts(withinRegion)}` : sql``}
    GROUP BY t.region_code, r.name ORDER BY t.region_code`.execute(db);
  return {
    campaignId,
    code: campaign.code,
    name: campaign.name,
    audience: campaign.audience,
    round: campaign.round,
    districts: rows.map((r) => ({
      regionCode: r.region_code,
      regionName: r.region_name,
      targets: r.targets,
      reached: r.reached,
      uptake: r.uptake,
      paidFen: Number(r.paid_fen),
    })),
  };
}

export async function listCampaigns(db: Kysely<Database>) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'code', 'name', 'audience', 'round', 'city_code', 'created_by', 'created_at'])
    .orderBy('id')
    .execute();
}
