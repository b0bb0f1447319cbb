// `wengang serve` (what `npm start` runs): opens the store, generates the demo population on the first start on the
// embedded database (or with WENGANG_DEMO=1), then serves the API, the console and the portals on PORT.
import { buildServer } from '../../server/app.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { openStore, storeConfigFromEnv } from '../../adapters/store/open-store.ts';
import { auditAnchorsFromEnv } from '../../adapters/audit/anchor-file.ts';
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../adapters/crypto/sm-field-cipher.ts';
import { smsProviderFromEnv } from '../../adapters/sms/provider-from-env.ts';
import { populate, populationExists } from '../populate.ts';
import { formatCount } from '../progress.ts';
import { commandClock } from '../command-support.ts';
import { settings } from '../../config/settings.ts';

export async function runServe(): Promise<number> {
  const port = Number(settings().PORT ?? 8080);
  const config = storeConfigFromEnv(settings());
  process.stderr.write(`打开数据库：${'databaseUrl' in config ? 'PostgreSQL' : `PGlite（${config.dataDir}）`}\n`);
  const store = await openStore(config);
  // Demo data (and the demo accounts with their published password) only on the embedded database or when asked for:
  // an empty PostgreSQL server is a real installation waiting for its imports.
  const demo = !('databaseUrl' in config) || settings().WENGANG_DEMO === '1';
  if (demo && !(await populationExists(store))) {
    process.stderr.write('首次启动：正在生成演示数据（约5,000个单位、60,000人）…\n');
    const counts = await populate(store, 'demo', 1);
    process.stderr.write(
      `演示数据已生成：单位 ${formatCount(counts.units)} 个，人员 ${formatCount(counts.persons)} 人，用时 ${counts.seconds.toFixed(1)} 秒\n`,
    );
  }
  if (!(await store.db.selectFrom('staff_accounts').select('id').limit(1).executeTakeFirst())) {
    process.stderr.write(
      '还没有工作人员账号：请用 wengang staff add --username admin --name 管理员 --roles administrator --region 行政区划代码 新建\n',
    );
  }
  const app = await buildServer({
    params: projectParameters(),
    store,
    clock: commandClock(),
    cipher: new SmFieldCipher(keyRingFromEnv(settings()).keyRing),
    sms: smsProviderFromEnv(settings()),
    baseUrl: settings().WENGANG_BASE_URL || `http://localhost:${port}`,
    secureCookies: settings().WENGANG_SECURE_COOKIES === '1',
    agencyRegion: settings().WENGANG_AGENCY_REGION || undefined,
    trustProxy: settings().WENGANG_TRUST_PROXY || undefined,
    logger: settings().WENGANG_LOG !== '0',
    metricsAllow: settings()
      .WENGANG_METRICS_ALLOW?.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    auditAnchors: auditAnchorsFromEnv(settings()).anchors,
  });
  await app.listen({ port, host: settings().HOST ?? '0.0.0.0' });
  process.stdout.write(`稳岗系统已启动：http://localhost:${port}/ （接口文档 /docs）\n`);
  await new Promise<void>((done) => {
    const stop = () =>
      void app
        .close()
        .then(() => store.close())
        .then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
