// Imports that attach facts to registered units: exclusion flags, the tax feed's contribution accounts (update only)
// and labour-dispatch placements (only for units registered as dispatch units, with a user unit unless own staff).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { importFile, type ImportResult } from '../../../src/services/imports/import-file.ts';
import { storeBackends } from '../../support/store-backends.ts';
import {
  creditCodeFor,
  idNumberFor,
  table,
  testCipher,
  unitRecord,
  withFreshStore,
  writeCsvFile,
} from '../../support/import-fixtures.ts';
import { opened } from '../../support/sealed-accounts.ts';

const dir = mkdtempSync(join(tmpdir(), 'wengang-import-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function importRecords(store: Store, kind: string, records: Record<string, string>[]): Promise<ImportResult> {
  const path = join(dir, `${kind}-${++files}.csv`);
  const { headers, rows } = table(records);
  writeCsvFile(path, headers, rows, 'utf8');
  return importFile(store, {
    kind,
    path,
    fileName: `${kind}.csv`,
    actor: '经办员',
    cipher: testCipher,
    reportDir: join(dir, 'reports'),
  });
}

async function registerUnitsAndPerson(store: Store): Promise<void> {
  await importRecords(store, 'units', [unitRecord(1), unitRecord(2, { 是否劳务派遣: '是' })]);
  await importRecords(store, 'persons', [{ 公民身份号码: idNumberFor(1), 姓名: '赵六', 所属区划代码: '371002' }]);
}

function placement(dispatch: string, changes: Record<string, string> = {}): Record<string, string> {
  return {
    派遣单位信用代码: dispatch,
    公民身份号码: idNumberFor(1),
    起始年月: '2023-01',
    终止年月: '2023-12',
    是否自有员工: '否',
    用工单位信用代码: creditCodeFor(50),
    用工单位名称: '威海市某事业单位',
    用工单位类型: '事业单位',
    ...changes,
  };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`unit flags, contribution accounts and placements on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('records exclusion flags with their dates and refuses an end before the start', async () => {
      await withFreshStore(backend, async (store) => {
        await registerUnitsAndPerson(store);
        const flag = {
          统一社会信用代码: creditCodeFor(1),
          标记类型: '僵尸企业',
          开始日期: '2024年3月1日',
          结束日期: '',
          信息来源: '发改委名单',
        };
        const wrong = await importRecords(store, 'unit-flags', [flag, { ...flag, 标记类型: '破产', 结束日期: '2024-02-01' }]);
        expect(wrong.status === 'rejected' && wrong.errors).toEqual([
          { row: 3, column: '结束日期', value: '2024-02-01', message: '结束日期不能早于开始日期' },
        ]);
        expect(await importRecords(store, 'unit-flags', [flag])).toMatchObject({ status: 'accepted', inserted: 1 });
        expect(await store.db.selectFrom('unit_flags').select(['flag', 'from_date', 'to_date']).execute()).toEqual([
          { flag: 'zombie', from_date: '2024-03-01', to_date: null },
        ]);
      });
    });

    it('sets the contribution account of registered units only, and counts an unchanged account as unchanged', async () => {
      await withFreshStore(backend, async (store) => {
        await registerUnitsAndPerson(store);
        const unknown = await importRecords(store, 'contribution-accounts', [
          { 统一社会信用代码: creditCodeFor(9), 社保缴费账户: '123456789012' },
        ]);
        expect(unknown.status === 'rejected' && unknown.errors[0]!.column).toBe('统一社会信用代码');
        const accounts = [{ 统一社会信用代码: creditCodeFor(1), 社保缴费账户: '1234 5678 9012' }];
        expect(await importRecords(store, 'contribution-accounts', accounts)).toMatchObject({
          inserted: 0,
          updated: 1,
          unchanged: 0,
        });
        expect(await importRecords(store, 'contribution-accounts', accounts)).toMatchObject({
          inserted: 0,
          updated: 0,
          unchanged: 1,
        });
        const stored = await store.db
          .selectFrom('units')
          .select(['credit_code', 'contribution_account_cipher', 'contribution_account_masked'])
          .orderBy('credit_code')
          .execute();
        expect(stored.map((u) => [u.credit_code, opened(u.contribution_account_cipher), u.contribution_account_masked])).toEqual([
          [creditCodeFor(1), '123456789012', '**** **** **** 9012'],
          [creditCodeFor(2), null, null],
        ]);
      });
    });

    it('accepts placements of a registered dispatch unit only, naming the user unit unless the worker is own staff', async () => {
      await withFreshStore(backend, async (store) => {
        await registerUnitsAndPerson(store);
        const refused = await importRecords(store, 'dispatch-placements', [
          placement(creditCodeFor(1)),
          placement(creditCodeFor(2), { 起始年月: '2024-01', 用工单位信用代码: '', 用工单位名称: '', 用工单位类型: '' }),
        ]);
        expect(refused.status === 'rejected' && refused.errors.map((e) => [e.row, e.column])).toEqual([
          [2, '派遣单位信用代码'],
          [3, '终止年月'],
          [3, '用工单位信用代码'],
          [3, '用工单位名称'],
          [3, '用工单位类型'],
        ]);
        expect(refused.status === 'rejected' && refused.errors[0]!.message).toContain('未登记为劳务派遣单位');
        const accepted = await importRecords(store, 'dispatch-placements', [
          placement(creditCodeFor(2)),
          placement(creditCodeFor(2), {
            起始年月: '2024-01',
            终止年月: '2024-06',
            是否自有员工: '是',
            用工单位信用代码: '',
            用工单位名称: '',
            用工单位类型: '',
          }),
        ]);
        expect(accepted).toMatchObject({ status: 'accepted', inserted: 2 });
        expect(
          await store.db
            .selectFrom('dispatch_placements')
            .select(['from_period', 'own_staff', 'user_unit_org_type'])
            .orderBy('from_period')
            .execute(),
        ).toEqual([
          { from_period: '2023-01', own_staff: false, user_unit_org_type: 'public_institution' },
          { from_period: '2024-01', own_staff: true, user_unit_org_type: null },
        ]);
      });
    });
  });
}
