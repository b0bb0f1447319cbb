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

/** Whom a campaign reaches: eligible but not yet confirmed or applied (鲁人社发〔2024〕8号 第九条). */
export const campaignAudiences = ['units_unconfirmed', 'persons_skill', 'persons_benefit', 'dispatch_unapplied'] as const;
export type CampaignAudience = (typeof campaignAudiences)[number];
export const campaignAudienceLabels: Readonly<Record<CampaignAudience, string>> = {
  units_unconfirmed: '已告知未确认稳岗返还的单位',
  persons_skill: '取得证书未申请技能提升补贴的参保职工',
  persons_benefit: '已登记失业未申领失业保险金的人员',
  dispatch_unapplied: '须申请未提交申请的劳务派遣单位',
};
/** What a target that took the push up did, as the campaign results name it. */
export const campaignUptakeLabels: Readonly<Record<CampaignAudience, string>> = {
  units_unconfirmed: '确认领取',
  persons_skill: '申请补贴',
  persons_benefit: '申领失业保险金',
  dispatch_unapplied: '提交申请',
};

export type PushSkipReason = 'opted_out' | 'recently_pushed' | 'no_phone' | 'daily_limit';
export const pushSkipReasonLabels: Readonly<Record<PushSkipReason, string>> = {
  opted_out: '已退订推送',
  recently_pushed: '近期已推送',
  no_phone: '无联系电话',
  daily_limit: '超出当日发送上限',
};

/** The evidence a risk rule records with a hit (src/services/risk/rules), by key, as the hit's detail names it. */
export const riskEvidenceKeys = [
  'round',
  'purpose',
  'recipientName',
  'recipients',
  'accountTail',
  'otherPaymentId',
  'otherRegionCode',
  'otherAmountFen',
  'type',
  'occupationCode',
  'level',
  'grantedOn',
  'otherGrantedOn',
  'benefitFrom',
  'benefitTo',
  'employerId',
  'employerName',
  'firstPeriod',
  'elsewhereFrom',
  'elsewhereTo',
  'place',
  'kind',
  'from',
  'flag',
  'flaggedOn',
  'decidedOn',
  'source',
  'changedOn',
  'windowDays',
  'applicationId',
  'declaredFen',
  'ownFen',
  'toleranceFen',
  'endPeriod',
  'endCount',
  'earlierPeriod',
  'earlierCount',
  'thresholdBp',
] as const;
export type RiskEvidenceKey = (typeof riskEvidenceKeys)[number];
export const riskEvidenceLabels: Readonly<Record<RiskEvidenceKey, string>> = {
  round: '年度',
  purpose: '支付事项',
  recipientName: '收款人',
  recipients: '共用账户的收款人数',
  accountTail: '账号尾号',
  otherPaymentId: '另一笔支付编号',
  otherRegionCode: '另一支付区县',
  otherAmountFen: '另一笔金额',
  type: '补贴类型',
  occupationCode: '职业（工种）代码',
  level: '等级',
  grantedOn: '发放日期',
  otherGrantedOn: '另一区县发放日期',
  benefitFrom: '本地领取起始',
  benefitTo: '本地领取截止',
  employerId: '新缴费单位编号',
  employerName: '新缴费单位',
  firstPeriod: '新单位首次缴费月份',
  elsewhereFrom: '异地起始',
  elsewhereTo: '异地截止',
  place: '地点',
  kind: '比对结果',
  from: '起始日期',
  flag: '单位标记',
  flaggedOn: '标记日期',
  decidedOn: '决定日期',
  source: '来源',
  changedOn: '账户变更日期',
  windowDays: '观察天数',
  applicationId: '派遣申请编号',
  declaredFen: '申报职工缴费合计',
  ownFen: '单位实缴合计',
  toleranceFen: '允许差额',
  endPeriod: '年末月份',
  endCount: '年末参保人数',
  earlierPeriod: '回看月份',
  earlierCount: '回看月参保人数',
  thresholdBp: '增幅阈值（万分比）',
};

/** A unit's flag as a risk hit's evidence names it (unit_flags.flag). */
export const riskUnitFlagLabels: Readonly<Record<'serious_dishonesty' | 'zombie' | 'deregistered' | 'bankruptcy', string>> = {
  serious_dishonesty: '列入严重失信名单',
  zombie: '“僵尸企业”',
  deregistered: '注销',
  bankruptcy: '破产',
};
