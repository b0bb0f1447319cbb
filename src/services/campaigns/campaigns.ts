// Targeted push campaigns (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条：向符合条件的参保主体“点对点”精准推送):
// a campaign (畅通领·安全办, 护航行动, 展翅行动 or a new one) targets a city's eligible-but-unclaimed units or persons
// of its audience (campaign-audiences.ts). Creating one is audited.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import {
  campaignPresetLabels,
  campaignPresets,
  type CampaignAudience,
  type CampaignPreset,
} from '../../domain/vocabulary/risk.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorName } from '../round/case-transitions.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface CreateCampaign {
  /** A preset's code (its name is then the preset's), or a new code with a name. */
  code: string;
  name?: string;
  /** Whom it reaches; units with an unconfirmed refund unless told otherwise. */
  audience?: CampaignAudience;
  round: string;
  cityCode: string;
  actor: Actor;
  clock: Clock;
}

export async function createCampaign(db: Kysely<Database>, request: CreateCampaign): Promise<{ campaignId: number }> {
  if (request.actor.kind !== 'staff' || request.actor.role !== 'case_worker')
    throw new Refusal('FORBIDDEN', '只有经办员可以创建推送活动');
  const preset = (campaignPresets as readonly string[]).includes(request.code)
    ? campaignPresetLabels[request.code as CampaignPreset]
    : undefined;
  const name = request.name?.trim() || preset;
  if (!name) throw new Refusal('INVALID', '新的推送活动须填写名称');
  if (!/^[a-z][a-z0-9_-]{1,40}$/.test(request.code))
    throw new Refusal('INVALID', '活动代码须为小写字母开头的字母、数字、下划线或连字符');
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const exists = await trx.selectFrom('campaigns').select('id').where('code', '=', request.code).executeTakeFirst();
    if (exists) throw new Refusal('CONFLICT', `推送活动 ${request.code} 已存在`);
    const { id } = await trx
      .insertInto('campaigns')
      .values({
        code: request.code,
        name,
        audience: request.audience ?? 'units_unconfirmed',
        round: request.round,
        city_code: request.cityCode,
        created_by: actorName(request.actor),
        created_at: request.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'campaign.create',
      subject: `campaign:${id}`,
      detail: { code: request.code, name, audience: request.audience ?? 'units_unconfirmed' },
      clock: request.clock,
    });
    return { campaignId: id };
  });
}
