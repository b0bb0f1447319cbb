// Who a campaign targets, by its audience (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条：向符合条件的参保主体
// “点对点”精准推送), recorded set-based in one statement; and what counts as taking the push up.
// - units_unconfirmed: the city's units whose refund case waits for their confirmation; uptake = confirmed or paid.
// - persons_skill: the city's insured persons holding a certificate issued within the skill-subsidy application window
//   (鲁人社发〔2024〕8号 第四条) with no skill-subsidy application for it; uptake = a skill-subsidy application since.
// - persons_benefit: the city's persons separated against their will (isInvoluntary in src/domain/benefit.ts) with no
//   benefit claim since; uptake = a benefit claim since.
// - dispatch_unapplied: the city's labour-dispatch units whose case waits on their application (第三条：须主动申请) with
//   no open dispatch application; uptake = a dispatch application since.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { isInvoluntary, separationReasons } from '../../domain/benefit.ts';
import type { CampaignAudience } from '../../domain/vocabulary/risk.ts';
import { periodOf, type IsoDate } from '../../policy/core/dates.ts';
import { regionAndDistricts } from '../scope/region-and-districts.ts';

export interface TargetedCampaign {
  id: number;
  audience: CampaignAudience;
  round: string;
  city_code: string;
}

export interface TargetingFacts {
  now: Date;
  today: IsoDate;
  /** The skill subsidy's application window in force today (persons_skill only). */
  skillWindowMonths: number | undefined;
}

const involuntary = separationReasons.filter(isInvoluntary);

export function isPersonAudience(audience: CampaignAudience): boolean {
  return audience === 'persons_skill' || audience === 'persons_benefit';
}

/** Adds the audience's eligible-but-unclaimed subjects not yet targeted by the campaign. */
export async function recordCampaignTargets(
  trx: Transaction<Database>,
  campaign: TargetedCampaign,
  facts: TargetingFacts,
): Promise<void> {
  const city = regionAndDistricts(campaign.city_code);
  if (!isPersonAudience(campaign.audience)) {
    await sql`
      INSERT INTO campaign_targets (campaign_id, unit_id, region_code, targeted_at)
      SELECT ${campaign.id}, c.unit_id, c.region_code, ${facts.now}
      FROM refund_cases c
      WHERE c.round = ${campaign.round} AND c.region_code IN ${city} AND ${unitEligible(campaign)}
      ON CONFLICT (campaign_id, unit_id) WHERE unit_id IS NOT NULL DO NOTHING`.execute(trx);
    return;
  }
  await sql`
    INSERT INTO campaign_targets (campaign_id, person_id, region_code, targeted_at)
    SELECT ${campaign.id}, p.id, p.region_code, ${facts.now}
    FROM persons p
    WHERE p.region_code IN ${city} AND ${personEligible(campaign.audience, facts)}
    ON CONFLICT (campaign_id, person_id) WHERE person_id IS NOT NULL DO NOTHING`.execute(trx);
}

function unitEligible(campaign: TargetedCampaign): RawBuilder<unknown> {
  return campaign.audience === 'dispatch_unapplied'
    ? sql`c.state = 'needs_review' AND EXISTS (SELECT 1 FROM units u WHERE u.id = c.unit_id AND u.labor_dispatch)
        AND NOT EXISTS (SELECT 1 FROM dispatch_applications a WHERE a.round = c.round AND a.unit_id = c.unit_id
          AND a.status <> 'withdrawn')`
    : sql`c.state = 'notified'`;
}

function personEligible(audience: CampaignAudience, facts: TargetingFacts): RawBuilder<unknown> {
  if (audience === 'persons_skill') {
    const period = periodOf(facts.today);
    return sql`EXISTS (
        SELECT 1 FROM certificates c
        WHERE c.person_id = p.id AND c.issue_date <= ${facts.today}::date
          AND c.issue_date >= ${facts.today}::date - make_interval(months => ${facts.skillWindowMonths ?? 0}::int)
          AND NOT EXISTS (SELECT 1 FROM skill_subsidy_applications a WHERE a.certificate_number = c.number))
      AND EXISTS (SELECT 1 FROM insurance_spells s WHERE s.person_id = p.id AND s.from_period <= ${period}
        AND (s.to_period IS NULL OR s.to_period >= ${period}))`;
  }
  return sql`EXISTS (
      SELECT 1 FROM unemployment_registrations r
      WHERE r.person_id = p.id AND r.separated_on <= ${facts.today}::date
        AND r.separation_reason IN (${sql.join(involuntary.map((reason) => sql`${reason}`))})
        AND NOT EXISTS (SELECT 1 FROM benefit_claims b WHERE b.person_id = p.id AND b.claim_date >= r.separated_on))`;
}

/** True for a target (`t`, in campaign `campaign`) that took the push up since it was targeted. */
export function uptakeOf(campaign: TargetedCampaign): RawBuilder<unknown> {
  switch (campaign.audience) {
    case 'units_unconfirmed':
      return sql`EXISTS (SELECT 1 FROM refund_cases c WHERE c.round = ${campaign.round} AND c.unit_id = t.unit_id
        AND c.state IN ('confirmed', 'paid'))`;
    case 'persons_skill':
      return sql`EXISTS (SELECT 1 FROM skill_subsidy_applications a WHERE a.person_id = t.person_id
        AND a.submitted_at >= t.targeted_at)`;
    case 'persons_benefit':
      return sql`EXISTS (SELECT 1 FROM benefit_claims b WHERE b.person_id = t.person_id AND b.submitted_at >= t.targeted_at)`;
    case 'dispatch_unapplied':
      return sql`EXISTS (SELECT 1 FROM dispatch_applications a WHERE a.round = ${campaign.round} AND a.unit_id = t.unit_id
        AND a.status <> 'withdrawn' AND a.submitted_at >= t.targeted_at)`;
  }
}

/**
 * What was paid to one target (`t`) for what the campaign pushed: a unit's refund of the round (a dispatch unit's
 * included); a person's skill subsidy, or the benefit with medical insurance on behalf and the price subsidy, created
 * since the push.
 */
export function paidOf(campaign: TargetedCampaign): RawBuilder<unknown> {
  switch (campaign.audience) {
    case 'units_unconfirmed':
    case 'dispatch_unapplied':
      return sql`(SELECT sum(p.amount_fen) FROM payments p WHERE p.round = ${campaign.round} AND p.unit_id = t.unit_id
        AND p.status = 'paid')`;
    case 'persons_skill':
      return sql`(SELECT sum(p.amount_fen) FROM payments p WHERE p.person_id = t.person_id AND p.purpose = 'skill_subsidy'
        AND p.status = 'paid' AND p.created_at >= t.targeted_at)`;
    case 'persons_benefit':
      return sql`(SELECT sum(p.amount_fen) FROM payments p WHERE p.person_id = t.person_id
        AND p.purpose IN ('unemployment_benefit', 'medical_insurance_on_behalf', 'price_subsidy')
        AND p.status = 'paid' AND p.created_at >= t.targeted_at)`;
  }
}
