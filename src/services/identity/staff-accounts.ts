// Staff accounts, managed by the system administrator: create with roles that may be held together and a
// region scope, list, disable and enable, unlock, reset a password; and each member of staff changes their own.
// Every change is audited; disabling an account or resetting its password ends its sessions.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { PasswordHasher } from '../../domain/ports/password-hasher.ts';
import { passwordProblem, roleSetProblem, type StaffRole } from '../../domain/staff-roles.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { IdentityError } from './identity-error.ts';
import { endStaffSessions } from './sessions.ts';
import { clearAccount, waitingAccounts } from './sign-in-throttle.ts';

export interface NewStaffAccount {
  username: string;
  displayName: string;
  roles: string[];
  regionCode: string;
  password: string;
}

export interface StaffAccountView {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  regionCode: string;
  regionName: string;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

interface AccountChange {
  /** Who makes the change, as recorded (staffName of the administrator, or the CLI user). */
  by: string;
  hasher: PasswordHasher;
  clock: Clock;
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new IdentityError('INVALID', problem);
}

export async function createStaffAccount(
  db: Kysely<Database>,
  account: NewStaffAccount,
  change: AccountChange,
): Promise<StaffAccountView> {
  const username = account.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw new IdentityError('INVALID', '用户名须为3至32位小写字母、数字、下划线、点或连字符，以字母开头');
  const roleProblem = roleSetProblem(account.roles);
  if (roleProblem) throw new IdentityError('INVALID', roleProblem);
  checkPassword(account.password, username);
  const region = await db.selectFrom('regions').select('code').where('code', '=', account.regionCode).executeTakeFirst();
  if (!region) throw new IdentityError('INVALID', `没有行政区划代码为 ${account.regionCode} 的地区`);
  const taken = await db.selectFrom('staff_accounts').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new IdentityError('CONFLICT', `用户名 ${username} 已被使用`);
  const now = change.clock.now();
  const passwordHash = await change.hasher.hash(account.password);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('staff_accounts')
      .values({
        username,
        display_name: account.displayName.trim(),
        roles: [...new Set(account.roles)] as StaffRole[],
        region_code: account.regionCode,
        password_hash: passwordHash,
        password_changed_at: now,
        created_at: now,
        created_by: change.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: change.by,
      action: 'account.create',
      subject: auditSubject.staffAccount(username),
      at: now,
      detail: { roles: account.roles, regionCode: account.regionCode },
    });
    return row.id;
  });
  return (await listStaffAccounts(db, change.clock, id))[0]!;
}

export async function listStaffAccounts(db: Kysely<Database>, clock: Clock, id?: number): Promise<StaffAccountView[]> {
  let query = db
    .selectFrom('staff_accounts as a')
    .innerJoin('regions as r', 'r.code', 'a.region_code')
    .select([
      'a.id',
      'a.username',
      'a.display_name',
      'a.roles',
      'a.region_code',
      'r.name as region_name',
      'a.disabled_at',
      'a.created_at',
    ])
    .orderBy('a.id');
  if (id !== undefined) query = query.where('a.id', '=', id);
  const rows = await query.execute();
  const waiting = await waitingAccounts(
    db,
    rows.map((row) => row.username),
    clock.now(),
  );
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    regionCode: row.region_code,
    regionName: row.region_name,
    locked: waiting.has(row.username),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  }));
}

async function accountById(db: Kysely<Database>, id: number) {
  const account = await db.selectFrom('staff_accounts').select(['id', 'username']).where('id', '=', id).executeTakeFirst();
  if (!account) throw new IdentityError('NOT_FOUND', `没有编号为 ${id} 的账号`);
  return account;
}

export type AccountAction = 'disable' | 'enable' | 'unlock';

/** Disables, enables or unlocks an account; an administrator cannot disable their own. */
export async function changeStaffAccount(
  db: Kysely<Database>,
  id: number,
  action: AccountAction,
  change: Omit<AccountChange, 'hasher'> & { byAccountId?: number },
): Promise<StaffAccountView> {
  const account = await accountById(db, id);
  if (action === 'disable' && change.byAccountId === id) throw new IdentityError('INVALID', '不能停用自己的账号');
  const now = change.clock.now();
  await db.transaction().execute(async (trx) => {
    if (action === 'unlock') await clearAccount(trx, account.username);
    else
      await trx
        .updateTable('staff_accounts')
        .set({ disabled_at: action === 'disable' ? now : null })
        .where('id', '=', id)
        .execute();
    await appendAudit(trx, {
      actor: change.by,
      action: `account.${action}`,
      subject: auditSubject.staffAccount(account.username),
      at: now,
    });
  });
  if (action === 'disable') await endStaffSessions(db, id, now);
  return (await listStaffAccounts(db, change.clock, id))[0]!;
}

/** Sets a new password (an administrator's reset, or the member of staff's own change) and ends the account's sessions. */
export async function setStaffPassword(db: Kysely<Database>, id: number, password: string, change: AccountChange): Promise<void> {
  const account = await accountById(db, id);
  checkPassword(password, account.username);
  const now = change.clock.now();
  const passwordHash = await change.hasher.hash(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_accounts')
      .set({ password_hash: passwordHash, password_changed_at: now })
      .where('id', '=', id)
      .execute();
    await clearAccount(trx, account.username);
    await appendAudit(trx, {
      actor: change.by,
      action: 'account.password',
      subject: auditSubject.staffAccount(account.username),
      at: now,
    });
  });
  await endStaffSessions(db, id, now);
}

/** A member of staff changes their own password, proving the current one first. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  id: number,
  current: string,
  next: string,
  change: AccountChange,
): Promise<void> {
  const row = await db.selectFrom('staff_accounts').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow();
  if (!(await change.hasher.verify(row.password_hash, current))) throw new IdentityError('BAD_CREDENTIALS', '当前密码不正确');
  await setStaffPassword(db, id, next, change);
}
