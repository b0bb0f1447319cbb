// Benchmark: one risk run (every enabled rule, rule by rule, each in its own transaction) over a generated city on
// PostgreSQL. The population lives in its own database (wengang_bench_risk_<units>) on the server of
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), generated once with Weihai's regions and
// reused afterwards, with comparison extracts and benefit periods added so the comparison rules find hits. Run: npx tsx bench/risk-run.ts [--units 10000] [--persons 140000] (a city is 50,000 and 700,000); writes bench/results/risk-run.json.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import { generateIntoStore } from '../src/demo/generate/generate-into-store.ts';
import { systemClock } from '../src/domain/ports/clock.ts';
import { runRiskRules } from '../src/services/risk/run-rules.ts';
import { peakRssMiB, report } from './report.ts';

const { values } = parseArgs({
  options: { units: { type: 'string', default: '10000' }, persons: { type: 'string', default: '140000' } },
});
const units = Number(values.units);
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);
const params = projectParameters();
const cipher = new SmFieldCipher(keyRingFromEnv(process.env).keyRing);

const name = `wengang_bench_risk_${units}`;
const admin = new pg.Client(serverUrl.href);
await admin.connect();
if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 0)
  await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(serverUrl.href);
url.pathname = `/${name}`;

const store = await openStore({ databaseUrl: url.href });
try {
  let generateSeconds: number | null = null;
  if (!(await store.db.selectFrom('units').select('id').limit(1).executeTakeFirst())) {
    const started = performance.now();
    await generateIntoStore(store, {
      scale: { units, regions: 'weihai', people: { persons: Number(values.persons) } },
      seed: 1,
      cipher,
      params,
    });
    generateSeconds = seconds(started);
  }
  // The generator writes no comparison extracts: every 50th person is reported dead, every 50th (another) as
  // contributing elsewhere and every 50th drawing benefit elsewhere, and every 10th drew benefit here, so the
  // comparison rules have rows to join (once; the rows stay for later runs).
  if (!(await store.db.selectFrom('comparison_records').select('person_id').limit(1).executeTakeFirst())) {
    await sql`INSERT INTO benefit_periods (person_id, from_date, to_date, region_code)
      SELECT id, '2024-03-01', '2024-12-31', region_code FROM persons p WHERE id % 10 = 0
        AND NOT EXISTS (SELECT 1 FROM benefit_periods b WHERE b.person_id = p.id)`.execute(store.db);
    await sql`INSERT INTO comparison_records (person_id, kind, from_date, region_code)
      SELECT id, (ARRAY['death', 'contribution_elsewhere', 'benefit_elsewhere'])[id % 150 / 50 + 1], '2024-06-01', region_code
      FROM persons WHERE id % 50 = 0`.execute(store.db);
  }
  const counts = await store.db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('persons'))
    .executeTakeFirstOrThrow();
  const loadAtStart = loadavg().map((l) => +l.toFixed(2));
  const started = performance.now();
  let last = started;
  const rules: Record<string, unknown>[] = [];
  const result = await runRiskRules(store.db, {
    cityCode: '371000',
    asOf: '2024-10-08',
    parameters: params,
    cipher,
    actor: { kind: 'system' },
    clock: systemClock,
    onProgress: (p) => {
      rules.push({ rule: p.code, newHits: p.newHits, seconds: seconds(last) });
      last = performance.now();
      process.stderr.write(`${p.done}/${p.total} ${p.code}：${p.newHits}\n`);
    },
  });
  report('risk-run', rules, {
    units,
    persons: Number(counts.persons),
    generateSeconds,
    runSeconds: seconds(started),
    newHits: result.newHits,
    loadAtStart,
    loadAtEnd: loadavg().map((l) => +l.toFixed(2)),
    peakRssMiB: peakRssMiB(),
  });
} finally {
  await store.close();
}
