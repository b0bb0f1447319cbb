// A GBK CSV of units: rejected whole with a precise Chinese report when one row is bad; imported once and only once
// when good; a changed row updates that row alone.
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportResult } from '../../../src/services/imports/import-file.ts';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { storeBackends } from '../../support/store-backends.ts';
import {
  creditCodeFor,
  readSheet,
  table,
  testCipher,
  unitRecord,
  withFreshStore,
  withWrongCheck,
  writeCsvFile,
} from '../../support/import-fixtures.ts';
import { waitFor } from '../../support/wait-for.ts';

const dir = mkdtempSync(join(tmpdir(), 'wengang-import-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importUnits(store: Store, path: string, actor = '经办员张三'): Promise<ImportResult> {
  return importFile(store, {
    kind: 'units',
    path,
    fileName: '参保单位.csv',
    actor,
    cipher: testCipher,
    reportDir: join(dir, 'reports'),
  });
}

function writeUnits(name: string, records: Record<string, string>[]): string {
  const path = join(dir, name);
  const { headers, rows } = table(records);
  writeCsvFile(path, headers, rows, 'gbk');
  return path;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`units import on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('rejects a GBK file with one bad credit code whole, with the row, column, value and reason in Chinese', async () => {
      const bad = withWrongCheck(creditCodeFor(2));
      const path = writeUnits('bad.csv', [unitRecord(1), unitRecord(2, { 统一社会信用代码: bad }), unitRecord(3)]);
      await withFreshStore(backend, async (store) => {
        const result = await importUnits(store, path);
        expect(result.status).toBe('rejected');
        if (result.status !== 'rejected') return;
        expect(result.errors).toEqual([
          { row: 3, column: '统一社会信用代码', value: bad, message: expect.stringContaining('校验码错误') },
        ]);
        expect(await store.db.selectFrom('units').select('id').execute()).toEqual([]);
        const report = await readSheet(result.reportPath);
        expect(report[0]).toEqual(['行号', '列', '值', '问题']);
        expect(report[1]).toEqual(['3', '统一社会信用代码', bad, result.errors[0]!.message]);
        const batches = await store.db.selectFrom('import_batches').select(['status', 'row_count', 'error_count']).execute();
        expect(batches).toEqual([{ status: 'rejected', row_count: 3, error_count: 1 }]);
      });
    });

    it('imports a good file once: a second import changes nothing, a changed row updates only that row', async () => {
      const records = [
        unitRecord(1),
        unitRecord(2, { 是否劳务派遣: '是', 企业规模: '', 联系电话: '13806310001' }),
        unitRecord(3),
      ];
      const path = writeUnits('good.csv', records);
      await withFreshStore(backend, async (store) => {
        expect(await importUnits(store, path)).toMatchObject({
          status: 'accepted',
          rowCount: 3,
          inserted: 3,
          updated: 0,
          unchanged: 0,
        });
        const stored = await store.db
          .selectFrom('units')
          .selectAll()
          .where('credit_code', '=', creditCodeFor(2))
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({
          name: '威海第2精密机械有限公司',
          org_type: 'enterprise',
          industry: 'industrial',
          employees: 45,
          revenue_wan: '2350.80',
          assets_wan: '1800.00',
          size: null,
          region_code: '371002',
          labor_dispatch: true,
          contact_phone_masked: '138****0001',
          created_by: '经办员张三',
          updated_by: '经办员张三',
        });
        expect(testCipher.decrypt(stored.contact_phone_cipher!)).toBe('13806310001');
        const before = await store.db.selectFrom('units').select(['credit_code', 'updated_at']).orderBy('credit_code').execute();

        // Let the database clock pass the rows' updated_at, so an update would show as a new time.
        const newest = before.reduce((max, u) => (u.updated_at > max ? u.updated_at : max), before[0]!.updated_at);
        await waitFor('数据库时钟走过 updated_at', async () => {
          const { rows } = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(store.db);
          return rows[0]!.now > newest ? true : undefined;
        });
        expect(await importUnits(store, path, '经办员李四')).toMatchObject({
          status: 'accepted',
          inserted: 0,
          updated: 0,
          unchanged: 3,
        });
        expect(await store.db.selectFrom('units').select(['credit_code', 'updated_at']).orderBy('credit_code').execute()).toEqual(
          before,
        );

        const renamed = writeUnits('renamed.csv', [records[0]!, { ...records[1]!, 单位名称: '威海新名称有限公司' }, records[2]!]);
        expect(await importUnits(store, renamed, '经办员李四')).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
        const after = await store.db
          .selectFrom('units')
          .select(['credit_code', 'name', 'updated_by'])
          .orderBy('credit_code')
          .execute();
        expect(after.map((unit) => unit.updated_by)).toEqual(['经办员张三', '经办员李四', '经办员张三']);
        expect(after[1]!.name).toBe('威海新名称有限公司');
        expect(
          testCipher.decrypt(
            (
              await store.db
                .selectFrom('units')
                .select('contact_phone_cipher')
                .where('credit_code', '=', creditCodeFor(2))
                .executeTakeFirstOrThrow()
            ).contact_phone_cipher!,
          ),
        ).toBe('13806310001');
      });
    });

    it('rejects a unit in a region the system does not know and a unit type outside the list', async () => {
      const path = writeUnits('region.csv', [unitRecord(1, { 所属区划代码: '379999' }), unitRecord(2, { 单位类型: '公司' })]);
      await withFreshStore(backend, async (store) => {
        const result = await importUnits(store, path);
        expect(result.status === 'rejected' && result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
          [2, '所属区划代码', '379999'],
          [3, '单位类型', '公司'],
        ]);
        expect(result.status === 'rejected' && result.errors[1]!.message).toContain('机关、事业单位');
        expect(await store.db.selectFrom('units').select('id').execute()).toEqual([]);
      });
    });
  });
}
