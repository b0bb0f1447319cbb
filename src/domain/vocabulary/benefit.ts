// Every unemployment-benefit code with its one Chinese label (鲁人社发〔2024〕8号 第五条、第七条).
import type {
  BenefitChannel,
  BenefitClaimStatus,
  BenefitLinePurpose,
  BenefitLineStatus,
  BenefitStopReason,
  SeparationReason,
  StatusEventKind,
  TransferDirection,
} from '../benefit.ts';

export const benefitChannelLabels: Readonly<Record<BenefitChannel, string>> = {
  portal: '个人网上申领',
  case_worker: '窗口经办',
  api: '接口申领',
};

export const benefitClaimStatusLabels: Readonly<Record<BenefitClaimStatus, string>> = {
  submitted: '待复核',
  approved: '发放中',
  returned: '已退回',
  stopped: '已停发',
  ended: '已领完',
};

export const separationReasonLabels: Readonly<Record<SeparationReason, string>> = {
  contract_expired: '劳动合同期满终止',
  dismissed: '被用人单位解除劳动合同',
  layoff: '经济性裁员',
  unit_terminated: '用人单位依法终止（破产、撤销等）',
  unit_breach: '因用人单位过错本人解除劳动合同',
  resigned: '本人辞职',
  other_voluntary: '其他本人意愿中断就业',
};

export const statusEventKindLabels: Readonly<Record<StatusEventKind, string>> = {
  pension: '领取基本养老金',
  death: '死亡',
  imprisonment: '被判刑收监执行',
};

export const benefitStopReasonLabels: Readonly<Record<BenefitStopReason, string>> = {
  reemployed: '重新就业（新单位缴费）',
  pension: '开始领取基本养老金',
  death: '死亡',
  imprisonment: '被判刑收监执行',
  exhausted: '领取期限已满',
  transferred_out: '失业保险关系已转出',
  manual: '经办人员停发',
};

export const benefitLinePurposeLabels: Readonly<Record<BenefitLinePurpose, string>> = {
  benefit: '失业保险金',
  medical_on_behalf: '代缴基本医疗保险费（含生育保险）',
  price_subsidy: '价格临时补贴',
};

export const benefitLineStatusLabels: Readonly<Record<BenefitLineStatus, string>> = {
  waiting: '暂缓支付',
  payable: '已生成支付',
  posted: '已拨付医保基金',
};

export const transferDirectionLabels: Readonly<Record<TransferDirection, string>> = { out: '转出', in: '转入' };

export const benefitMonthStatusLabels: Readonly<Record<'scheduled' | 'paid' | 'stopped', string>> = {
  scheduled: '待发放',
  paid: '已发放',
  stopped: '停发',
};

/** Reasons a line waits, shown to staff and the person. */
export const benefitWaitReasons = {
  fundsShort: '基金可用资金不足：按保生活支出优先原则排队，资金到账后支付',
  cpiMissing: '当月居民消费价格指数尚未公布，价格临时补贴待数据公布后核定',
  refundFundsShort: '基金可用资金不足：优先保障失业保险金等保生活支出，稳岗返还待资金到账后支付',
} as const;

export const benefitReasonLabels: Readonly<Record<string, string>> = {
  INSURED_LESS_THAN_ONE_YEAR: '累计缴费不满1年',
  VOLUNTARY_SEPARATION: '本人意愿中断就业',
  NOT_REGISTERED_UNEMPLOYED: '未办理失业登记',
  NO_PARAMETER_IN_FORCE: '没有在效的参数',
  NO_SEPARATION_RECORD: '没有离职（失业登记）记录',
  STILL_INSURED: '仍在参保缴费',
  NO_MONTHS_LEFT: '没有可领取月数',
};
