// XLSX imports of the contribution ledger and of people: references to unknown units are refused, a natural key
// may appear once per file, amounts arrive in yuan and are kept in fen, and personal data is stored encrypted.
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
  writeXlsxFile,
} from '../../support/import-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'wengang-import-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function importRecords(
  store: Store,
  kind: string,
  records: Record<string, string>[],
  format: 'xlsx' | 'csv',
): Promise<ImportResult> {
  const path = join(dir, `${kind}-${++files}.${format}`);
  const { headers, rows } = table(records);
  if (format === 'xlsx') await writeXlsxFile(path, headers, rows);
  else writeCsvFile(path, headers, rows, 'utf8');
  return importFile(store, { kind, path, fileName: path, actor: '经办员', cipher: testCipher, reportDir: join(dir, 'reports') });
}

function payment(creditCode: string, receiptNo: string, amount: string, kind = '缴费'): Record<string, string> {
  return {
    统一社会信用代码: creditCode,
    缴费流水号: receiptNo,
    费款所属期: '2023年6月',
    缴费日期: '2023/7/15',
    '金额（元）': amount,
    类型: kind,
  };
}

function person(n: number, changes: Record<string, string> = {}): Record<string, string> {
  return {
    公民身份号码: idNumberFor(n),
    姓名: `测试${n}`,
    手机号码: `1390631${String(n).padStart(4, '0')}`,
    社保卡银行账号: `62170000${String(n).padStart(11, '0')}`,
    所属区划代码: '371082',
    ...changes,
  };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`ledger and persons imports on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('rejects an XLSX of payments naming a unit that is not registered, and writes none of its payments', async () => {
      await withFreshStore(backend, async (store) => {
        await importRecords(store, 'units', [unitRecord(1)], 'csv');
        const result = await importRecords(
          store,
          'unit-payments',
          [payment(creditCodeFor(1), 'JF001', '1,234.56'), payment(creditCodeFor(9), 'JF002', '100')],
          'xlsx',
        );
        expect(result.status === 'rejected' && result.errors).toEqual([
          {
            row: 3,
            column: '统一社会信用代码',
            value: creditCodeFor(9),
            message: '系统中没有该统一社会信用代码的参保单位，请先导入参保单位信息',
          },
        ]);
        expect(await store.db.selectFrom('unit_payments').select('receipt_no').execute()).toEqual([]);
      });
    });

    it('rejects a file that states the same payment twice, and imports the corrected file in fen', async () => {
      await withFreshStore(backend, async (store) => {
        await importRecords(store, 'units', [unitRecord(1)], 'csv');
        const twice = await importRecords(
          store,
          'unit-payments',
          [
            payment(creditCodeFor(1), 'JF001', '1,234.56'),
            payment(creditCodeFor(1), 'JF002', '12.3', '滞纳金'),
            payment(creditCodeFor(1), 'JF001', '1,234.56'),
          ],
          'xlsx',
        );
        expect(twice.status === 'rejected' && twice.errors).toEqual([
          {
            row: 4,
            column: '统一社会信用代码、缴费流水号',
            value: `${creditCodeFor(1)} / JF001`,
            message: '与第 2 行重复：同一文件中统一社会信用代码、缴费流水号相同的记录只能出现一次',
          },
        ]);
        expect(await store.db.selectFrom('unit_payments').select('receipt_no').execute()).toEqual([]);

        const fixed = await importRecords(
          store,
          'unit-payments',
          [payment(creditCodeFor(1), 'JF001', '1,234.56'), payment(creditCodeFor(1), 'JF002', '12.3', '滞纳金')],
          'xlsx',
        );
        expect(fixed).toMatchObject({ status: 'accepted', inserted: 2 });
        const rows = await store.db
          .selectFrom('unit_payments')
          .select(['receipt_no', 'period', 'paid_on', 'amount_fen', 'kind'])
          .orderBy('receipt_no')
          .execute();
        expect(rows).toEqual([
          { receipt_no: 'JF001', period: '2023-06', paid_on: '2023-07-15', amount_fen: 123_456, kind: 'contribution' },
          { receipt_no: 'JF002', period: '2023-06', paid_on: '2023-07-15', amount_fen: 1_230, kind: 'late_fee' },
        ]);
      });
    });

    it('stores ID numbers, phones and bank accounts only encrypted, yet finds a person by ID number', async () => {
      await withFreshStore(backend, async (store) => {
        expect(await importRecords(store, 'persons', [person(1), person(2)], 'xlsx')).toMatchObject({
          status: 'accepted',
          inserted: 2,
        });
        const rows = await store.db.selectFrom('persons').selectAll().execute();
        const stored = JSON.stringify(
          rows.map((row) => Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : value))),
        );
        for (const plain of [idNumberFor(1), idNumberFor(2), person(1)['手机号码']!, person(1)['社保卡银行账号']!]) {
          expect(stored).not.toContain(plain);
        }
        const found = await store.db
          .selectFrom('persons')
          .selectAll()
          .where('id_number_index', '=', testCipher.blindIndex(idNumberFor(2)))
          .executeTakeFirstOrThrow();
        expect(found).toMatchObject({
          name: '测试2',
          region_code: '371082',
          birth_date: '1980-01-03',
          id_number_masked: `3710**********${idNumberFor(2).slice(-4)}`,
        });
        expect(testCipher.decrypt(found.id_number_cipher)).toBe(idNumberFor(2));
        expect(testCipher.decrypt(found.bank_account_cipher!)).toBe(person(2)['社保卡银行账号']);

        expect(await importRecords(store, 'persons', [person(1), person(2)], 'xlsx')).toMatchObject({ unchanged: 2 });
        expect(await importRecords(store, 'persons', [person(1), person(2, { 手机号码: '13700000000' })], 'csv')).toMatchObject({
          inserted: 0,
          updated: 1,
          unchanged: 1,
        });
      });
    });

    it('links contributions to people and units found by their identifiers', async () => {
      await withFreshStore(backend, async (store) => {
        await importRecords(store, 'units', [unitRecord(1, { 所属区划代码: '371003' })], 'csv');
        await importRecords(store, 'persons', [person(1)], 'csv');
        const result = await importRecords(
          store,
          'person-contributions',
          [
            {
              公民身份号码: idNumberFor(1),
              统一社会信用代码: creditCodeFor(1),
              费款所属期: '202306',
              缴费日期: '2023-07-15',
              '金额（元）': '52',
            },
            {
              公民身份号码: idNumberFor(5),
              统一社会信用代码: creditCodeFor(1),
              费款所属期: '202306',
              缴费日期: '2023-07-15',
              '金额（元）': '52',
            },
          ],
          'csv',
        );
        expect(result.status === 'rejected' && result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
          [3, '公民身份号码', '系统中没有该公民身份号码的参保人员，请先导入参保人员信息'],
        ]);
        const good = await importRecords(
          store,
          'person-contributions',
          [
            {
              公民身份号码: idNumberFor(1),
              统一社会信用代码: creditCodeFor(1),
              费款所属期: '202306',
              缴费日期: '2023-07-15',
              '金额（元）': '52',
            },
          ],
          'csv',
        );
        expect(good).toMatchObject({ status: 'accepted', inserted: 1 });
        expect(
          await store.db.selectFrom('person_contributions').select(['period', 'amount_fen', 'region_code']).execute(),
        ).toEqual([{ period: '2023-06', amount_fen: 5200, region_code: '371003' }]);
      });
    });
  });
}
