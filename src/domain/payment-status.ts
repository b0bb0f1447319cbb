// A payment's states and their Chinese names, shared by payments, the bank return and the ledger check.

export type PaymentStatus = 'pending' | 'in_batch' | 'sent' | 'paid' | 'failed' | 'returned';

export const paymentStatusLabel: Readonly<Record<PaymentStatus, string>> = {
  pending: '待支付', in_batch: '已编入批次', sent: '已发送银行', paid: '已支付', failed: '支付失败', returned: '已退回',
};
