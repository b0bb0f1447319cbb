// Benchmark: a what-if run of a city reform (SME ratio 60% → 50%) over the generated city population on PostgreSQL:
// every unit read as a screening reads it, decided under the baseline and the reform, tallies and changed units stored.
// The population lives in its own database (default wengang_sim_50000 on BENCH_DATABASE_URL's server), generated once
// with the same generator and scale as bench/screening.ts and reused afterwards. Measured side by side, since the
// machine is shared: the screening's read alone (every chunk read, nothing decided), then the what-if run; then a
// screening of the same population (once per parameter version), whose totals the run's baseline must equal.
// Run: npm run bench:simulation [-- --units 50000] ; writes bench/results/simulation.json. `npm run bench:simulation:province`
// runs the same reform over the province population of `npm run bench:province` (results in simulation-province.json).
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
import { refundRound } from '../src/services/rounds.ts';
import { loadRefundInputs } from '../src/services/screening/refund-inputs.ts';
import { startScreeningRun } from '../src/services/screening/screening-run.ts';
import { runImpact } from '../src/services/simulation/impact-run.ts';
import { saveReform } from '../src/services/simulation/reforms.ts';
import { peakRssMiB, report } from './report.ts';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '50000' },
    /** Reuse another benchmark's population, e.g. the province screening's wengang_bench_1000000. */
    database: { type: 'string' },
    name: { type: 'string', default: 'simulation' },
  },
});
const units = Number(values.units);
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const params = projectParameters();
const clock = fixedClock('2024-08-20T02:00:00Z');
const actor = { kind: 'system' } as const;
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);

async function databaseUrl(): Promise<string> {
  const name = values.database ?? `wengang_sim_${units}`;
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

const cipher = new SmFieldCipher(keyRingFromEnv(process.env).keyRing);

async function populate(store: Store): Promise<void> {
  if (await store.db.selectFrom('units').select('id').limit(1).executeTakeFirst()) return;
  await generateIntoStore(store, {
    // As bench/screening.ts generates them: a city in Weihai, a province over Shandong.
    scale: { units, regions: units >= 1_000_000 ? 'shandong' : 'weihai', people: { unitShare: 0 } },
    seed: 1,
    cipher,
    params,
  });
  await sql`ANALYZE`.execute(store.db);
}

/** The screening's chunk read over the whole population with the next chunk read ahead, as both runs read; nothing decided. */
async function readOnly(store: Store): Promise<number> {
  const { baseYear, defaultAsOf } = refundRound('2024');
  const load = (afterId: number) =>
    loadRefundInputs(store.db, { round: '2024', asOf: defaultAsOf, baseYear, afterId, limit: 5_000 });
  const started = performance.now();
  let reading = load(0);
  for (;;) {
    const chunk = await reading;
    if (chunk.length === 0) return seconds(started);
    reading = load(chunk.at(-1)!.unitId);
  }
}

/** The eligible units and their total of the latest screening under these parameters (one is run when there is none). */
async function screeningTotals(store: Store): Promise<{ eligible: number; totalFen: number }> {
  const existing = await store.db
    .selectFrom('screening_runs')
    .select('id')
    .where('status', '=', 'completed')
    .where('policy_version', '=', params.version)
    .where('region_code', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const runId = existing?.id ?? (await startScreeningRun(store, { round: '2024', clock, params })).runId;
  const row = await store.db
    .selectFrom('refund_decisions')
    .select([
      sql<number>`count(*) FILTER (WHERE status = 'eligible')::int`.as('eligible'),
      sql<string>`coalesce(sum(amount_fen), 0)::text`.as('total'),
    ])
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return { eligible: row.eligible, totalFen: Number(row.total) };
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
  const loadAtStart = +loadavg()[0]!.toFixed(1);
  const readSeconds = await readOnly(store);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { runId, tally } = await runImpact(store, params, { reformId: saved.id, round: '2024', actor, clock, cipher });
  const took = seconds(started);
  const used = process.cpuUsage(cpu);
  const screening = await screeningTotals(store);
  const result = {
    units,
    runId,
    readOnlySeconds: readSeconds,
    seconds: took,
    runToRead: +(took / readSeconds).toFixed(2),
    nodeCpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
    loadAtStart,
    loadAverage: +loadavg()[0]!.toFixed(1),
    unitsPerSecond: Math.round(units / took),
    peakRssMiB: peakRssMiB(),
    changed: tally.total.changed,
    baselineFen: tally.total.baselineFen,
    reformFen: tally.total.reformFen,
    baselineMatchesScreening:
      tally.total.baselineFen === screening.totalFen && tally.total.baselineEligible === screening.eligible,
  };
  report(values.name, [result]);
  console.log(JSON.stringify(result));
} finally {
  await store.close();
}
