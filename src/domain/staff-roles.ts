// Staff roles and the separation of duties between them (等保三级 / 鲁人社发〔2024〕8号 第八条 规范资金管理):
// whoever handles a case cannot also review it, pay it or audit it. One account may hold several roles only where the
// pair is compatible; administrators (accounts) and auditors (the audit trail) hold no other role.

export const staffRoles = ['case_worker', 'reviewer', 'finance', 'auditor', 'administrator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffRoleLabels: Readonly<Record<StaffRole, string>> = {
  case_worker: '经办员',
  reviewer: '复核员',
  finance: '财务人员',
  auditor: '审计员',
  administrator: '系统管理员',
};

/** Pairs of roles one account may hold together; every other pair is incompatible. */
const compatiblePairs: readonly (readonly [StaffRole, StaffRole])[] = [['reviewer', 'finance']];

function compatible(a: StaffRole, b: StaffRole): boolean {
  return compatiblePairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Why this set of roles cannot be held by one account, in Chinese; undefined when it can. */
export function roleSetProblem(roles: readonly string[]): string | undefined {
  if (roles.length === 0) return '请至少选择一个角色';
  const unknown = roles.filter((role) => !(staffRoles as readonly string[]).includes(role));
  if (unknown.length > 0) return `没有这个角色：${unknown.join('、')}`;
  const held = [...new Set(roles as StaffRole[])];
  for (const [i, a] of held.entries()) {
    for (const b of held.slice(i + 1)) {
      if (!compatible(a, b)) return `「${staffRoleLabels[a]}」与「${staffRoleLabels[b]}」为不相容岗位，不能由同一账号担任`;
    }
  }
  return undefined;
}

/** Why a password is too weak, in Chinese; undefined when it is acceptable (at least 10 characters of 3 kinds). */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < 10) return '密码至少10位';
  if (password.length > 128) return '密码最多128位';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
  if (kinds < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return undefined;
}
