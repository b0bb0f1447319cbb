// Benchmark: a what-if run of a city reform (SME ratio 60% → 50%) over the generated city population on PostgreSQL:
// every unit read as a screening reads it, decided under the baseline and the reform, tallies and changed units stored.
// The population lives in its own database (default wengang_sim_50000 on BENCH_DATABASE_URL's server), generated once
// with the same generator and scale as bench/screening.ts and reused afterwards.
// Run: node --import tsx bench/simulation.ts [--units 50000] ; writes bench/results/simulation.json.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { openStore, type Store } from '../src/adapters/store/open-store.ts';
import { fixedClock } from '../src/domain/ports/clock.ts';
import { generateIntoStore } from '../src/demo/generate/generate-into-store.ts';
import { runImpact } from '../src/services/simulation/impact-run.ts';
import { saveReform } from '../src/services/simulation/reforms.ts';
import { peakRssMiB, report } from './report.ts';

const { values } = parseArgs({ options: { units: { type: 'string', default: '50000' } } });
const units = Number(values.units);
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const params = projectParameters();
const clock = fixedClock('2024-08-20T02:00:00Z');
const actor = { kind: 'system' } as const;
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);

async function databaseUrl(): Promise<string> {
  const name = `wengang_sim_${units}`;
  const admin = new pg.Client(serverUrl.href);
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl.href);
  url.pathname = `/${name}`;
  return url.href;
}

async function populate(store: Store): Promise<void> {
  if (await store.db.selectFrom('units').select('id').limit(1).executeTakeFirst()) return;
  await generateIntoStore(store, {
    scale: { units, regions: 'weihai', people: { unitShare: 0 } },
    seed: 1,
    cipher: new SmFieldCipher(keyRingFromEnv(process.env).keyRing),
    params,
  });
  await sql`ANALYZE`.execute(store.db);
}

const store = await openStore({ databaseUrl: await databaseUrl() });
try {
  await populate(store);
  const saved = await saveReform(store.db, params, {
    reform: {
      name: '基准测试：中小微企业返还比例50%',
      changes: [{ rule: 'job-retention-refund', key: 'smeRatioBp', from: '2024-01-01', to: '2024-12-31', value: 5000 }],
    },
    actor,
    clock,
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { runId, tally } = await runImpact(store, params, { reformId: saved.id, round: '2024', actor, clock });
  const took = seconds(started);
  const used = process.cpuUsage(cpu);
  const result = {
    units,
    runId,
    seconds: took,
    nodeCpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
    loadAverage: +loadavg()[0]!.toFixed(1),
    unitsPerSecond: Math.round(units / took),
    peakRssMiB: peakRssMiB(),
    changed: tally.total.changed,
    baselineFen: tally.total.baselineFen,
    reformFen: tally.total.reformFen,
  };
  report('simulation', [result]);
  console.log(JSON.stringify(result));
} finally {
  await store.close();
}
