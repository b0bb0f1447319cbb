// The SMS texts of the refund round (鲁人社发〔2024〕8号 第七条：通过短信等方式告知企业，经其确认后发放).
import { formatYuan, type Fen } from '../../policy/core/money.ts';

export type SmsTemplate = 'refund_notice' | 'refund_reminder' | 'confirm_code' | 'sign_in_code';

export function refundNoticeText(unitName: string, amountFen: Fen, link: string): string {
  return `【威海人社】${unitName}：您单位符合2024年失业保险稳岗返还条件，拟返还${formatYuan(amountFen)}元。请于30日内登录 ${link} 确认。如有疑问请致电12333。`;
}

export function refundReminderText(unitName: string, amountFen: Fen, link: string): string {
  return `【威海人社】${unitName}：您单位2024年失业保险稳岗返还${formatYuan(amountFen)}元尚未确认，请尽快登录 ${link} 确认。如有疑问请致电12333。`;
}

export function confirmCodeText(code: string): string {
  return `【威海人社】您的稳岗返还确认验证码为${code}，5分钟内有效。请勿将验证码告诉他人。`;
}

export function signInCodeText(code: string): string {
  return `【威海人社】您的稳岗服务登录验证码为${code}，5分钟内有效。如非本人操作请忽略，请勿将验证码告诉他人。`;
}

export function campaignPushText(campaignName: string, unitName: string, amountFen: Fen, link: string): string {
  return `【威海人社】${unitName}：“${campaignName}”提醒您，您单位符合失业保险稳岗返还条件，拟返还${formatYuan(amountFen)}元，尚未确认领取。请登录 ${link} 确认。回复TD退订。`;
}

/** A person's push names what they may apply for, never an amount (the amount is decided on application). */
export function personCampaignPushText(campaignName: string, personName: string, offer: string, link: string): string {
  return `【威海人社】${personName}：“${campaignName}”提醒您，您可能符合${offer}申领条件，尚未申请。请登录 ${link} 申请。回复TD退订。`;
}

/** A labour-dispatch unit must apply before any amount is decided (鲁人社发〔2024〕8号 第三条), so its push names none. */
export function dispatchCampaignPushText(campaignName: string, unitName: string, link: string): string {
  return `【威海人社】${unitName}：“${campaignName}”提醒您，劳务派遣单位须主动申请失业保险稳岗返还，您单位尚未提交申请。请登录 ${link} 申请。回复TD退订。`;
}
