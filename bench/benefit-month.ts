// Benchmark: one month's benefit run (src/services/benefit/monthly-run.ts) for N recipients on PostgreSQL — stops
// checked, three lines per person written under their unique keys, benefit payments created through the payment
// machinery, medical on behalf posted — in chunks with the cursor committed with each. The population (persons with a
// card account, approved claims, their months) is written set-based into its own database wengang_bench_benefit_<n>.
// Run: npx tsx bench/benefit-month.ts [--recipients 20000] [--chunk 1000]; prints the figures as JSON.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { projectParameters } from '../src/adapters/parameters/load-parameters.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import { fixedClock } from '../src/domain/ports/clock.ts';
import { runBenefitMonth } from '../src/services/benefit/monthly-run.ts';
import { peakRssMiB } from './report.ts';

const { values } = parseArgs({
  options: { recipients: { type: 'string', default: '20000' }, chunk: { type: 'string', default: '1000' } },
});
const n = Number(values.recipients);
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const name = `wengang_bench_benefit_${n}`;
const admin = new pg.Client(server.toString());
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name}`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(server);
url.pathname = `/${name}`;
const store = await openStore({ databaseUrl: url.toString() });
const cipher = new SmFieldCipher(keyRingFromEnv({}).keyRing);
const account = cipher.encrypt('6217000010000000001');
const { db } = store;
await sql`INSERT INTO persons (id_number_index, id_number_cipher, id_number_masked, name, region_code, bank_account_cipher, bank_account_masked)
  SELECT 'bench-' || i, ${account}, '3710**********' || lpad(i::text, 4, '0'), '领取人' || i, '371002', ${account}, '6217***********0001'
  FROM generate_series(1, ${n}) i`.execute(db);
await sql`INSERT INTO benefit_claims (person_id, claim_date, channel, status, decision_status, reasons, trace, input, policy_version,
    contribution_months, max_months, monthly_fen, first_period, submitted_by, reviewed_by, region_code)
  SELECT id, '2024-06-05', 'case_worker', 'approved', 'eligible', '[]', '[]', '{}', 'bench', 30, 12, 198000, '2024-06', '经办员', '复核员', '371002'
  FROM persons`.execute(db);
await sql`INSERT INTO benefit_months (claim_id, person_id, period, seq, status)
  SELECT c.id, c.person_id, to_char(date '2024-06-01' + make_interval(months => s - 1), 'YYYY-MM'), s, 'scheduled'
  FROM benefit_claims c, generate_series(1, 12) s`.execute(db);
const started = performance.now();
let last = 0;
const summary = await runBenefitMonth(db, {
  period: '2024-06',
  regionCode: '371000',
  by: '系统',
  params: projectParameters(),
  clock: fixedClock('2024-06-10T10:00:00+08:00'),
  chunkSize: Number(values.chunk),
  onProgress: ({ done, total }) => {
    if (done - last >= 5000 || done === total) process.stderr.write(`${done}/${total}\n`);
    last = done;
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    recipients: n,
    chunk: Number(values.chunk),
    seconds: +seconds.toFixed(1),
    perSecond: Math.round(n / seconds),
    peakRssMiB: peakRssMiB(),
    summary,
  }),
);
await store.close();
