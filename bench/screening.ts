// Benchmark: a synthetic population screened end to end (read ledger → decide → COPY decisions → open cases).
// `--scale city` (50,000 units) on PGlite in a temporary folder; `--scale province` (1,000,000 units) on the
// PostgreSQL server of DATABASE_URL (its tables must be empty: the generator supplies ids). `--reuse` screens the
// population already in DATABASE_URL without generating one; `--data DIR` keeps the PGlite folder (generated once). Prints a table and writes bench/results/screening.json.
// Run: node --import tsx bench/screening.ts --scale city
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { openStore, type StoreConfig } from '../src/adapters/store/open-store.ts';
import { generateIntoStore } from '../src/services/generate/generate-into-store.ts';
import { SCALES } from '../src/services/generate/scales.ts';
import { systemClock } from '../src/domain/ports/clock.ts';
import { startScreeningRun } from '../src/services/screening/screening-run.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, scale: { type: 'string', default: 'city' }, seed: { type: 'string', default: '1' }, reuse: { type: 'boolean', default: false } } });
const scale = values.scale === 'province' ? 'province' : 'city';
const params = projectParameters();

let tmp: string | undefined;
let config: StoreConfig;
if (scale === 'province' || values.reuse) {
  if (!process.env.DATABASE_URL) throw new Error('province scale needs DATABASE_URL (a PostgreSQL server)');
  config = { databaseUrl: process.env.DATABASE_URL };
} else if (values.data) {
  config = { dataDir: values.data };
} else {
  tmp = mkdtempSync(join(tmpdir(), 'bench-screening-'));
  config = { dataDir: join(tmp, 'data') };
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
let peakRss = 0;
const sample = () => void (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 100);

const store = await openStore(config);
try {
  let generateSeconds: number | null = null;
  const empty = !(await store.db.selectFrom('units').select('id').limit(1).executeTakeFirst());
  if (!values.reuse && empty) {
    const t = performance.now();
    // Screening reads units and their ledger only: people are generated for the labour-dispatch units alone.
    const spec = { ...SCALES[scale], people: { unitShare: 0 } };
    await generateIntoStore(store, { scale: spec, seed: Number(values.seed), cipher: new SmFieldCipher(keyRingFromEnv(process.env).keyRing), params });
    generateSeconds = (performance.now() - t) / 1000;
    if (store.backend === 'postgres') await sql`ANALYZE`.execute(store.db);
  }
  const count = async (table: 'unit_contribution_months' | 'unit_payments' | 'unit_headcounts' | 'unit_flags') =>
    Number((await store.db.selectFrom(table).select(sql<number>`count(*)::bigint`.as('n')).executeTakeFirstOrThrow()).n);
  const ledgerRows = (await Promise.all((['unit_contribution_months', 'unit_payments', 'unit_headcounts', 'unit_flags'] as const).map(count)))
    .reduce((a, b) => a + b, 0);

  peakRss = 0;
  const started = performance.now();
  let lastTenth = -1;
  const outcome = await startScreeningRun(store, {
    round: '2024', clock: systemClock, params,
    onProgress: ({ done, total, unitsPerSecond }) => {
      sample();
      const tenth = Math.floor((done * 10) / total);
      if (tenth !== lastTenth) process.stderr.write(`筛查 ${done} / ${total}（每秒 ${Math.round(unitsPerSecond)} 个单位）\n`);
      lastTenth = tenth;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  sample();
  const result = {
    scale, backend: store.backend, units: outcome.processedUnits, ledgerRows,
    generateSeconds: generateSeconds === null ? null : +generateSeconds.toFixed(1),
    seconds: +seconds.toFixed(1),
    unitsPerSecond: Math.round(outcome.processedUnits / seconds),
    ledgerRowsPerSecond: Math.round(ledgerRows / seconds),
    peakRssMiB: mib(peakRss),
    casesOpened: outcome.casesOpened,
  };
  console.table([result]);
  mkdirSync('bench/results', { recursive: true });
  const file = 'bench/results/screening.json';
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')).results ?? {};
  } catch { /* first measurement */ }
  writeFileSync(file, `${JSON.stringify({ node: process.version, measuredAt: new Date().toISOString(), results: { ...previous, [scale]: result } }, null, 2)}\n`);
} finally {
  clearInterval(sampler);
  await store.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
