// Policy simulation's codes and their Chinese labels: reform runs, how a unit's decision moves under a reform, the
// dimensions the impact is broken down by, and the kinds of remedy a counterfactual names.

export const simulationRunStatuses = ['running', 'completed', 'failed'] as const;
export type SimulationRunStatus = (typeof simulationRunStatuses)[number];
export const SIMULATION_RUN_STATUS_LABELS: Readonly<Record<SimulationRunStatus, string>> = {
  running: '测算中',
  completed: '已完成',
  failed: '失败',
};

/** How one unit's decision moves from the baseline to the reform. */
export const unitShifts = ['newly_eligible', 'no_longer_eligible', 'amount_up', 'amount_down', 'status_changed'] as const;
export type UnitShift = (typeof unitShifts)[number];
export const UNIT_SHIFT_LABELS: Readonly<Record<UnitShift, string>> = {
  newly_eligible: '新增符合条件',
  no_longer_eligible: '不再符合条件',
  amount_up: '金额增加',
  amount_down: '金额减少',
  status_changed: '结论变化（待复核）',
};

export const impactDimensions = ['region', 'size', 'industry', 'reason'] as const;
export type ImpactDimension = (typeof impactDimensions)[number];
export const IMPACT_DIMENSION_LABELS: Readonly<Record<ImpactDimension, string>> = {
  region: '区县',
  size: '企业规模',
  industry: '行业',
  reason: '不符合原因',
};

/** The persons' benefits a what-if run re-decides beside the units' refunds. */
export const personImpactKinds = ['benefit', 'skill'] as const;
export type PersonImpactKind = (typeof personImpactKinds)[number];
export const PERSON_IMPACT_LABELS: Readonly<Record<PersonImpactKind, string>> = {
  benefit: '失业保险金（申领，金额为月标准×领取月数）',
  skill: '技能提升补贴（申请）',
};

/** How a counterfactual remedies a reason: a change of figures, data to supply, or nothing the unit can do. */
export const remedyKinds = ['change', 'data', 'fixed'] as const;
export type RemedyKind = (typeof remedyKinds)[number];
export const REMEDY_KIND_LABELS: Readonly<Record<RemedyKind, string>> = {
  change: '可调整',
  data: '需补充材料或数据',
  fixed: '无法调整',
};

/** Labels of a tally key that is not a code of its own dimension (a unit without size or industry on record). */
export const UNKNOWN_KEY_LABEL = '未登记';

/** Why a refund reason cannot be remedied by the unit itself (a counterfactual says so instead of a change). */
export const fixedReasonTexts: Readonly<Record<string, string>> = {
  NOT_IN_POLICY_PERIOD: '审核日期不在政策执行期内，无法通过单位自身调整而符合条件',
  ORG_TYPE_NOT_COVERED: '机关事业单位不在稳岗返还覆盖范围',
  ZERO_REFUND_BASE: '上年度未实际缴纳失业保险费，没有可返还的基数',
  NO_PARAMETER_IN_FORCE: '审核日期没有在效的政策参数',
  DEREGISTERED: '单位已注销，不予返还',
  IN_BANKRUPTCY: '已进入破产程序，不予返还',
};

/** What data a unit supplies to have a refund reason looked at again. */
export const dataRemedyTexts: Readonly<Record<string, string>> = {
  SERIOUS_DISHONESTY: '已列入严重失信主体名单：完成信用修复、移出名单后可重新判定',
  ZOMBIE_ENTERPRISE: '已列入僵尸企业名单：移出名单后可重新判定',
  SIZE_UNKNOWN: '补录企业规模（或所属行业及从业人员、营业收入等划型指标）后即可判定',
  HEADCOUNT_UNKNOWN: '补录上年度参保人数后即可判定裁员率',
  NO_CORPORATE_ACCOUNT: '登记单位对公账户后即可返还',
  DISPATCH_MUST_APPLY: '劳务派遣单位须主动申请，提交用工单位名单后审核',
};
