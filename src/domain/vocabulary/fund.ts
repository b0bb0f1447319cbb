// The vocabulary of the fund's control (鲁人社发〔2024〕8号 第六条、第八条): the pilot's items, the states of a commitment
// and of a plan filing, and the categories of major incidents, each code with its one Chinese label.

export const pilotItems = ['vocational_training', 'skill_evaluation', 'job', 'social_insurance'] as const;
export type PilotItem = (typeof pilotItems)[number];

export const pilotItemLabels: Readonly<Record<PilotItem, string>> = {
  vocational_training: '职业培训补贴',
  skill_evaluation: '职业技能评价补贴',
  job: '岗位补贴',
  social_insurance: '社会保险补贴',
};

export type CommitmentStatus = 'committed' | 'spent' | 'released';
export const commitmentStatusLabels: Readonly<Record<CommitmentStatus, string>> = {
  committed: '已承诺',
  spent: '已支出',
  released: '已释放',
};

export type PlanStatus = 'recorded' | 'reviewed' | 'rejected';
export const planStatusLabels: Readonly<Record<PlanStatus, string>> = {
  recorded: '待复核',
  reviewed: '已备案',
  rejected: '已驳回',
};

export type FundLevel = 'city' | 'province';
export const fundLevelLabels: Readonly<Record<FundLevel, string>> = { city: '市级', province: '省本级' };

/** Categories of major incidents to report (要情报告, 鲁人社发〔2024〕8号 第八条). */
export const incidentCategories = ['fund_security', 'mass_event', 'public_opinion', 'other'] as const;
export type IncidentCategory = (typeof incidentCategories)[number];
export const incidentCategoryLabels: Readonly<Record<IncidentCategory, string>> = {
  fund_security: '基金安全',
  mass_event: '群体性事件',
  public_opinion: '舆情',
  other: '其他',
};
