// `wengang staff add|list|disable|enable|unlock|password`: staff accounts from the server's shell, e.g. the first
// administrator of a new installation. A password is read from standard input (`--password-stdin`) or, when not
// given, generated and printed once.
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { argon2PasswordHasher } from '../../adapters/crypto/argon2-password-hasher.ts';
import { staffRoleLabels, type StaffRole } from '../../domain/staff-roles.ts';
import { IdentityError } from '../../services/identity/identity-error.ts';
import {
  changeStaffAccount,
  createStaffAccount,
  listStaffAccounts,
  setStaffPassword,
  type AccountAction,
} from '../../services/identity/staff-accounts.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, requiredId, requiredText } from '../command-support.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang staff <子命令> [参数] [--json]
  add --username 用户名 --name 姓名 --roles 角色[,角色] --region 行政区划代码 [--password-stdin]
        新建工作人员账号；角色：case_worker（经办员）、reviewer（复核员）、finance（财务）、auditor（审计员）、administrator（系统管理员）
        不给 --password-stdin 时生成随机密码并显示一次
  list                                   账号列表
  disable|enable|unlock --id 编号         停用、启用、解除登录限制（清除密码错误计数）
  password --id 编号 [--password-stdin]   重置密码
`;

const BY = '系统管理命令行';

async function newPassword(fromStdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (fromStdin) return { password: (await text(process.stdin)).trim(), generated: false };
  return { password: `Wg-${randomBytes(12).toString('base64url')}9a`, generated: true };
}

async function refusing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IdentityError) throw new CliError(error.message, `refused (${error.code})`, 3);
    throw error;
  }
}

async function add(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    username: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'string' },
    region: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  });
  const account = {
    username: requiredText(v.username, 'username', '用户名'),
    displayName: requiredText(v.name, 'name', '姓名'),
    roles: requiredText(v.roles, 'roles', '角色')
      .split(',')
      .map((role) => role.trim()),
    regionCode: requiredText(v.region, 'region', '行政区划代码'),
  };
  const { password, generated } = await newPassword(v['password-stdin']);
  const made = await refusing(() =>
    withStore(({ db }) =>
      createStaffAccount(db, { ...account, password }, { by: BY, hasher: argon2PasswordHasher, clock: commandClock() }),
    ),
  );
  return output(v.json, { ...made, ...(generated && { password }) }, () =>
    [
      `已新建账号 ${made.username}（${made.displayName}，${made.roles.map((role) => staffRoleLabels[role as StaffRole]).join('、')}，${made.regionName}）`,
      ...(generated ? [`初始密码：${password}（只显示这一次，请妥善交给本人）`] : []),
    ].join('\n'),
  );
}

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const accounts = await withStore(({ db }) => listStaffAccounts(db, commandClock()));
  return output(v.json, accounts, () =>
    accounts.length === 0
      ? '还没有工作人员账号'
      : accounts
          .map(
            (a) =>
              `  #${a.id}  ${a.username}  ${a.displayName}  ${a.roles.map((role) => staffRoleLabels[role]).join('、')}  ${a.regionName}${a.disabled ? '  已停用' : ''}${a.locked ? '  登录受限' : ''}`,
          )
          .join('\n'),
  );
}

async function change(action: AccountAction, args: string[]): Promise<number> {
  const v = parseOptions(args, { id: { type: 'string' } });
  const id = requiredId(v.id, 'id');
  const changed = await refusing(() =>
    withStore(({ db }) => changeStaffAccount(db, id, action, { by: BY, clock: commandClock() })),
  );
  const done = { disable: '已停用', enable: '已启用', unlock: '已解除登录限制' }[action];
  return output(v.json, changed, () => `${done}账号 ${changed.username}`);
}

async function password(args: string[]): Promise<number> {
  const v = parseOptions(args, { id: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
  const id = requiredId(v.id, 'id');
  const next = await newPassword(v['password-stdin']);
  await refusing(() =>
    withStore(({ db }) =>
      setStaffPassword(db, id, next.password, { by: BY, hasher: argon2PasswordHasher, clock: commandClock() }),
    ),
  );
  return output(v.json, { id, ...(next.generated && { password: next.password }) }, () =>
    next.generated ? `已重置密码，新密码：${next.password}（只显示这一次）` : '已重置密码',
  );
}

export async function runStaff(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (sub === 'add') return add(rest);
  if (sub === 'list') return list(rest);
  if (sub === 'disable' || sub === 'enable' || sub === 'unlock') return change(sub, rest);
  if (sub === 'password') return password(rest);
  throw new CliError(`未知子命令：staff ${sub}\n${HELP}`, `unknown subcommand: staff ${sub}`);
}
