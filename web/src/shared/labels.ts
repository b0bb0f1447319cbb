// Chinese names of the codes the API returns (statuses, sizes, reasons, regions, states), for screens and filters.
import { refundCaseStates, stateLabel, type RefundCaseState } from '../../../src/domain/refund-case.ts';

import { SEED_REGIONS } from '../../../src/adapters/store/seed-regions.ts';

export { refundCaseStates, stateLabel, type RefundCaseState };

export const STATUS_LABELS: Record<string, string> = { eligible: '符合条件', ineligible: '不符合条件', needs_review: '待人工复核' };
export const STATUS_COLORS: Record<string, string> = { eligible: 'green', ineligible: 'default', needs_review: 'orange' };

export const SIZE_LABELS: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型', unknown: '未知' };

/** Why a refund decision is not simply eligible (the reasons of the job-retention refund rule). */
export const REASON_LABELS: Record<string, string> = {
  NOT_IN_POLICY_PERIOD: '不在政策执行期内',
  ORG_TYPE_NOT_COVERED: '单位类型不在覆盖范围',
  SERIOUS_DISHONESTY: '列入严重失信名单',
  ZOMBIE_ENTERPRISE: '列入僵尸企业名单',
  IN_BANKRUPTCY: '处于破产程序',
  DEREGISTERED: '已注销',
  CONTRIBUTION_MONTHS_INSUFFICIENT: '足额缴费月数不足',
  HEADCOUNT_UNKNOWN: '参保人数缺失，无法计算裁员率',
  LAYOFF_RATE_EXCEEDED: '裁员率超过上限',
  SIZE_UNKNOWN: '企业规模未知，需补录',
  ZERO_REFUND_BASE: '返还基数为零',
  DISPATCH_MUST_APPLY: '劳务派遣单位须主动申请',
};

export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? '其他原因';
}

/** Region names by statistical division code (the regions every store is seeded with). */
export const REGION_LABELS: Record<string, string> = Object.fromEntries(SEED_REGIONS.map((r) => [r.code, r.name]));

/** The regions a case worker filters by: 威海市 and its districts, cities and zones. */
export const WEIHAI_REGIONS = SEED_REGIONS.filter((r) => r.code === '371000' || r.parent_code === '371000').map((r) => ({ value: r.code, label: r.name }));

export function regionLabel(code: string, fromServer?: string): string {
  return fromServer ?? REGION_LABELS[code] ?? `地区 ${code}`;
}

export const BATCH_STATUS_LABELS: Record<string, string> = { proposed: '待复核', approved: '已通过', returned: '已退回' };
export const BATCH_STATUS_COLORS: Record<string, string> = { proposed: 'processing', approved: 'success', returned: 'warning' };

export const NOTICE_STATUS_LABELS: Record<string, string> = { open: '公示中', closed: '已结束' };

export const SMS_STATUS_LABELS: Record<string, string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' };
export const SMS_TEMPLATE_LABELS: Record<string, string> = { refund_notice: '返还告知', refund_reminder: '确认提醒', confirm_code: '确认验证码' };

export const RUN_STATUS_LABELS: Record<string, string> = { running: '运行中', completed: '已完成', failed: '失败', interrupted: '已中断' };

export const ACTION_LABELS: Record<string, string> = {
  screen: '筛查', rescreen: '重新筛查', resolve: '补录数据并重新判定', apply: '单位提交申请', propose: '提交复核', approve: '复核通过', return: '复核退回',
  publish: '列入公示', object: '公示异议', close_notice: '公示期满', notify: '短信告知', confirm: '单位确认', pay: '拨付',
};

export const PAY_TO_LABELS: Record<string, string> = { corporate_account: '单位对公账户', contribution_account: '单位社会保险费缴费账户' };
