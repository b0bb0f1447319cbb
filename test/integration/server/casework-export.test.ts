// The skill-subsidy and benefit queues as Excel files, signed in, on both store backends: the file opens, has the
// Chinese headers, holds exactly the filtered rows with ID numbers masked, and a district case worker exports their own
// district only and is refused another one.
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { benefitRoutes } from '../../../src/server/routes/benefit.ts';
import { skillSubsidyRoutes } from '../../../src/server/routes/skill-subsidy.ts';
import { IN_SCOPE, insertTargets, OUT_OF_SCOPE } from '../../support/authorization-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';

/** The sheet's rows as text, header first. */
async function rowsOf(response: LightMyRequestResponse): Promise<string[][]> {
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`casework queues as Excel on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    async function withApp(work: (app: FastifyInstance, store: Store, clock: ReturnType<typeof fixedClock>) => Promise<void>) {
      await backend.withStore(async (store) => {
        const clock = fixedClock('2024-09-27T10:00:00+08:00');
        const options = { store, clock, params: projectParameters(), cipher: testCipher };
        const app = await securedApp(store, clock, [
          [skillSubsidyRoutes, options],
          [benefitRoutes, options],
        ]);
        try {
          await work(app, store, clock);
        } finally {
          await app.close();
        }
      });
    }

    it('exports the skill-subsidy queue with its filters; a district worker only their district', () =>
      withApp(async (app, store, clock) => {
        await insertTargets(store.db);
        const city = await staffCaller(store.db, clock, { username: 'city', roles: ['case_worker'] });
        const district = await staffCaller(store.db, clock, {
          username: 'huancui',
          roles: ['case_worker'],
          regionCode: IN_SCOPE,
        });
        const get = async (caller: typeof city, query: string) =>
          app.inject({
            method: 'GET',
            url: `/api/v1/skill-subsidy/applications?format=xlsx&${query}`,
            headers: await caller.headers(),
          });

        const all = await rowsOf(await get(city, 'state=submitted'));
        expect(all[0]).toEqual([
          '申请编号',
          '姓名',
          '公民身份号码',
          '证书编号',
          '职业（工种）',
          '等级',
          '发证日期',
          '申请日期',
          '申请渠道',
          '判定结果',
          '不符合原因',
          '补贴金额（元）',
          '补发',
          '复核状态',
          '复核人',
          '支付状态',
        ]);
        expect(
          all
            .slice(1)
            .map((r) => r[1])
            .sort(),
        ).toEqual(['矩阵测试1', '矩阵测试2']);
        const own = await rowsOf(await get(district, `regionCode=${IN_SCOPE}`));
        expect(own).toHaveLength(2);
        expect(own[1]!.slice(1, 4)).toEqual(['矩阵测试1', expect.stringContaining('*'), `MATRIX-${IN_SCOPE}`]);
        expect(own[1]!.slice(11, 14)).toEqual(['1,500.00', '否', '待复核']);
        expect(await rowsOf(await get(city, 'state=approved'))).toHaveLength(1);
        expect((await get(district, `regionCode=${OUT_OF_SCOPE}`)).statusCode).toBe(403);
        expect((await get(district, '')).statusCode).toBe(403);
      }));

    it('exports the benefit claim queue with its filters; a district worker only their district', () =>
      withApp(async (app, store, clock) => {
        await insertTargets(store.db);
        const city = await staffCaller(store.db, clock, { username: 'city', roles: ['case_worker'] });
        const district = await staffCaller(store.db, clock, {
          username: 'huancui',
          roles: ['case_worker'],
          regionCode: IN_SCOPE,
        });
        const get = async (caller: typeof city, query: string) =>
          app.inject({ method: 'GET', url: `/api/v1/benefit/claims?format=xlsx&${query}`, headers: await caller.headers() });

        const all = await rowsOf(await get(city, 'region=371000&status=submitted'));
        expect(all[0]).toEqual([
          '申领编号',
          '姓名',
          '公民身份号码',
          '行政区划',
          '申领日期',
          '申领渠道',
          '判定结果',
          '不符合原因',
          '领取月数',
          '月发放标准（元）',
          '首个发放月份',
          '申领状态',
          '停发原因',
          '停发起始月份',
        ]);
        expect(
          all
            .slice(1)
            .map((r) => [r[1], r[3]])
            .sort(),
        ).toEqual([
          ['矩阵测试1', IN_SCOPE],
          ['矩阵测试2', OUT_OF_SCOPE],
        ]);
        const own = await rowsOf(await get(district, `region=${IN_SCOPE}`));
        expect(own.slice(1).map((r) => [r[1], r[4], r[8], r[9], r[11]])).toEqual([
          ['矩阵测试1', '2024-09-10', '12', '1,980.00', '待复核'],
        ]);
        expect(await rowsOf(await get(city, 'region=371000&status=approved'))).toHaveLength(1);
        expect((await get(district, `region=${OUT_OF_SCOPE}`)).statusCode).toBe(403);
      }));
  });
}
