// Benchmark: importing the certificate registry's extract (docs/FEEDS.md, kind `certificates`) at scale through the
// real import machinery (src/services/imports/import-file.ts): the whole file validated, the holders' ID numbers
// resolved through the persons' blind index, then the rows upserted in chunks, with progress on stderr. The holders
// (two certificates each by default) are written first into their own database wengang_bench_certificates_<rows> on
// the server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), recreated on each run; the
// extract is written as CSV in the documented layout to bench/data/. Agreement: the store holds as many certificates as
// the file has rows, and a sample of look-ups by certificate number through the registry port returns the holder the
// file names. Run: npm run bench:certificates -- [--rows 100000] [--per-holder 2] [--sample 1000]; writes
// bench/results/certificates.json.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { keyRingFromEnv } from '../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../src/adapters/crypto/sm-field-cipher.ts';
import { writeCsv } from '../src/adapters/files/write-csv.ts';
import { importedCertificateRegistry } from '../src/adapters/registry/imported-certificate-registry.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import { IdNumberAllocator } from '../src/demo/generate/identifiers.ts';
import { maskIdNumber } from '../src/domain/masking.ts';
import { addDays } from '../src/policy/core/dates.ts';
import { importFile } from '../src/services/imports/import-file.ts';
import { certificatesKind } from '../src/services/imports/kinds/certificates.ts';
import { peakRssMiB, report } from './report.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'per-holder': { type: 'string', default: '2' },
    sample: { type: 'string', default: '1000' },
  },
});
const rows = Number(values.rows);
const perHolder = Number(values['per-holder']);
const holders = Math.ceil(rows / perHolder);
const sampleSize = Math.min(Number(values.sample), rows);
const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);
const REGION = '371002';
const LEVELS = ['一级', '二级', '三级', '四级', '五级'] as const;
const OCCUPATIONS = [
  ['6-18-02-04', '焊工'],
  ['4-01-02-01', '电工'],
  ['4-10-01-01', '保育师'],
  ['6-20-99-00', '机床装调维修工'],
] as const;

const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const name = `wengang_bench_certificates_${rows}`;
const admin = new pg.Client(server.href);
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name}`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(server);
url.pathname = `/${name}`;
const store = await openStore({ databaseUrl: url.href });
const { db } = store;
const cipher = new SmFieldCipher(keyRingFromEnv({}).keyRing);

// The holders, as the persons import leaves them (ID number sealed, blind index, masked copy).
let started = performance.now();
const allocator = new IdNumberAllocator();
const idNumbers: string[] = [];
const personIds = new Map<string, number>();
for (let from = 0; from < holders; from += 5000) {
  const chunk = Array.from({ length: Math.min(5000, holders - from) }, (_, k) => {
    const i = from + k;
    const { idNumber } = allocator.allocate(REGION, addDays('1975-01-01', i % 9000), i % 2 === 0);
    idNumbers.push(idNumber);
    return {
      id_number_index: cipher.blindIndex(idNumber),
      id_number_cipher: cipher.encrypt(idNumber),
      id_number_masked: maskIdNumber(idNumber),
      name: `持证人${i + 1}`,
      region_code: REGION,
    };
  });
  const inserted = await db.insertInto('persons').values(chunk).returning('id').execute();
  inserted.forEach((p, k) => personIds.set(idNumbers[from + k]!, p.id));
}
const holdersSeconds = seconds(started);

// The extract in the documented layout: header row from the import kind, one certificate a row.
const dataDir = join('bench', 'data');
mkdirSync(dataDir, { recursive: true });
const file = join(dataDir, `certificates-${rows}.csv`);
const certificateNumber = (i: number) => `S0000${REGION}0${String(i + 1).padStart(12, '0')}`;
const holderOf = (i: number) => idNumbers[i % holders]!;
started = performance.now();
await writeCsv(
  file,
  certificatesKind.spec.columns.map((c) => c.header),
  (function* () {
    for (let i = 0; i < rows; i++) {
      const [code, occupation] = OCCUPATIONS[i % OCCUPATIONS.length]!;
      yield [
        certificateNumber(i),
        holderOf(i),
        code,
        occupation,
        LEVELS[i % LEVELS.length]!,
        addDays('2019-01-01', i % 2000),
        '威海市职业技能鉴定指导中心',
        i % 10 === 9 ? '否' : '是',
      ];
    }
  })(),
);
const writeSeconds = seconds(started);

started = performance.now();
let shown = 0;
const result = await importFile(store, {
  kind: 'certificates',
  path: file,
  fileName: `certificates-${rows}.csv`,
  actor: '基准测试',
  cipher,
  reportDir: join(tmpdir(), 'wengang-bench-certificates'),
  onProgress: (p) => {
    const done = p.phase === 'read' ? p.rows : p.rows + rows;
    if (done - shown >= 20_000 || (p.phase === 'write' && p.rows === p.totalRows)) {
      process.stderr.write(
        `${p.phase === 'read' ? '读取校验' : '写入'} ${p.rows.toLocaleString('en')} / ${rows.toLocaleString('en')}\n`,
      );
      shown = done;
    }
  },
});
const importSeconds = seconds(started);
if (result.status !== 'accepted') {
  throw new Error(`import rejected: ${result.fileError ?? JSON.stringify(result.errors.slice(0, 5))}`);
}

// Agreement: every row stored, and the sampled certificates name the holder the file gave.
const { count } = await db
  .selectFrom('certificates')
  .select((eb) => eb.fn.countAll<string>().as('count'))
  .executeTakeFirstOrThrow();
const registry = importedCertificateRegistry(db, cipher);
const step = Math.max(1, Math.floor(rows / sampleSize));
let wrongHolder = 0;
started = performance.now();
for (let s = 0; s < sampleSize; s++) {
  const i = s * step;
  const found = await registry.byNumber(certificateNumber(i));
  if (found?.personId !== personIds.get(holderOf(i))) wrongHolder++;
}
const lookupMs = +((performance.now() - started) / sampleSize).toFixed(2);
const agreement = { fileRows: rows, storedRows: Number(count), sampled: sampleSize, wrongHolder };

report(
  'certificates',
  [
    {
      rows,
      holders,
      holdersSeconds,
      writeCsvSeconds: writeSeconds,
      importSeconds,
      rowsPerSecond: Math.round(rows / importSeconds),
      inserted: result.inserted,
      lookupMs,
      peakRssMiB: peakRssMiB(),
    },
  ],
  { agreement },
);
await store.close();
if (agreement.storedRows !== rows || wrongHolder > 0) {
  console.error('不一致：', agreement);
  process.exitCode = 1;
}
