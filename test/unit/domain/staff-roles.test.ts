// Separation of duties between staff roles and the password rule, as the administrator meets them when creating an
// account: only reviewer and finance may share an account; a password has 10–128 characters of three kinds and does
// not contain the username.
import { describe, expect, it } from 'vitest';
import { passwordProblem, roleSetProblem, staffRoles } from '../../../src/domain/staff-roles.ts';

describe('roleSetProblem', () => {
  it('accepts each role alone, the same role twice, and reviewer with finance', () => {
    for (const role of staffRoles) expect(roleSetProblem([role])).toBeUndefined();
    expect(roleSetProblem(['reviewer', 'reviewer'])).toBeUndefined();
    expect(roleSetProblem(['finance', 'reviewer'])).toBeUndefined();
  });

  it('refuses every other pair, naming both roles in Chinese', () => {
    expect(roleSetProblem(['case_worker', 'reviewer'])).toBe('「经办员」与「复核员」为不相容岗位，不能由同一账号担任');
    expect(roleSetProblem(['auditor', 'finance'])).toBe('「审计员」与「财务人员」为不相容岗位，不能由同一账号担任');
    const allowed = new Set(['reviewer+finance', 'finance+reviewer']);
    for (const a of staffRoles) {
      for (const b of staffRoles) {
        if (a !== b && !allowed.has(`${a}+${b}`)) expect(roleSetProblem([a, b]), `${a}+${b}`).toMatch(/不相容岗位/);
      }
    }
    expect(roleSetProblem(['reviewer', 'finance', 'administrator'])).toBe(
      '「复核员」与「系统管理员」为不相容岗位，不能由同一账号担任',
    );
  });

  it('refuses no role and unknown roles', () => {
    expect(roleSetProblem([])).toBe('请至少选择一个角色');
    expect(roleSetProblem(['reviewer', 'superuser'])).toBe('没有这个角色：superuser');
  });
});

describe('passwordProblem', () => {
  it('accepts 10 or more characters of three kinds that do not contain the username', () => {
    expect(passwordProblem('Weihai2024x', 'zhangsan')).toBeUndefined();
    expect(passwordProblem('weihai#2024', 'zhangsan')).toBeUndefined();
    expect(passwordProblem(`Aa1${'x'.repeat(125)}`, 'zhangsan')).toBeUndefined();
  });

  it('refuses a short, overlong, two-kind or username-bearing password with the reason', () => {
    expect(passwordProblem('Weihai#24', 'zhangsan')).toBe('密码至少10位');
    expect(passwordProblem(`Aa1${'x'.repeat(126)}`, 'zhangsan')).toBe('密码最多128位');
    expect(passwordProblem('weihai2024', 'zhangsan')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem('WEIHAI#!@$', 'zhangsan')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem('ZhangSan#2024', 'zhangsan')).toBe('密码不能包含用户名');
  });
});
