// The import API: a multipart upload is imported (200 with counts) or refused (422 with the errors and a report to
// download); templates and the batch log are served; a file that is neither XLSX nor CSV, or is empty, is refused
// unread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { importRoutes } from '../../../src/server/routes/imports.ts';
import { storeBackends } from '../../support/store-backends.ts';
import {
  creditCodeFor,
  csvBytes,
  table,
  testCipher,
  unitRecord,
  withFreshStore,
  withWrongCheck,
} from '../../support/import-fixtures.ts';
import { securedApp, staffCaller, type Headers } from '../../support/staff-session.ts';

const dir = mkdtempSync(join(tmpdir(), 'wengang-import-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BOUNDARY = '----wengang-test-boundary';

function multipart(fileName: string, content: Uint8Array, session: Headers): { payload: Buffer; headers: Headers } {
  const head =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...session },
  };
}

function unitsCsv(records: Record<string, string>[]): Uint8Array {
  const { headers, rows } = table(records);
  return csvBytes(headers, rows, 'gbk');
}

type Caller = Awaited<ReturnType<typeof staffCaller>>;

/** The import routes behind the security layer, and a signed-in case worker. */
async function withApp(store: Store, use: (app: FastifyInstance, worker: Caller) => Promise<void>): Promise<void> {
  const clock = fixedClock('2024-08-01T09:00:00+08:00');
  const app = await securedApp(store, clock, [
    [importRoutes, { store, cipher: testCipher, reportDir: join(dir, 'reports'), maxUploadBytes: 64 * 1024 }],
  ]);
  const worker = await staffCaller(store.db, clock, { username: 'wangwu', displayName: '经办员王五', roles: ['case_worker'] });
  try {
    await use(app, worker);
  } finally {
    await app.close();
  }
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`import API on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('imports an uploaded file, refuses a bad one with its errors and serves the report and the batch log', async () => {
      await withFreshStore(backend, (store) =>
        withApp(store, async (app, worker) => {
          const csv = unitsCsv([unitRecord(1), unitRecord(2)]);
          expect(
            (await app.inject({ method: 'POST', url: '/api/v1/imports/units', ...multipart('单位.csv', csv, {}) })).statusCode,
          ).toBe(401);
          const good = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/units',
            ...multipart('单位.csv', csv, await worker.headers()),
          });
          expect(good.statusCode).toBe(200);
          expect(good.json()).toMatchObject({ status: 'accepted', inserted: 2, updated: 0, unchanged: 0 });

          const bad = withWrongCheck(creditCodeFor(3));
          const refused = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/units',
            ...multipart('单位2.csv', unitsCsv([unitRecord(3, { 统一社会信用代码: bad })]), await worker.headers()),
          });
          expect(refused.statusCode).toBe(422);
          const body = refused.json();
          expect(body.errors).toEqual([
            { row: 2, column: '统一社会信用代码', value: bad, message: expect.stringContaining('校验码错误') },
          ]);
          expect(body.reportPath).toBeUndefined();

          const report = await app.inject({ method: 'GET', url: body.reportUrl, headers: await worker.headers() });
          expect(report.statusCode).toBe(200);
          expect(report.headers['content-type']).toContain('spreadsheetml');
          expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');

          const batches = (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: await worker.headers() })).json();
          expect(
            batches.map((b: { status: string; actor: string; fileName: string }) => [b.status, b.actor, b.fileName]),
          ).toEqual([
            ['rejected', worker.name, '单位2.csv'],
            ['accepted', worker.name, '单位.csv'],
          ]);
          expect(await store.db.selectFrom('units').select('credit_code').orderBy('credit_code').execute()).toEqual([
            { credit_code: creditCodeFor(1) },
            { credit_code: creditCodeFor(2) },
          ]);
        }),
      );
    });

    it('serves templates, and refuses unknown kinds, binary files, empty files and files over the size limit', async () => {
      await withFreshStore(backend, (store) =>
        withApp(store, async (app, worker) => {
          const template = await app.inject({
            method: 'GET',
            url: '/api/v1/imports/templates/unit-payments',
            headers: await worker.headers(),
          });
          expect(template.statusCode).toBe(200);
          expect(template.headers['content-disposition']).toContain(encodeURIComponent('单位缴费流水导入模板.xlsx'));
          expect(
            (await app.inject({ method: 'GET', url: '/api/v1/imports/templates/nothing', headers: await worker.headers() }))
              .statusCode,
          ).toBe(404);

          const binary = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/units',
            ...multipart('a.png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0), await worker.headers()),
          });
          expect([binary.statusCode, binary.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE']);
          const empty = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/units',
            ...multipart('units.csv', new Uint8Array(0), await worker.headers()),
          });
          expect([empty.statusCode, empty.json().error]).toEqual([
            400,
            {
              code: 'EMPTY_FILE',
              message: '上传的文件是空文件（0 字节），请选择填写好的 .xlsx 或 .csv 文件后重新上传',
            },
          ]);
          const huge = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/units',
            ...multipart('big.csv', new Uint8Array(100 * 1024).fill(0x41), await worker.headers()),
          });
          expect([huge.statusCode, huge.json().error.message]).toEqual([413, expect.stringContaining('上限')]);
          const unknown = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/nothing',
            ...multipart('a.csv', unitsCsv([unitRecord(1)]), await worker.headers()),
          });
          expect(unknown.statusCode).toBe(404);
          expect(await store.db.selectFrom('import_batches').select('id').execute()).toEqual([]);
        }),
      );
    });
  });
}
