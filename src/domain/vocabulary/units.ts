// An insured unit's size (工信部联企业〔2011〕300号) and type, as traces, lists, reports and exports name them.

export type EnterpriseSizeCode = 'large' | 'medium' | 'small' | 'micro';
/** `unknown`: no size recorded (the unit must be classified before it can be decided). */
export const enterpriseSizeLabels: Readonly<Record<EnterpriseSizeCode | 'unknown', string>> = {
  large: '大型企业',
  medium: '中型企业',
  small: '小型企业',
  micro: '微型企业',
  unknown: '未划型',
};

export type OrgTypeCode =
  | 'enterprise'
  | 'social_organization'
  | 'foundation'
  | 'social_service_agency'
  | 'law_firm'
  | 'accounting_firm'
  | 'individual_business'
  | 'government_agency'
  | 'public_institution';
export const orgTypeLabels: Readonly<Record<OrgTypeCode, string>> = {
  enterprise: '企业',
  social_organization: '社会团体',
  foundation: '基金会',
  social_service_agency: '社会服务机构',
  law_firm: '律师事务所',
  accounting_firm: '会计师事务所',
  individual_business: '以单位形式参保的个体工商户',
  government_agency: '机关',
  public_institution: '事业单位',
};
