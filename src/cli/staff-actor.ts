// The member of staff a command acts for: `--user NAME --role ROLE`. The command line is for operators on the server, who
// already hold the database and the keys: it records the name given and does not authenticate it (docs/SECURITY.md).
import type { Actor } from '../domain/refund-case.ts';
import { staffRoles as roles, type StaffRole } from '../domain/staff-roles.ts';
import { CliError } from './cli-error.ts';

export function staffActor(user: string | undefined, role: string | undefined): Actor & { kind: 'staff' } {
  if (!user) throw new CliError('请用 --user 指定经办人', 'give the acting user with --user');
  if (!role || !roles.includes(role as StaffRole)) {
    throw new CliError(`请用 --role 指定角色：${roles.join('、')}`, `give --role, one of ${roles.join(', ')}`);
  }
  return { kind: 'staff', name: user, role: role as StaffRole };
}
