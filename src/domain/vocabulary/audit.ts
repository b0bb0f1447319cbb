// What each audited action is (sign-ins, accounts, case transitions, reveals of personal data, checkpoints, payments,
// the fund's control), the areas actions belong to, and the kinds of subjects entries are about (`kind:id`).
import { caseActionLabels } from './cases.ts';

export const auditActionLabels: Readonly<Record<string, string>> = {
  'auth.sign_in': '登录', 'auth.sign_in_failed': '登录失败', 'auth.locked': '密码连续错误，账号锁定',
  'auth.throttled': '密码连续错误，延长再次登录的等待', 'auth.sign_in_refused': '等待期内再次登录，未受理',
  'account.create': '新建账号', 'account.disable': '停用账号', 'account.enable': '启用账号', 'account.unlock': '解除登录限制',
  'account.password': '设置新密码（重置或本人修改）',
  'case.open': '开立案件',
  ...Object.fromEntries(Object.entries(caseActionLabels).map(([action, label]) => [`case.${action}`, `案件：${label}`])),
  'personal_data.reveal': '查看完整个人信息', 'personal_data.self_view': '本人查看个人信息',
  'audit.checkpoint': '记录审计检查点',
  'payment_batch.propose': '提交支付批次', 'payment_batch.authorise': '授权支付批次', 'payment_batch.reject': '驳回支付批次',
  'account_correction.propose': '提交收款账户更正', 'account_correction.approve': '审核通过收款账户更正',
  'payment.send': '发送支付',
  'bank_file.export': '导出银行付款指令', 'bank_file.import_return': '导入银行回单', 'bank_file.import_refused': '银行回单未导入（有误或重复）',
  'data.import': '导入数据',
  'fund_pilot.record_budget': '登记封定历史结余基金', 'fund_pilot.record_plan': '登记实施方案备案', 'fund_pilot.approve_plan': '复核确认实施方案备案',
  'fund_pilot.reject_plan': '驳回实施方案备案', 'fund_pilot.commit': '承诺试点支出', 'fund_pilot.spend': '试点支出', 'fund_pilot.release': '释放试点支出承诺',
  'fund_incident.record': '登记要情报告',
  'data.export': '导出数据', 'screening_run.start': '发起筛查',
  'skill_subsidy.apply': '受理技能提升补贴申请', 'skill_subsidy.approve': '复核通过技能提升补贴', 'skill_subsidy.return': '退回技能提升补贴申请',
  'benefit_claim.submit': '受理失业保险金申领', 'benefit_claim.approve': '复核通过失业保险金申领', 'benefit_claim.return': '退回失业保险金申领',
  'benefit_claim.stop': '停发失业保险金', 'benefit_transfer.out': '失业保险关系转出',
  'risk_run.complete': '运行风险规则', 'risk_hit.propose': '提出疑点处理意见', 'risk_hit.approve': '复核确认疑点处理', 'risk_hit.return': '退回疑点处理意见',
  'risk_hit.repayment': '登记追回款到账', 'campaign.create': '创建精准推送活动', 'campaign.push': '发送精准推送短信',
  'simulation.save_reform': '保存政策模拟方案', 'simulation.run': '运行政策模拟测算',
};

/** The areas of audited actions, for prefix searches (`case.*`) and actions not named above. */
export const auditAreaLabels: Readonly<Record<string, string>> = {
  auth: '登录', account: '账号管理', case: '案件办理', personal_data: '个人信息', audit: '审计日志',
  payment: '支付', payment_batch: '支付批次', account_correction: '账户更正', bank_file: '银行文件', data: '数据导入', fund_pilot: '试点支出额度',
  fund_incident: '要情报告',
};

export function auditActionLabel(action: string): string {
  const area = action.split('.')[0] ?? '';
  return auditActionLabels[action] ?? `${auditAreaLabels[area] ?? '其他'}：其他操作`;
}

/** The kinds of audit subjects (src/services/audit/audit-subject.ts) … */
export const auditSubjectKindLabels: Readonly<Record<string, string>> = {
  staff_account: '工作人员账号', refund_case: '返还案件', person: '人员', unit: '参保单位', screening_run: '筛查批次', audit_log: '审计日志',
  payment: '支付', payment_batch: '支付批次', bank_file: '银行文件', account_correction: '收款账户更正', import_batch: '导入批次',
  fund_pilot: '试点支出额度', fund_pilot_commitment: '试点支出承诺', fund_incident: '要情报告',
  policy_reform: '政策模拟方案', simulation_run: '政策模拟测算',
};

/** … and what the id after the kind is. */
export const auditSubjectIdLabels: Readonly<Record<string, string>> = {
  staff_account: '用户名', refund_case: '单位编号', person: '人员编号', unit: '单位编号', screening_run: '批次编号', audit_log: '',
  payment: '支付编号', payment_batch: '批次编号', bank_file: 'SHA-256', account_correction: '更正编号', import_batch: '批次编号',
  fund_pilot: '地区代码:年度', fund_pilot_commitment: '承诺编号', fund_incident: '报告编号',
  policy_reform: '方案编号', simulation_run: '测算编号',
};
