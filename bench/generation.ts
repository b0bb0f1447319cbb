// Benchmark: the synthetic population generator at bench scale (Weihai, people for labour-dispatch units only) into a
// fresh PostgreSQL database `wengang_gen_<units>` on BENCH_DATABASE_URL's server, dropped afterwards. With --dry the
// rows are generated and discarded (the generator's own JavaScript cost, no database); with --checked the chunks are
// written as `wengang generate` writes them (foreign keys checked) instead of as the benchmarks load them (bench-load.ts).
// Run: node --import tsx bench/generation.ts [--units 50000] [--dry] [--name generation]; writes bench/results/<name>.json.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import { resumeIntoStore } from '../src/demo/generate/generate-into-store.ts';
import { generatePopulation } from '../src/demo/generate/generate-population.ts';
import { benchLoadTarget } from './bench-load.ts';
import { report } from './report.ts';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '50000' },
    dry: { type: 'boolean', default: false },
    checked: { type: 'boolean', default: false },
    name: { type: 'string' },
  },
});
const units = Number(values.units);
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const options = {
  scale: { units, regions: 'weihai', people: { unitShare: 0 } },
  seed: 1,
  cipher: new SmFieldCipher(keyRingFromEnv(process.env).keyRing),
  params: projectParameters(),
} as const;
const name = `wengang_gen_${units}`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client(serverUrl.href);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const loadAtStart = +loadavg()[0]!.toFixed(2);
const cpuBefore = process.cpuUsage();
let started = performance.now();
if (values.dry) {
  await generatePopulation({ ...options, writer: { copyRows: async () => {} } });
} else {
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl.href);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.href });
  started = performance.now();
  try {
    await resumeIntoStore(values.checked ? store : await benchLoadTarget(store), options);
  } finally {
    await store.close();
    await admin(`DROP DATABASE ${name}`);
  }
}
const seconds = +((performance.now() - started) / 1000).toFixed(2);
const cpu = process.cpuUsage(cpuBefore);
report(values.name ?? 'generation', [
  {
    units,
    mode: values.dry ? 'no database' : values.checked ? 'foreign keys checked' : 'bench load',
    seconds,
    unitsPerSecond: Math.round(units / seconds),
    generatorCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    loadAtStart,
    loadAtEnd: +loadavg()[0]!.toFixed(2),
  },
]);
