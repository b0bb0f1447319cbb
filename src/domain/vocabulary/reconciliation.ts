// The differences a payment batch's reconciliation against the bank's return can find.

export type DifferenceKind = 'unanswered' | 'failed' | 'returned' | 'unknown' | 'amount' | 'invalid' | 'totals';
export const differenceLabels: Readonly<Record<DifferenceKind, string>> = {
  unanswered: '银行未回单',
  failed: '支付失败',
  returned: '款项退回',
  unknown: '回单无对应指令',
  amount: '金额不符',
  invalid: '回单格式错误',
  totals: '合计不符',
};
