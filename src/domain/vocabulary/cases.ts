// A refund case's states and the actions that move it (鲁人社发〔2024〕8号 第二条、第七条、第八条), each with its
// Chinese label; the state machine itself is src/domain/refund-case.ts.

export const refundCaseStates = [
  'eligible', // screened eligible, waiting to be proposed for review
  'needs_review', // screening could not decide; a case worker must complete the data
  'ineligible', // screened ineligible
  'proposed', // in a review batch proposed by a case worker
  'approved', // approved by a different reviewer
  'in_notice', // listed on an open public notice (公示)
  'notice_passed', // the notice period ended with no upheld objection
  'notified', // SMS sent with the amount and a confirmation link
  'confirmed', // the unit confirmed online
  'paid',
] as const;
export type RefundCaseState = (typeof refundCaseStates)[number];

export const refundCaseStateLabels: Readonly<Record<RefundCaseState, string>> = {
  eligible: '符合条件',
  needs_review: '待人工复核',
  ineligible: '不符合条件',
  proposed: '已提交复核',
  approved: '复核通过',
  in_notice: '公示中',
  notice_passed: '公示期满',
  notified: '已短信告知',
  confirmed: '单位已确认',
  paid: '已拨付',
};

export const refundCaseActions = [
  'screen',
  'rescreen',
  'resolve',
  'apply',
  'propose',
  'approve',
  'return',
  'publish',
  'object',
  'close_notice',
  'notify',
  'confirm',
  'pay',
] as const;

/** What each step of a case is, as its history and the audit trail show it (`screen` opens the history). */
export const caseActionLabels: Readonly<Record<(typeof refundCaseActions)[number], string>> = {
  screen: '筛查',
  rescreen: '重新筛查',
  resolve: '补录数据并重新判定',
  apply: '单位提交申请',
  propose: '提交复核',
  approve: '复核通过',
  return: '复核退回',
  publish: '列入公示',
  object: '公示异议',
  close_notice: '公示期满',
  notify: '短信告知',
  confirm: '单位确认',
  pay: '拨付',
};
