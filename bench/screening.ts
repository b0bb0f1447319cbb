// Benchmark: `wengang screen --round 2024` (a new process: start-up, read the ledger, decide, store, open cases) against
// a hand-written set-based SQL statement of the same rule (bench/refund-baseline.ts), on PostgreSQL, with every unit's
// status and amount compared. Each size has its own database (wengang_bench_<units>) on the server of
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), generated once with progress on stderr and
// reused afterwards; the round's runs, decisions and cases are emptied before each measured screening. With --pglite the
// same is done on the embedded PGlite in bench/data/pglite-<units>/pglite (kept, as the databases are).
// Run: npm run bench:screening -- [--units 10000,50000,100000] [--chunks 2000] [--pglite] [--name screening]; writes
// bench/results/<name>.json (screening, or screening-pglite with --pglite). `npm run bench:province` is the same program
// on 1,000,000 units (results in screening-province.json).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { openStore, type Store, type StoreConfig } from '../src/adapters/store/open-store.ts';
import { resumeIntoStore } from '../src/demo/generate/generate-into-store.ts';
import { refundRound } from '../src/services/rounds.ts';
import { benchLoadTarget } from './bench-load.ts';
import { baselineInsert } from './refund-baseline.ts';
import { peakRssMiB, report } from './report.ts';
import { loadavg } from 'node:os';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '50000' },
    chunks: { type: 'string', default: '' },
    seed: { type: 'string', default: '1' },
    pglite: { type: 'boolean', default: false },
    name: { type: 'string' },
  },
});
const sizes = values.units.split(',').map(Number);
const chunkSizes = values.chunks ? values.chunks.split(',').map(Number) : [undefined];
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const params = projectParameters();
const round = refundRound('2024');
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);

/** Where a population of `units` lives, and the environment that points `wengang` at it. */
async function storeFor(units: number): Promise<{ config: StoreConfig; env: Record<string, string> }> {
  if (values.pglite) {
    const data = resolve(join('bench', 'data', `pglite-${units}`));
    return { config: { dataDir: join(data, 'pglite') }, env: { WENGANG_DATA: data, DATABASE_URL: '' } };
  }
  const databaseUrl = await databaseFor(units);
  return { config: { databaseUrl }, env: { DATABASE_URL: databaseUrl } };
}

async function databaseFor(units: number): Promise<string> {
  const name = `wengang_bench_${units}`;
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

async function populate(store: Store, units: number): Promise<number | null> {
  const already = await store.countRows('units');
  if (already >= units) {
    process.stderr.write(`复用已生成的 ${units.toLocaleString('en-US')} 个单位（数据库已有数据）\n`);
    return null;
  }
  if (already > 0) process.stderr.write(`从第 ${(already + 1).toLocaleString('en-US')} 个单位继续生成（上次生成中断）\n`);
  const started = performance.now();
  let lastPrinted = 0;
  // Chunks of 1,000 units are committed one by one: an interrupted generation continues where it stopped.
  await resumeIntoStore(await benchLoadTarget(store), {
    // Screening reads units and their ledger only: people are generated for the labour-dispatch units alone.
    scale: { units, regions: units >= 1_000_000 ? 'shandong' : 'weihai', people: { unitShare: 0 } },
    seed: Number(values.seed),
    cipher: new SmFieldCipher(keyRingFromEnv(process.env).keyRing),
    params,
    onProgress: (table, done, total) => {
      // A line every 10 seconds and at the end, with the time left at this run's rate.
      const elapsed = seconds(started);
      if (table !== 'units' || (elapsed - lastPrinted < 10 && done < total)) return;
      lastPrinted = elapsed;
      const left = Math.round((elapsed / (done - already)) * (total - done));
      process.stderr.write(
        `生成 ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 个单位（${Math.floor((done * 100) / total)}%，` +
          `${Math.round(elapsed)} 秒，约剩 ${left} 秒，每秒 ${Math.round((done - already) / elapsed)} 个）\n`,
      );
    },
  });
  process.stderr.write('生成完毕，正在 ANALYZE\n');
  await sql`ANALYZE`.execute(store.db);
  return seconds(started);
}

async function ledgerRows(store: Store): Promise<number> {
  const {
    rows: [row],
  } = await sql<{ n: number }>`SELECT (SELECT count(*) FROM unit_contribution_months) + (SELECT count(*) FROM unit_payments)
    + (SELECT count(*) FROM unit_headcounts) + (SELECT count(*) FROM unit_flags) AS n`.execute(store.db);
  return Number(row!.n);
}

/** `wengang screen` as a user runs it, timed from spawn to exit, its peak RSS read from /proc while it runs. */
function screenProcess(
  env: Record<string, string>,
  chunkSize: number | undefined,
): Promise<{ seconds: number; peakRssMiB: number }> {
  const started = performance.now();
  const args = ['bin/wengang.mjs', 'screen', '--round', round.round, ...(chunkSize ? ['--chunk-size', String(chunkSize)] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  let peak = 0;
  const sampler = setInterval(() => void (peak = Math.max(peak, peakRssMiB(child.pid!) ?? 0)), 50);
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ seconds: seconds(started), peakRssMiB: peak });
      else reject(new Error(`wengang screen exited with ${code}`));
    }),
  );
}

async function resetRound(store: Store): Promise<void> {
  await sql`TRUNCATE refund_case_events, refund_cases, refund_decisions, screening_runs CASCADE`.execute(store.db);
}

async function sqlBaseline(store: Store): Promise<number> {
  await sql`DROP TABLE IF EXISTS bench_baseline`.execute(store.db);
  await sql`CREATE TABLE bench_baseline (unit_id bigint PRIMARY KEY, status text NOT NULL, amount_fen bigint NOT NULL)`.execute(
    store.db,
  );
  const started = performance.now();
  await baselineInsert('bench_baseline', params, round.defaultAsOf, round.baseYear).execute(store.db);
  return seconds(started);
}

/** Units whose screened status or amount differs from the baseline's, or that only one of them decided. */
async function disagreements(store: Store): Promise<{ agreed: number; differing: number; examples: unknown[] }> {
  const { rows } = await sql<{ unit_id: number; screened: string | null; baseline: string | null }>`
    SELECT coalesce(d.unit_id, b.unit_id) AS unit_id, d.status || ' ' || d.amount_fen AS screened, b.status || ' ' || b.amount_fen AS baseline
    FROM refund_decisions d FULL JOIN bench_baseline b ON b.unit_id = d.unit_id
    WHERE d.unit_id IS NULL OR b.unit_id IS NULL OR d.status <> b.status OR d.amount_fen <> b.amount_fen
    ORDER BY 1`.execute(store.db);
  const {
    rows: [both],
  } = await sql<{ n: number }>`SELECT count(*) AS n FROM refund_decisions d JOIN bench_baseline b USING (unit_id)
    WHERE d.status = b.status AND d.amount_fen = b.amount_fen`.execute(store.db);
  return { agreed: Number(both!.n), differing: rows.length, examples: rows.slice(0, 5) };
}

const results: Record<string, unknown>[] = [];
let failed = false;
for (const units of sizes) {
  const { config, env } = await storeFor(units);
  // PGlite allows one process at a time: the store is closed while `wengang screen` runs.
  let store = await openStore(config);
  try {
    const generateSeconds = await populate(store, units);
    const rows = await ledgerRows(store);
    for (const chunkSize of chunkSizes) {
      await resetRound(store);
      await store.close();
      const loadAtStart = +loadavg()[0]!.toFixed(2);
      process.stderr.write(`筛查 ${units.toLocaleString('en-US')} 个单位（负载 ${loadAtStart}）\n`);
      const screen = await screenProcess(env, chunkSize);
      store = await openStore(config);
      const baselineSeconds = await sqlBaseline(store);
      const agreement = await disagreements(store);
      if (agreement.differing > 0) {
        failed = true;
        console.error(`${units} 个单位：筛查与 SQL 基线有 ${agreement.differing} 个单位不一致`, agreement.examples);
      }
      results.push({
        backend: store.backend,
        units,
        chunkSize: chunkSize ?? 'default',
        ledgerRows: rows,
        generateSeconds,
        screenSeconds: screen.seconds,
        sqlSeconds: baselineSeconds,
        ratio: +(screen.seconds / baselineSeconds).toFixed(2),
        unitsPerSecond: Math.round(units / screen.seconds),
        ledgerRowsPerSecond: Math.round(rows / screen.seconds),
        peakRssMiB: screen.peakRssMiB,
        agreement: `${agreement.agreed}/${units}`,
        loadAtStart,
        loadAtEnd: +loadavg()[0]!.toFixed(2),
      });
    }
  } finally {
    await store.close();
  }
}
report(values.name ?? (values.pglite ? 'screening-pglite' : 'screening'), results, {
  round: round.round,
  asOf: round.defaultAsOf,
});
if (failed) process.exitCode = 1;
