// `wengang campaign …`: targeted push campaigns (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条) — create one, push
// its SMS through the outbox, and report reach, uptake and money paid by district, with --json output.
import { chineseWorkingDays } from '../../adapters/calendar/chinese-working-days.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import {
  campaignAudienceLabels,
  campaignAudiences,
  campaignPresetLabels,
  campaignUptakeLabels,
  campaignPresets,
  pushSkipReasonLabels,
  type CampaignAudience,
  type PushSkipReason,
} from '../../domain/vocabulary/risk.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { campaignReport, listCampaigns } from '../../services/campaigns/campaign-report.ts';
import { createCampaign } from '../../services/campaigns/campaigns.ts';
import { pushCampaign } from '../../services/campaigns/push-campaign.ts';
import { changePushPreference, type PushRecipient } from '../../services/campaigns/push-opt-outs.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang campaign <子命令> [参数] [--user 姓名 --role 角色] [--json]
  create  --code ${campaignPresets.join('|')}|新代码 [--name 名称] [--audience 对象] [--round 2024] [--city 371000]   创建推送活动（经办员）
          对象：${campaignAudiences.map((a) => `${a}=${campaignAudienceLabels[a]}`).join('；')}（默认 units_unconfirmed）
  list                                                        推送活动列表
  push    --campaign 编号 [--base-url 地址]                   向活动对象中符合条件未领取的单位或个人推送短信（工作日工作时间，退订和重复间隔除外）
  report  --campaign 编号                                     按区市统计推送对象、送达、响应（确认领取或申请）和已支付金额
  opt-out --unit 单位编号|--person 人员编号 [--withdraw]       登记电话提出的退订政策推送短信（--withdraw 为恢复接收；经办员，--role 默认 case_worker）
`;

async function create(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    code: { type: 'string' },
    name: { type: 'string' },
    audience: { type: 'string', default: 'units_unconfirmed' },
    round: { type: 'string', default: '2024' },
    city: { type: 'string', default: '371000' },
  });
  const request = {
    code: requiredText(v.code, 'code', '活动代码'),
    name: v.name,
    audience: audienceOf(v.audience),
    round: v.round,
    cityCode: v.city,
    actor: staffActor(v.user, v.role),
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => createCampaign(db, request)));
  const name = v.name ?? campaignPresetLabels[request.code as keyof typeof campaignPresetLabels];
  return output(
    v.json,
    result,
    () => `已创建推送活动 #${result.campaignId}（${name}，对象：${campaignAudienceLabels[request.audience]}）`,
  );
}

function audienceOf(value: string): CampaignAudience {
  if ((campaignAudiences as readonly string[]).includes(value)) return value as CampaignAudience;
  throw new CliError(`未知推送对象：${value}（可选 ${campaignAudiences.join('、')}）`, `unknown audience: ${value}`);
}

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const campaigns = await withStore(({ db }) => listCampaigns(db));
  return output(v.json, campaigns, () =>
    campaigns.length
      ? campaigns
          .map((c) => `#${c.id} ${c.name}（${c.code}，${campaignAudienceLabels[c.audience]}，${c.round} 年度，${c.city_code}）`)
          .join('\n')
      : '尚无推送活动',
  );
}

async function push(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    campaign: { type: 'string' },
    'base-url': { type: 'string', default: 'https://wengang.weihai.gov.cn' },
  });
  const request = {
    campaignId: requiredId(v.campaign, 'campaign'),
    parameters: projectParameters(),
    calendar: chineseWorkingDays,
    baseUrl: v['base-url'],
    actor: staffActor(v.user, v.role),
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => pushCampaign(db, request)));
  const skipped = Object.entries(result.skipped)
    .map(([reason, n]) => `${pushSkipReasonLabels[reason as PushSkipReason]} ${n}`)
    .join('，');
  return output(
    v.json,
    result,
    () =>
      `推送对象 ${result.targets} 个，已排入短信发送 ${result.queued} 条${skipped ? `；未发送：${skipped}` : ''}（由 notify deliver 投递）`,
  );
}

async function report(args: string[]): Promise<number> {
  const v = parseOptions(args, { campaign: { type: 'string' } });
  const result = await refusingAsCliError(() => withStore(({ db }) => campaignReport(db, requiredId(v.campaign, 'campaign'))));
  return output(v.json, result, () =>
    [
      `${result.name}（${result.round} 年度）`,
      ...result.districts.map(
        (d) =>
          `  ${d.regionName}：推送对象 ${d.targets}，送达 ${d.reached}，${campaignUptakeLabels[result.audience]} ${d.uptake}，已支付 ${formatYuan(d.paidFen)} 元`,
      ),
    ].join('\n'),
  );
}

async function optOut(args: string[]): Promise<number> {
  const v = parseOptions(args, { unit: { type: 'string' }, person: { type: 'string' }, withdraw: { type: 'boolean' } });
  if ((v.unit === undefined) === (v.person === undefined))
    throw new CliError('请用 --unit 或 --person 指定退订的单位或个人（二选一）', 'give exactly one of --unit or --person');
  const recipient: PushRecipient =
    v.unit !== undefined ? { unitId: requiredId(v.unit, 'unit') } : { personId: requiredId(v.person, 'person') };
  const request = {
    recipient,
    receivesPush: v.withdraw === true,
    actor: staffActor(v.user, v.role ?? 'case_worker'),
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => changePushPreference(db, request)));
  const who = 'unitId' in recipient ? `单位 #${recipient.unitId}` : `个人 #${recipient.personId}`;
  const state = result.receivesPush ? '接收政策推送短信' : '已退订政策推送短信';
  return output(v.json, result, () => `${who}：${state}${result.changed ? '（已登记）' : '（原已如此，未作变更）'}`);
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  create,
  list,
  push,
  report,
  'opt-out': optOut,
};

export async function runCampaign(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = subcommands[sub];
  if (!command) throw new CliError(`未知子命令：campaign ${sub}\n${HELP}`, `unknown subcommand: campaign ${sub}`);
  return command(rest);
}
