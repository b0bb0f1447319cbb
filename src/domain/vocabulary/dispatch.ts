// A labour-dispatch unit's refund application (鲁人社发〔2024〕8号 第二条 劳务派遣单位): its states and the two sides an
// amount is allocated to.

export type DispatchApplicationStatus = 'submitted' | 'decided' | 'withdrawn';
export const dispatchStatusLabels: Readonly<Record<DispatchApplicationStatus, string>> = {
  submitted: '已受理',
  decided: '已判定',
  withdrawn: '已撤回',
};

export const allocationRoleLabels: Readonly<Record<'dispatch_unit' | 'user_unit', string>> = {
  dispatch_unit: '劳务派遣单位（自有员工及未派遣期间）',
  user_unit: '用工单位',
};
