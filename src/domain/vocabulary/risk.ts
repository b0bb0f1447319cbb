// Risk control, data comparison and targeted push (鲁人社发〔2024〕8号 第八条、第九条): every code with its Chinese
// label, shared by the rules, the hit workflow, the comparison feeds, the campaigns, the CLI and the console.

export const riskStages = ['before_decision', 'before_payment', 'after_payment'] as const;
export type RiskStage = (typeof riskStages)[number];
export const riskStageLabels: Readonly<Record<RiskStage, string>> = {
  before_decision: '事前（决定前）',
  before_payment: '事中（支付前）',
  after_payment: '事后（支付后）',
};

export const riskSeverities = ['high', 'medium', 'low'] as const;
export type RiskSeverity = (typeof riskSeverities)[number];
export const riskSeverityLabels: Readonly<Record<RiskSeverity, string>> = { high: '高', medium: '中', low: '低' };

export const riskHitStatuses = ['open', 'proposed', 'cleared', 'confirmed', 'recovered'] as const;
export type RiskHitStatus = (typeof riskHitStatuses)[number];
export const riskHitStatusLabels: Readonly<Record<RiskHitStatus, string>> = {
  open: '待核查',
  proposed: '待复核',
  cleared: '已排除',
  confirmed: '已确认（追回中）',
  recovered: '已追回',
};

export type RiskProposal = 'clear' | 'confirm';
export const riskProposalLabels: Readonly<Record<RiskProposal, string>> = { clear: '排除疑点', confirm: '确认问题' };

export const riskRuleCodes = [
  'duplicate_payment_across_districts',
  'benefit_with_new_employer',
  'bank_account_changed_before_payment',
  'shared_bank_account',
  'headcount_surge_before_base_year_end',
  'person_deceased_imprisoned_or_pensioned',
  'unit_flagged_after_decision',
  'dispatch_worker_payments_mismatch',
  'benefit_received_elsewhere',
] as const;
export type RiskRuleCode = (typeof riskRuleCodes)[number];
export const riskRuleLabels: Readonly<Record<RiskRuleCode, string>> = {
  duplicate_payment_across_districts: '同一单位或个人同一事项在两个区市重复领取',
  benefit_with_new_employer: '领取失业保险金期间由新单位缴费（疑似就业）',
  bank_account_changed_before_payment: '支付前短期内变更收款账户',
  shared_bank_account: '同一银行账户为多个单位或个人收款',
  headcount_surge_before_base_year_end: '基准年度末参保人数突增',
  person_deceased_imprisoned_or_pensioned: '向已死亡、服刑或领取养老金人员发放',
  unit_flagged_after_decision: '决定后单位被列入失信、注销或破产名单',
  dispatch_worker_payments_mismatch: '劳务派遣单位职工缴费与单位缴费不符',
  benefit_received_elsewhere: '本地与异地重复领取失业保险待遇',
};

export const comparisonKinds = ['death', 'imprisonment', 'pension', 'contribution_elsewhere', 'benefit_elsewhere'] as const;
export type ComparisonKind = (typeof comparisonKinds)[number];
export const comparisonKindLabels: Readonly<Record<ComparisonKind, string>> = {
  death: '死亡',
  imprisonment: '服刑',
  pension: '领取养老金',
  contribution_elsewhere: '异地参保缴费',
  benefit_elsewhere: '异地领取待遇',
};

export const campaignPresets = ['changtongling_anquanban', 'huhang', 'zhanchi'] as const;
export type CampaignPreset = (typeof campaignPresets)[number];
export const campaignPresetLabels: Readonly<Record<CampaignPreset, string>> = {
  changtongling_anquanban: '畅通领·安全办',
  huhang: '护航行动',
  zhanchi: '展翅行动',
};

export type PushSkipReason = 'opted_out' | 'recently_pushed' | 'no_phone' | 'daily_limit';
export const pushSkipReasonLabels: Readonly<Record<PushSkipReason, string>> = {
  opted_out: '已退订推送',
  recently_pushed: '近期已推送',
  no_phone: '无联系电话',
  daily_limit: '超出当日发送上限',
};
