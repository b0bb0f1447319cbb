// Payments, payment batches, the bank's answers, account corrections and bank-file formats, each code with its
// Chinese label; shared by payments, the bank return, the ledger check, the portals and the console.

export const paymentStatuses = ['pending', 'in_batch', 'sent', 'paid', 'failed', 'returned'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentStatusLabel: Readonly<Record<PaymentStatus, string>> = {
  pending: '待支付',
  in_batch: '已编入批次',
  sent: '已发送银行',
  paid: '已支付',
  failed: '支付失败',
  returned: '已退回',
};

export type PaymentBatchStatus = 'proposed' | 'authorised' | 'rejected' | 'exported' | 'reconciled';
export const paymentBatchStatusLabels: Readonly<Record<PaymentBatchStatus, string>> = {
  proposed: '待授权',
  authorised: '已授权',
  rejected: '已驳回',
  exported: '已导出银行文件',
  reconciled: '已对账',
};

/** Who a payment goes to: the unit itself, or one side of a dispatch placement. */
export const paymentRoleLabels: Readonly<Record<'unit' | 'dispatch_unit' | 'user_unit' | 'person', string>> = {
  unit: '参保单位',
  dispatch_unit: '劳务派遣单位',
  user_unit: '用工单位',
  person: '个人',
};

/** A bank return line's outcome for one instructed payment. */
export const bankOutcomeLabels: Readonly<Record<'paid' | 'failed' | 'returned', string>> = {
  paid: '成功',
  failed: '失败',
  returned: '退回',
};

export const accountCorrectionStatusLabels: Readonly<Record<'proposed' | 'approved' | 'rejected', string>> = {
  proposed: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};

export const bankFileFormatLabels: Readonly<Record<'csv' | 'xlsx', string>> = { csv: 'CSV 文本', xlsx: '电子表格' };
