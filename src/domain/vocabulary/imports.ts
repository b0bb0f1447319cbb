// The kinds of data files the agency imports (src/services/imports/kinds, `kind`).

export type ImportKindCode =
  | 'units'
  | 'unit-flags'
  | 'contribution-accounts'
  | 'persons'
  | 'insurance-spells'
  | 'contribution-months'
  | 'unit-payments'
  | 'person-contributions'
  | 'headcounts'
  | 'dispatch-placements'
  | 'certificates'
  | 'subsidy-grants'
  | 'benefit-periods'
  | 'unemployment-registrations'
  | 'person-status-events'
  | 'benefit-transfers'
  | 'comparison-deaths'
  | 'comparison-imprisonment'
  | 'comparison-pension'
  | 'comparison-contributions'
  | 'comparison-benefits';
export const importKindLabels: Readonly<Record<ImportKindCode, string>> = {
  units: '参保单位',
  'unit-flags': '单位排除标记',
  'contribution-accounts': '社保缴费账户',
  persons: '参保人员',
  'insurance-spells': '参保经历',
  'contribution-months': '单位应缴明细',
  'unit-payments': '单位缴费流水',
  'person-contributions': '个人缴费明细',
  headcounts: '参保人数',
  'dispatch-placements': '劳务派遣用工',
  certificates: '技能证书',
  'subsidy-grants': '已发放补贴',
  'benefit-periods': '失业保险金领取期',
  'unemployment-registrations': '离职与失业登记',
  'person-status-events': '比对结果',
  'benefit-transfers': '失业保险关系转移',
  'comparison-deaths': '比对：死亡人员',
  'comparison-imprisonment': '比对：服刑人员',
  'comparison-pension': '比对：领取养老金人员',
  'comparison-contributions': '比对：异地参保缴费',
  'comparison-benefits': '比对：异地领取失业保险待遇',
};
