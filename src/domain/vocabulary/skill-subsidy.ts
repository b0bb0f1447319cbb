// Chinese labels of the skill-upgrade subsidy casework (鲁人社发〔2024〕8号 第四条).
import type { SkillApplicationChannel, SkillApplicationState, SkillDecisionStatus } from '../skill-application.ts';

export const skillApplicationStateLabels: Readonly<Record<SkillApplicationState, string>> = {
  submitted: '待复核',
  approved: '已审核通过',
  returned: '已退回',
};

export const skillApplicationChannelLabels: Readonly<Record<SkillApplicationChannel, string>> = {
  person_portal: '个人网上申请',
  case_worker: '窗口经办录入',
  api: '接口申请',
};

export const skillDecisionStatusLabels: Readonly<Record<SkillDecisionStatus, string>> = {
  eligible: '符合条件',
  ineligible: '不符合条件',
  needs_review: '需人工核实',
};

export const skillRetroactiveLabels: Readonly<Record<'yes' | 'no', string>> = { yes: '补发（通知印发前申请）', no: '否' };

/** Reason codes of the skill-subsidy rule. */
export const skillReasonLabels: Readonly<Record<string, string>> = {
  NOT_IN_POLICY_PERIOD: '不在政策执行期内',
  INVALID_ID_NUMBER: '公民身份号码无效',
  CERTIFICATE_NOT_VERIFIED: '证书未能在全国联网查询系统查询到',
  LEVEL_NOT_COVERED: '证书等级不在补贴范围内',
  APPLICATION_BEFORE_ISSUE: '申请日期早于发证日期',
  APPLICATION_WINDOW_EXPIRED: '超过发证之日起12个月的申请期限',
  INSURED_LESS_THAN_ONE_YEAR: '参加失业保险不满1年',
  NOT_RECEIVING_BENEFIT: '取得证书时不在领取失业保险金期间',
  PERSON_NOT_COVERED: '不属于参保职工或领取失业保险金人员',
  ANNUAL_LIMIT_REACHED: '当年享受次数已达上限',
  SAME_OCCUPATION_LEVEL_ALREADY_GRANTED: '同一职业同一等级已享受过',
  HIGHER_LEVEL_ALREADY_GRANTED: '已享受同一职业更高等级补贴',
  TRAINING_SUBSIDY_ALREADY_GRANTED: '已享受职业培训补贴',
};
