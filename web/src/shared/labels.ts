// Chinese names of the codes the API returns (statuses, sizes, reasons, regions, states), for screens and filters.
import { refundCaseStates, stateLabel, type RefundCaseState } from '../../../src/domain/refund-case.ts';
import { paymentStatusLabel } from '../../../src/domain/payment-status.ts';
import { DECISION_STATUS_LABELS, REFUND_REASON_LABELS, refundReasonLabel } from '../../../src/domain/decision-labels.ts';

import { maskCreditCode } from '../../../src/domain/masking.ts';
import { SEED_REGIONS } from '../../../src/adapters/store/seed-regions.ts';

export { refundCaseStates, stateLabel, type RefundCaseState };

export const STATUS_LABELS: Record<string, string> = DECISION_STATUS_LABELS;
export const STATUS_COLORS: Record<string, string> = { eligible: 'green', ineligible: 'default', needs_review: 'orange' };

export const SIZE_LABELS: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型', unknown: '未知' };

/** Why a refund decision is not simply eligible (the reasons of the job-retention refund rule). */
export const REASON_LABELS: Record<string, string> = REFUND_REASON_LABELS;
export const reasonLabel = refundReasonLabel;

/** Region names by statistical division code (the regions every store is seeded with). */
export const REGION_LABELS: Record<string, string> = Object.fromEntries(SEED_REGIONS.map((r) => [r.code, r.name]));

export function regionLabel(code: string, fromServer?: string): string {
  return fromServer ?? REGION_LABELS[code] ?? `地区 ${code}`;
}

export const BATCH_STATUS_LABELS: Record<string, string> = { proposed: '待复核', approved: '已通过', returned: '已退回' };
export const BATCH_STATUS_COLORS: Record<string, string> = { proposed: 'processing', approved: 'success', returned: 'warning' };

export const NOTICE_STATUS_LABELS: Record<string, string> = { open: '公示中', closed: '已结束' };

export const SMS_STATUS_LABELS: Record<string, string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' };
export const SMS_TEMPLATE_LABELS: Record<string, string> = { refund_notice: '返还告知', refund_reminder: '确认提醒', confirm_code: '确认验证码' };

export const RUN_STATUS_LABELS: Record<string, string> = { running: '运行中', completed: '已完成', failed: '失败', interrupted: '已中断' };

export const ACTION_LABELS: Record<string, string> = {
  screen: '筛查', rescreen: '重新筛查', resolve: '补录数据并重新判定', apply: '单位提交申请', propose: '提交复核', approve: '复核通过', return: '复核退回',
  publish: '列入公示', object: '公示异议', close_notice: '公示期满', notify: '短信告知', confirm: '单位确认', pay: '拨付',
};

export const PAY_TO_LABELS: Record<string, string> = { corporate_account: '单位对公账户', contribution_account: '单位社会保险费缴费账户' };

export const REGION_KIND_LABELS: Record<string, string> = {
  province: '省', city: '市', district: '区', county_city: '县级市', development_zone: '开发区',
};

/** What each audited action is (src/services: sign-ins, accounts, case transitions, reveals of personal data, checkpoints). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': '登录', 'auth.sign_in_failed': '登录失败', 'auth.locked': '密码连续错误，账号锁定',
  'auth.throttled': '密码连续错误，延长再次登录的等待', 'auth.sign_in_refused': '等待期内再次登录，未受理',
  'account.create': '新建账号', 'account.disable': '停用账号', 'account.enable': '启用账号', 'account.unlock': '解除登录限制',
  'account.password': '设置新密码（重置或本人修改）',
  'case.open': '开立案件',
  ...Object.fromEntries(Object.entries(ACTION_LABELS).map(([action, label]) => [`case.${action}`, `案件：${label}`])),
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
};

/** The areas of audited actions, for prefix searches (`case.*`) and actions not named above. */
export const AUDIT_AREA_LABELS: Record<string, string> = {
  auth: '登录', account: '账号管理', case: '案件办理', personal_data: '个人信息', audit: '审计日志',
  payment: '支付', payment_batch: '支付批次', account_correction: '账户更正', bank_file: '银行文件', data: '数据导入', fund_pilot: '试点支出额度',
  fund_incident: '要情报告',
};

export function auditActionLabel(action: string): string {
  const area = action.split('.')[0] ?? '';
  return AUDIT_ACTION_LABELS[action] ?? `${AUDIT_AREA_LABELS[area] ?? '其他'}：其他操作`;
}

/** The kinds of audit subjects (`kind:id`, src/services/audit/audit-subject.ts) and what their id is. */
export const AUDIT_SUBJECT_KINDS: Record<string, { label: string; id: string }> = {
  staff_account: { label: '工作人员账号', id: '用户名' },
  refund_case: { label: '返还案件', id: '单位编号' },
  person: { label: '人员', id: '人员编号' },
  unit: { label: '参保单位', id: '单位编号' },
  screening_run: { label: '筛查批次', id: '批次编号' },
  audit_log: { label: '审计日志', id: '' },
  payment: { label: '支付', id: '支付编号' },
  payment_batch: { label: '支付批次', id: '批次编号' },
  bank_file: { label: '银行文件', id: 'SHA-256' },
  account_correction: { label: '收款账户更正', id: '更正编号' },
  import_batch: { label: '导入批次', id: '批次编号' },
  fund_pilot: { label: '试点支出额度', id: '地区代码:年度' },
  fund_pilot_commitment: { label: '试点支出承诺', id: '承诺编号' },
  fund_incident: { label: '要情报告', id: '报告编号' },
};

/** `refund_case:2024:7` → 返还案件 2024年度 单位编号 7. */
export function auditSubjectLabel(subject: string): string {
  const [kind = '', ...rest] = subject.split(':');
  const known = AUDIT_SUBJECT_KINDS[kind];
  if (!known) return '其他对象';
  if (kind === 'refund_case') return `${known.label} ${rest[0]}年度 ${known.id} ${rest[1] ?? ''}`.trim();
  return rest.length ? `${known.label} ${rest.join(':')}` : known.label;
}

/**
 * Who acted, as people read it: staff as recorded (显示名（用户名）) and 系统 unchanged, a unit (`单位:<credit code>`)
 * by its masked credit code, a person (`个人:<id>`) by number.
 */
export function actorLabel(actor: string): string {
  if (actor.startsWith('单位:')) return `单位 ${maskCreditCode(actor.slice('单位:'.length))}`;
  if (actor.startsWith('个人:')) return `个人（编号 ${actor.slice('个人:'.length)}）`;
  return actor;
}

/** The kinds of data files the agency imports (src/services/imports/kinds, `kind` and `title`). */
export const IMPORT_KIND_LABELS: Record<string, string> = {
  units: '参保单位', 'unit-flags': '单位排除标记', 'contribution-accounts': '社保缴费账户', persons: '参保人员', 'insurance-spells': '参保经历',
  'contribution-months': '单位应缴明细', 'unit-payments': '单位缴费流水', 'person-contributions': '个人缴费明细', headcounts: '参保人数',
  'dispatch-placements': '劳务派遣用工', certificates: '技能证书', 'subsidy-grants': '已发放补贴', 'benefit-periods': '失业保险金领取期',
};

/** The file formats of bank payment instructions. */
export const BANK_FILE_FORMAT_LABELS: Record<string, string> = { csv: 'CSV 文本', xlsx: '电子表格' };

export const PERSONAL_DATA_FIELD_LABELS: Record<string, string> = { id_number: '身份号码', phone: '手机号码', bank_account: '银行账号' };

export const DISPATCH_STATUS_LABELS: Record<string, string> = { submitted: '已受理', decided: '已判定', withdrawn: '已撤回' };
export const ALLOCATION_ROLE_LABELS: Record<string, string> = { dispatch_unit: '劳务派遣单位（自有员工及未派遣期间）', user_unit: '用工单位' };

// Payments, payment batches, bank answers, reconciliation differences and account corrections.
export const PAYMENT_STATUS_LABELS: Record<string, string> = paymentStatusLabel;
export const PAYMENT_STATUS_COLORS: Record<string, string> = {
  pending: 'default', in_batch: 'processing', sent: 'blue', paid: 'success', failed: 'error', returned: 'warning',
};
export const PAYMENT_BATCH_STATUS_LABELS: Record<string, string> = {
  proposed: '待授权', authorised: '已授权', rejected: '已驳回', exported: '已导出银行文件', reconciled: '已对账',
};
export const PAYMENT_BATCH_STATUS_COLORS: Record<string, string> = {
  proposed: 'processing', authorised: 'blue', rejected: 'warning', exported: 'cyan', reconciled: 'success',
};
export const PAYMENT_ROLE_LABELS: Record<string, string> = { unit: '参保单位', dispatch_unit: '劳务派遣单位', user_unit: '用工单位' };
export const BANK_OUTCOME_LABELS: Record<string, string> = { paid: '成功', failed: '失败', returned: '退回' };
export const DIFFERENCE_LABELS: Record<string, string> = {
  unanswered: '银行未回单', failed: '支付失败', returned: '款项退回', unknown: '回单无对应指令', amount: '金额不符', invalid: '回单格式错误', totals: '合计不符',
};
export const CORRECTION_STATUS_LABELS: Record<string, string> = { proposed: '待审核', approved: '已通过', rejected: '已驳回' };

/** The regions an account scoped to `code` may filter by: its own region and every area under it (parents first). */
export function regionsWithin(code: string): { value: string; label: string }[] {
  const within = new Set([code]);
  for (const r of SEED_REGIONS) if (r.parent_code && within.has(r.parent_code)) within.add(r.code);
  return SEED_REGIONS.filter((r) => within.has(r.code)).map((r) => ({ value: r.code, label: r.name }));
}

/**
 * The region a staff account's lists are filtered to when no other is chosen: its own, unless it is the province
 * (the whole data set). The server refuses a list without a region to a district account (403 OUT_OF_SCOPE).
 */
export function ownRegionFilter(code: string): string | undefined {
  return SEED_REGIONS.some((r) => r.code === code && r.parent_code === null) ? undefined : code;
}

// The person portal: certificate levels (国家职业资格 / 职业技能等级) and the subsidies a person may have been granted.
export const CERTIFICATE_LEVEL_LABELS: Record<number, string> = { 1: '高级技师（一级）', 2: '技师（二级）', 3: '高级工（三级）', 4: '中级工（四级）', 5: '初级工（五级）' };
export const GRANT_TYPE_LABELS: Record<string, string> = { skill_subsidy: '技能提升补贴', vocational_training_subsidy: '职业培训补贴' };
