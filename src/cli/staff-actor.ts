// The member of staff a command acts for: `--user NAME --role ROLE` (sign-in arrives with the security issue).
import type { Actor, StaffRole } from '../domain/refund-case.ts';
import { CliError } from './cli-error.ts';

const roles: readonly StaffRole[] = ['case_worker', 'reviewer', 'finance', 'auditor', 'administrator'];

export function staffActor(user: string | undefined, role: string | undefined): Actor & { kind: 'staff' } {
  if (!user) throw new CliError('请用 --user 指定经办人', 'give the acting user with --user');
  if (!role || !roles.includes(role as StaffRole)) {
    throw new CliError(`请用 --role 指定角色：${roles.join('、')}`, `give --role, one of ${roles.join(', ')}`);
  }
  return { kind: 'staff', name: user, role: role as StaffRole };
}
