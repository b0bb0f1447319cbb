// The staff accounts of the demo population (generated data only, never a real deployment): one account per role
// for Weihai city, a second case worker and finance officer for the maker-checker steps, and a reviewer scoped to
// 环翠区 to show region scope. They share one password, printed when they are made.
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/store/schema.ts';
import type { Clock } from '../domain/ports/clock.ts';
import type { PasswordHasher } from '../domain/ports/password-hasher.ts';
import type { StaffRole } from '../domain/staff-roles.ts';
import { createStaffAccount } from '../services/identity/staff-accounts.ts';

export const DEMO_PASSWORD = 'Weihai@2024demo';

export const demoStaff: readonly { username: string; displayName: string; roles: StaffRole[]; regionCode: string }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['administrator'], regionCode: '371000' },
  { username: 'jingban', displayName: '经办员张三', roles: ['case_worker'], regionCode: '371000' },
  { username: 'jingban2', displayName: '经办员王五', roles: ['case_worker'], regionCode: '371000' },
  { username: 'fuhe', displayName: '复核员李四', roles: ['reviewer'], regionCode: '371000' },
  { username: 'fuhe.huancui', displayName: '环翠区复核员赵六', roles: ['reviewer'], regionCode: '371002' },
  { username: 'caiwu', displayName: '财务孙七', roles: ['finance'], regionCode: '371000' },
  { username: 'caiwu2', displayName: '财务周八', roles: ['finance'], regionCode: '371000' },
  { username: 'shenji', displayName: '审计员吴九', roles: ['auditor'], regionCode: '371000' },
];

/** Makes the demo accounts unless any staff account exists; returns how many were made. */
export async function seedDemoStaff(
  db: Kysely<Database>,
  hasher: PasswordHasher,
  clock: Clock,
  password = DEMO_PASSWORD,
): Promise<number> {
  if (await db.selectFrom('staff_accounts').select('id').limit(1).executeTakeFirst()) return 0;
  for (const account of demoStaff) {
    await createStaffAccount(db, { ...account, password }, { by: '系统（演示数据）', hasher, clock });
  }
  return demoStaff.length;
}
