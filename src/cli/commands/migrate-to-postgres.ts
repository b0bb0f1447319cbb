// `wengang migrate-to-postgres --to URL [--data DIR]`: moves the embedded installation (the data folder's pglite/,
// WENGANG_DATA by default) into an empty PostgreSQL database and prints every table's row count on both sides.
// Stop the server first: the data folder is opened by one process at a time.
import { resolve } from 'node:path';
import { dataPath } from '../../adapters/data-folder.ts';
import { moveToPostgres, MoveTargetNotEmptyError } from '../../adapters/store/move-to-postgres.ts';
import { CliError } from '../cli-error.ts';
import { output, parseOptions } from '../command-support.ts';
import { settings } from '../../config/settings.ts';

export async function runMigrateToPostgres(args: string[]): Promise<number> {
  const v = parseOptions(args, { to: { type: 'string' }, data: { type: 'string' } });
  if (!v.to?.startsWith('postgres'))
    throw new CliError(
      '请用 --to 指定目标 PostgreSQL 数据库地址（postgres://…）',
      'give the target database with --to postgres://…',
    );
  const dataDir = v.data ? resolve(v.data, 'pglite') : dataPath(settings(), 'pglite');
  let counts;
  try {
    counts = await moveToPostgres(dataDir, v.to);
  } catch (error) {
    if (error instanceof MoveTargetNotEmptyError) throw new CliError(error.message, 'the target database is not empty');
    throw error;
  }
  const differing = counts.filter((c) => c.source !== c.target);
  output(v.json, { tables: counts, identical: differing.length === 0 }, () =>
    [
      '表名\t内嵌数据库\tPostgreSQL',
      ...counts.map((c) => `${c.table}\t${c.source}\t${c.target}${c.source === c.target ? '' : '\t不一致'}`),
      differing.length
        ? `迁移后有 ${differing.length} 张表的行数不一致，请检查后重新迁移到新的空库`
        : `已迁移 ${counts.length} 张表，各表行数一致。请设置 DATABASE_URL 后启动服务`,
    ].join('\n'),
  );
  return differing.length ? 1 : 0;
}
