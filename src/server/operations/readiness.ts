// Readiness for a load balancer: the database answers, every migration this program knows has been applied (and no
// bank account waits to be sealed), and the policy parameters are loaded. Each check is named with its result, so an
// operator reading /readyz sees which one is red.
import { sql, type Kysely } from 'kysely';
import { loadMigrations } from '../../adapters/store/migrate.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';

export interface ReadinessCheck {
  name: 'database' | 'migrations' | 'parameters';
  ok: boolean;
  detail: string;
}

/** How long the database may take to answer before it counts as unreachable. */
const DATABASE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`数据库 ${ms} 毫秒内没有响应`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function migrationsCheck(db: Kysely<Database>): Promise<ReadinessCheck> {
  const known = (await loadMigrations()).map((m) => m.name);
  const applied = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
  const pending = known.filter((name) => !applied.has(name));
  return pending.length
    ? { name: 'migrations', ok: false, detail: `有 ${pending.length} 个迁移尚未执行：${pending.join('、')}` }
    : { name: 'migrations', ok: true, detail: `已执行全部 ${known.length} 个迁移` };
}

export async function readiness(db: Kysely<Database> | undefined, params: ParameterStore): Promise<ReadinessCheck[]> {
  const checks: ReadinessCheck[] = [];
  if (db) {
    try {
      await withTimeout(sql`SELECT 1`.execute(db), DATABASE_TIMEOUT_MS);
      checks.push({ name: 'database', ok: true, detail: '数据库连接正常' });
      checks.push(await withTimeout(migrationsCheck(db), DATABASE_TIMEOUT_MS));
    } catch (error) {
      checks.push({ name: 'database', ok: false, detail: `数据库不可用：${(error as Error).message}` });
    }
  }
  const version = params.version;
  checks.push(
    version
      ? { name: 'parameters', ok: true, detail: `政策参数已加载（版本 ${version}）` }
      : { name: 'parameters', ok: false, detail: '政策参数未加载' },
  );
  return checks;
}
