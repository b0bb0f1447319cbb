// Benchmark: API latency with autocannon (run as its own process, so the load generator does not share the server's
// event loop) at rising request rates: POST /api/v1/evaluate/job-retention-refund, a decision-detail read (the screened
// decision's trace rebuilt from the store on every request), and a bare Fastify route as the ceiling. The detail read
// uses the population of `npm run bench:screening -- --units 10000` (database wengang_bench_10000), screened.
// Run: npm run bench:api ; writes bench/results/api.json.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import { systemClock } from '../src/domain/ports/clock.ts';
import { openSession } from '../src/services/identity/sessions.ts';
import { buildServer } from '../src/server/app.ts';
import { SESSION_COOKIE } from '../src/server/security/guard.ts';
import { report } from './report.ts';
import { sampleCase } from './sample-cases.ts';

const run = promisify(execFile);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const WARM_UP_S = 2;
const P99_TARGET_MS = 10;
const databaseUrl = process.env.BENCH_API_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wengang_bench_10000';
/** A syntactically valid argon2id hash no password matches: the bench's account signs in by a session made here. */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  rates: (number | null)[];
}

/** One autocannon run; `rate` null = as fast as it goes. */
async function load(target: Target, rate: number | null, seconds = DURATION_S) {
  const args = ['-j', '-c', String(CONNECTIONS), '-d', String(seconds), ...(rate ? ['-R', String(rate)] : [])];
  if (target.method === 'POST') args.push('-m', 'POST');
  if (target.body) args.push('-b', target.body);
  for (const [name, value] of Object.entries(target.headers ?? {})) args.push('-H', `${name}=${value}`);
  const { stdout } = await run('node_modules/.bin/autocannon', [...args, target.url], { maxBuffer: 64 * 2 ** 20 });
  const r = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    target: target.name,
    offered: rate ?? 'max',
    reqPerSecond: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

const params = projectParameters();
const store = await openStore({ databaseUrl });
const app = await buildServer({
  params,
  store,
  clock: systemClock,
  cipher: new SmFieldCipher(keyRingFromEnv(process.env).keyRing),
  logger: false,
});
const bare = Fastify();
bare.get('/ping', async () => ({ ok: true }));
try {
  const {
    rows: [screened],
  } = await sql<{ unit_id: number }>`SELECT c.unit_id FROM refund_cases c JOIN refund_decisions d USING (run_id, unit_id)
    WHERE c.round = '2024' AND d.trace IS NULL AND d.status = 'eligible' ORDER BY c.unit_id LIMIT 1`.execute(store.db);
  if (!screened) throw new Error(`no screened decision in ${databaseUrl}: run npm run bench:screening -- --units 10000 first`);
  const account = await store.db
    .insertInto('staff_accounts')
    .values({
      username: `bench_${Date.now()}`,
      display_name: '基准测试',
      roles: ['case_worker'],
      region_code: '371000',
      password_hash: NO_PASSWORD,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await openSession(store.db, { kind: 'staff', staffId: account.id }, systemClock.now());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
  const targets: Target[] = [
    { name: 'bare Fastify GET /ping', url: `${bareBase}/ping`, rates: [10_000, null] },
    {
      name: 'POST /api/v1/evaluate/job-retention-refund',
      url: `${base}/api/v1/evaluate/job-retention-refund`,
      method: 'POST',
      body: JSON.stringify(sampleCase('job-retention-refund', 1)),
      headers: { 'content-type': 'application/json' },
      rates: [1_000, 2_000, 5_000, 10_000, null],
    },
    {
      name: `GET decision detail (trace rebuilt, unit ${screened.unit_id})`,
      url: `${base}/api/v1/rounds/2024/units/${screened.unit_id}/decision`,
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
      rates: [50, 100, 200, null],
    },
  ];
  const check = await app.inject({
    method: 'GET',
    url: `/api/v1/rounds/2024/units/${screened.unit_id}/decision`,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
  });
  if (check.statusCode !== 200 || !check.json().trace)
    throw new Error(`decision detail: HTTP ${check.statusCode} ${check.body.slice(0, 200)}`);
  const rows: Awaited<ReturnType<typeof load>>[] = [];
  for (const target of targets) {
    // Two seconds as fast as it goes first, not reported: the JIT and the connection pool warm up before the rates.
    await load(target, null, WARM_UP_S);
    for (const rate of target.rates) rows.push(await load(target, rate));
  }
  const best = (name: string) =>
    Math.max(
      0,
      ...rows.filter((r) => r.target === name && r.p99ms <= P99_TARGET_MS && r.non2xx === 0).map((r) => r.reqPerSecond),
    );
  report('api', rows, {
    connections: CONNECTIONS,
    secondsEach: DURATION_S,
    highestRateWithP99AtMost10ms: Object.fromEntries(targets.map((t) => [t.name, best(t.name)])),
  });
} finally {
  await app.close();
  await bare.close();
  await store.close();
}
