// A refund decision's statuses and the reasons the job-retention refund rule gives when a unit is not simply eligible
// (鲁人社发〔2024〕8号 第二条), each code with its one Chinese label for every screen, list, trace and export.

export const decisionStatuses = ['eligible', 'ineligible', 'needs_review'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  eligible: '符合条件',
  ineligible: '不符合条件',
  needs_review: '待人工复核',
};

export const REFUND_REASON_LABELS: Readonly<Record<string, string>> = {
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
  NO_CORPORATE_ACCOUNT: '无对公账户且非小微企业，须补充对公账户',
  WORKER_PAYMENTS_MISMATCH: '劳动者缴费明细与单位实缴费款不一致',
  NO_PARAMETER_IN_FORCE: '该日期没有在效的政策参数',
};

export function refundReasonLabel(code: string): string {
  return REFUND_REASON_LABELS[code] ?? '其他原因';
}
