// Text messages: the outbox's states and the templates the agency sends.

export type SmsStatus = 'pending' | 'sending' | 'sent' | 'failed';
export const smsStatusLabels: Readonly<Record<SmsStatus, string>> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};

export type SmsTemplate = 'refund_notice' | 'refund_reminder' | 'confirm_code' | 'sign_in_code';
export const smsTemplateLabels: Readonly<Record<SmsTemplate, string>> = {
  refund_notice: '返还告知',
  refund_reminder: '确认提醒',
  confirm_code: '确认验证码',
  sign_in_code: '登录验证码',
};
