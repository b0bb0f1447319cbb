// Vocational skill levels by their national names (国家职业资格 / 职业技能等级: 五级/初级工 … 一级/高级技师) and the
// kinds of subsidies a person may have been granted.

export const certificateLevelLabels: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: '高级技师（一级）',
  2: '技师（二级）',
  3: '高级工（三级）',
  4: '中级工（四级）',
  5: '初级工（五级）',
};

export function certificateLevelLabel(level: number): string {
  return certificateLevelLabels[level as keyof typeof certificateLevelLabels] ?? `${level}级`;
}

export type GrantTypeCode = 'skill_subsidy' | 'vocational_training_subsidy';
export const grantTypeLabels: Readonly<Record<GrantTypeCode, string>> = {
  skill_subsidy: '技能提升补贴',
  vocational_training_subsidy: '职业培训补贴',
};
