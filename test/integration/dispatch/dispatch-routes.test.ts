// The dispatch application API and the `wengang dispatch` command on both store backends: a multipart upload previews
// and submits, the application is read back with its allocations, a bad upload is refused with a Chinese report.
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { runDispatch } from '../../../src/cli/commands/dispatch.ts';
import { dispatchRoutes } from '../../../src/server/routes/dispatch.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import {
  contributionsOf,
  DISPATCH_UNIT_ID,
  idNumberOf,
  insertDispatchUnit,
  insertPersons,
  months,
  userUnitCode,
  writePlacements,
} from '../../support/dispatch-fixtures.ts';
import { testCipher as cipher } from '../../support/sealed-accounts.ts';
import { caseState, ROUND } from '../../support/review-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { securedApp, staffCaller, type Headers } from '../../support/staff-session.ts';

const JIA = userUnitCode('91371002MA3YH000A');
const PERSONS = [
  { n: 7, name: '派遣甲', contributions: months(1, 12).map((p) => [p, `${p}-15`, 10_000] as [string, string, number]) },
];
const PLACEMENTS = [[idNumberOf(7), null, '派遣甲', '否', '2023-01', '2023-12', JIA, '威海甲用工有限公司', '企业']];

/** A multipart body with text fields and .xlsx files. */
async function multipart(fields: Record<string, string>, files: Record<string, string>, session: Headers) {
  const boundary = '----wengang-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, path] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${name}.xlsx"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(await readFile(path), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...session } };
}

/** The dispatch routes behind the security layer, over a dispatch unit with its people, and a signed-in case worker. */
async function dispatchServer(store: Store) {
  const clock = fixedClock('2024-09-02T09:00:00+08:00');
  const app = await securedApp(store, clock, [[dispatchRoutes, { store, clock, cipher }]]);
  await insertDispatchUnit(store, contributionsOf(PERSONS));
  await insertPersons(store, PERSONS);
  const worker = await staffCaller(store.db, clock, { username: 'zhangsan', displayName: '经办员张三', roles: ['case_worker'] });
  return { app, worker };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`dispatch API and command on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-dispatch-api-');
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('previews, submits and reads back an application uploaded as multipart', async () => {
      const store = await openStore(await backend.freshConfig());
      const { app, worker } = await dispatchServer(store);
      try {
        const placements = await writePlacements(folder(), PLACEMENTS, 'api.xlsx');
        const form = { round: ROUND, unitId: String(DISPATCH_UNIT_ID) };

        const anonymous = await app.inject({
          method: 'POST',
          url: '/api/v1/dispatch/applications/preview',
          ...(await multipart(form, { placements }, {})),
        });
        expect(anonymous.statusCode).toBe(401);

        const preview = await app.inject({
          method: 'POST',
          url: '/api/v1/dispatch/applications/preview',
          ...(await multipart(form, { placements }, await worker.headers())),
        });
        expect(preview.statusCode).toBe(200);
        // 12 × 100.00 元 = 1,200.00 元 × 60% = 720.00 元, all to the user unit.
        expect(preview.json()).toMatchObject({
          amountFen: 72_000,
          allocations: [{ recipient: JIA, role: 'user_unit', amountFen: 72_000 }],
        });

        const submitted = await app.inject({
          method: 'POST',
          url: '/api/v1/dispatch/applications',
          ...(await multipart(form, { placements }, await worker.headers())),
        });
        expect(submitted.statusCode).toBe(201);
        const { applicationId } = submitted.json();
        expect((await caseState(store.db, DISPATCH_UNIT_ID)).state).toBe('eligible');

        const again = await app.inject({
          method: 'POST',
          url: '/api/v1/dispatch/applications',
          ...(await multipart(form, { placements }, await worker.headers())),
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().error.message).toMatch(/已有申请/);

        const read = await app.inject({
          method: 'GET',
          url: `/api/v1/dispatch/applications/${applicationId}`,
          headers: await worker.headers(),
        });
        expect(read.json()).toMatchObject({
          status: 'decided',
          amountFen: 72_000,
          allocations: [{ recipient: JIA, recipientName: '威海甲用工有限公司', amountFen: 72_000 }],
        });
        const byUnit = await app.inject({
          method: 'GET',
          url: `/api/v1/dispatch/units/${DISPATCH_UNIT_ID}/applications/${ROUND}`,
          headers: await worker.headers(),
        });
        expect(byUnit.json().id).toBe(applicationId);

        const template = await app.inject({
          method: 'GET',
          url: '/api/v1/dispatch/templates/workers',
          headers: await worker.headers(),
        });
        expect(template.statusCode).toBe(200);
        expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');
      } finally {
        await app.close();
        await store.close();
      }
    });

    it('refuses a bad upload with the problems in Chinese, over HTTP and on the command line', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const { app, worker } = await dispatchServer(store);
      try {
        const bad = await writePlacements(
          folder(),
          [[idNumberOf(7), null, '派遣甲', '否', '2023-12', '2023-01', JIA, '威海甲用工有限公司', '企业']],
          'bad.xlsx',
        );
        const form = { round: ROUND, unitId: String(DISPATCH_UNIT_ID) };
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/dispatch/applications',
          ...(await multipart(form, { placements: bad }, await worker.headers())),
        });
        expect(response.statusCode).toBe(422);
        expect(response.json().problems).toEqual([
          expect.objectContaining({ file: '派遣人员表', row: 2, column: '派遣截止年月' }),
        ]);
      } finally {
        await app.close();
        await store.close();
      }

      // Commands find an embedded store in pglite/ of the data folder.
      vi.stubEnv('DATABASE_URL', 'databaseUrl' in config ? config.databaseUrl : '');
      if ('dataDir' in config) {
        const data = await mkdtemp(join(folder(), 'data-'));
        await cp(config.dataDir, join(data, 'pglite'), { recursive: true });
        vi.stubEnv('WENGANG_DATA', data);
      }
      const good = await writePlacements(folder(), PLACEMENTS, 'cli.xlsx');
      let out = '';
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        out += String(chunk);
        return true;
      });
      try {
        const args = [
          '--round',
          ROUND,
          '--unit',
          String(DISPATCH_UNIT_ID),
          '--file',
          good,
          '--user',
          '经办员张三',
          '--role',
          'case_worker',
          '--json',
        ];
        expect(await runDispatch(['submit', ...args])).toBe(0);
      } finally {
        write.mockRestore();
      }
      expect(JSON.parse(out)).toMatchObject({ caseState: 'eligible', amountFen: 72_000 });
    });
  });
}
