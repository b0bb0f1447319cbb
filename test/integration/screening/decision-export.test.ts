// The decision list's size and amount filters and its Excel export, signed in, on both store backends: the filters
// pick the right units across pages, the export holds exactly the filtered rows under Chinese headers with masked
// credit codes, and a district case worker sees only their district and is refused another one.
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { screeningRoutes } from '../../../src/server/routes/screening.ts';
import { DECISION_XLSX_HEADERS } from '../../../src/services/screening/export-decisions.ts';
import { eachRoundDecision } from '../../../src/services/screening/round-decisions.ts';
import { insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';
import { securedApp, staffCaller, type Headers } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';

const HUANCUI = '371002';
const RONGCHENG = '371082';
const WENDENG = '371003';
const CITY = '371000';

/** Six units across three districts, sizes and amounts; returns their credit codes by name. */
async function population(store: Store): Promise<Map<string, string>> {
  const run = await insertRun(store.db);
  const units: [
    string,
    string,
    'large' | 'medium' | 'small' | 'micro' | null,
    'eligible' | 'ineligible' | 'needs_review',
    number,
  ][] = [
    ['环翠甲小型公司', HUANCUI, 'small', 'eligible', 100_000],
    ['环翠乙大型公司', HUANCUI, 'large', 'eligible', 500_000],
    ['荣成丙中型公司', RONGCHENG, 'medium', 'eligible', 300_000],
    ['环翠丁微型公司', HUANCUI, 'micro', 'ineligible', 0],
    ['文登戊小型公司', WENDENG, 'small', 'eligible', 250_000],
    ['环翠己规模不明公司', HUANCUI, null, 'needs_review', 0],
  ];
  const codes = new Map<string, string>();
  for (const [name, regionCode, size, state, amountFen] of units) {
    const unit = await insertUnitWithCase(store.db, run, { name, regionCode, size }, { state, amountFen, size });
    codes.set(name, unit.creditCode);
  }
  return codes;
}

async function sheetOf(response: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const names = (response: LightMyRequestResponse) =>
  response.json<{ items: { unitName: string }[] }>().items.map((d) => d.unitName);

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`decision filters and export on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    async function withApp(work: (app: FastifyInstance, store: Store, clock: ReturnType<typeof fixedClock>) => Promise<void>) {
      await backend.withStore(async (store) => {
        const clock = fixedClock('2024-09-27T10:00:00+08:00');
        const app = await securedApp(store, clock, [[screeningRoutes, { store, clock, params: projectParameters() }]]);
        try {
          await work(app, store, clock);
        } finally {
          await app.close();
        }
      });
    }

    it('filters by size and by an amount range, keeping server paging', () =>
      withApp(async (app, store, clock) => {
        await population(store);
        const worker = await staffCaller(store.db, clock, { username: 'zhangsan', roles: ['case_worker'] });
        /** The city's decisions (a city account names its region, as the page does) with more filters. */
        const get = async (query: string, region = CITY) =>
          app.inject({
            method: 'GET',
            url: `/api/v1/rounds/${ROUND}/decisions?region=${region}&${query}`,
            headers: await worker.headers(),
          });

        expect(names(await get('size=small'))).toEqual(['环翠甲小型公司', '文登戊小型公司']);
        expect(names(await get('size=large'))).toEqual(['环翠乙大型公司']);
        const secondPage = (await get('size=small&pageSize=1&page=2')).json();
        expect(secondPage).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ unitName: '文登戊小型公司' }] });

        const range = await get('minAmountFen=200000&maxAmountFen=300000');
        expect(names(range)).toEqual(['荣成丙中型公司', '文登戊小型公司']);
        expect(names(await get('minAmountFen=300000'))).toEqual(['环翠乙大型公司', '荣成丙中型公司']);
        expect(names(await get('maxAmountFen=0&status=needs_review'))).toEqual(['环翠己规模不明公司']);
        expect(names(await get('size=small&minAmountFen=200000', WENDENG))).toEqual(['文登戊小型公司']);

        const empty = await get('minAmountFen=300000&maxAmountFen=200000');
        expect(empty.statusCode).toBe(400);
        expect(empty.json().error.message).toBe('最低金额不能高于最高金额');
        expect((await get('size=huge')).statusCode).toBe(400);
      }));

    it('exports every filtered row with Chinese headers and masked credit codes', () =>
      withApp(async (app, store, clock) => {
        const codes = await population(store);
        const worker = await staffCaller(store.db, clock, { username: 'zhangsan', roles: ['case_worker'] });
        const filters = `region=${CITY}&status=eligible&minAmountFen=100000&maxAmountFen=400000`;

        const list = (
          await app.inject({
            method: 'GET',
            url: `/api/v1/rounds/${ROUND}/decisions?${filters}&pageSize=1`,
            headers: await worker.headers(),
          })
        ).json();
        expect(list.total).toBe(3);
        const xlsx = await app.inject({
          method: 'GET',
          url: `/api/v1/rounds/${ROUND}/decisions/export?${filters}`,
          headers: await worker.headers(),
        });
        expect(xlsx.statusCode).toBe(200);
        expect(xlsx.headers['content-type']).toContain('spreadsheetml');
        expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('2024年度稳岗返还决定.xlsx'));
        const sheet = await sheetOf(xlsx);
        expect(sheet.rowCount - 1).toBe(list.total);
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...DECISION_XLSX_HEADERS]);
        expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
          '环翠甲小型公司',
          expect.stringMatching(/^913710\*{8}\d{3}X$/),
          '环翠区',
          '小型企业',
          '符合条件',
          undefined,
          '1,000.00',
          '符合条件',
        ]);
        expect((sheet.getRow(3).values as unknown[]).slice(1, 5)).toEqual([
          '荣成丙中型公司',
          expect.any(String),
          '荣成市',
          '中型企业',
        ]);
        expect(sheet.getRow(4).getCell(7).value).toBe('2,500.00');
        const cells = JSON.stringify(sheet.getSheetValues());
        for (const code of codes.values()) expect(cells).not.toContain(code);

        const review = await sheetOf(
          await app.inject({
            method: 'GET',
            url: `/api/v1/rounds/${ROUND}/decisions/export?region=${CITY}&status=needs_review`,
            headers: await worker.headers(),
          }),
        );
        expect((review.getRow(2).values as unknown[]).slice(1)).toEqual([
          '环翠己规模不明公司',
          expect.any(String),
          '环翠区',
          '未划型',
          '待人工复核',
          '企业规模未知，需补录',
          '0.00',
          '待人工复核',
        ]);
      }));

    it('limits a district case worker to their district and refuses another one', () =>
      withApp(async (app, store, clock) => {
        await population(store);
        const district = await staffCaller(store.db, clock, { username: 'huancui', roles: ['case_worker'], regionCode: HUANCUI });
        const call = async (path: string, headers: Headers) =>
          app.inject({ method: 'GET', url: `/api/v1/rounds/${ROUND}/${path}`, headers });

        const own = await call(`decisions?region=${HUANCUI}`, await district.headers());
        expect(names(own)).toEqual(['环翠甲小型公司', '环翠乙大型公司', '环翠丁微型公司', '环翠己规模不明公司']);
        const sheet = await sheetOf(await call(`decisions/export?region=${HUANCUI}&size=large`, await district.headers()));
        expect(sheet.rowCount).toBe(2);
        expect(sheet.getRow(2).getCell(3).value).toBe('环翠区');

        for (const path of [
          `decisions?region=${RONGCHENG}`,
          `decisions/export?region=${RONGCHENG}`,
          'decisions',
          'decisions/export',
          `decisions/export?region=${CITY}`,
        ]) {
          const refused = await call(path, await district.headers());
          expect(refused.statusCode, path).toBe(403);
          expect(refused.json().error.code).toBe('OUT_OF_SCOPE');
        }
        expect((await call(`decisions/export?region=${HUANCUI}`, {})).statusCode).toBe(401);
      }));

    it('reads every matching decision in unit order however the rows fall into chunks', () =>
      backend.withStore(async (store) => {
        await population(store);
        const read = async (chunkSize: number) => {
          const names: string[] = [];
          for await (const d of eachRoundDecision(store.db, ROUND, { status: 'eligible' }, chunkSize)) names.push(d.unitName);
          return names;
        };
        const all = ['环翠甲小型公司', '环翠乙大型公司', '荣成丙中型公司', '文登戊小型公司'];
        expect(await read(2)).toEqual(all);
        expect(await read(3)).toEqual(all);
        expect(await read(100)).toEqual(all);
      }));
  });
}
