import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWriterFor } from '../../../src/adapters/store/bulk-writer.ts';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import type { CellValue } from '../../../src/domain/ports/bulk-writer.ts';
import { storeBackends } from '../../support/store-backends.ts';

const ROWS = 100_000;
const AWKWARD = ['制表\t符', '换\n行', '回车\r\n', '反斜杠\\N', '\\', '\\t 不是制表符', '"引号"', '', '威海市环翠区'];
const UNIT_COLUMNS = [
  'id',
  'credit_code',
  'name',
  'org_type',
  'region_code',
  'labor_dispatch',
  'employees',
  'revenue_wan',
  'contact_phone_cipher',
  'contact_name',
] as const;

/** Unit `i`; `creditCodeOf` lends it another unit's credit code. */
function unitRow(i: number, creditCodeOf = i): CellValue[] {
  return [
    i,
    `91371000${String(creditCodeOf).padStart(10, '0')}`,
    `${AWKWARD[i % AWKWARD.length]}${i}`,
    'enterprise',
    i % 2 ? '371002' : '371082',
    i % 3 === 0,
    i % 5 === 0 ? null : i % 1000,
    i % 7 === 0 ? null : `${i}.${String(i % 100).padStart(2, '0')}`,
    i % 4 === 0 ? null : Buffer.from([i & 0xff, 0x5c, 0x09, 0x0a, 0x00]),
    i % 5 === 0 ? '\\N' : null,
  ];
}

function expectedUnit(i: number) {
  const [id, creditCode, name, , regionCode, laborDispatch, employees, revenueWan, cipher, contactName] = unitRow(i);
  return {
    id,
    credit_code: creditCode,
    name,
    region_code: regionCode,
    labor_dispatch: laborDispatch,
    employees,
    revenue_wan: revenueWan,
    contact_phone_cipher: cipher,
    contact_name: contactName,
  };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`bulk COPY on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('copies 100,000 rows with tabs, newlines, backslashes, Chinese, nulls and bytes intact', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const ids = Array.from({ length: ROWS }, (_, i) => i + 1);
        await store.bulk.copyRows(
          'units',
          UNIT_COLUMNS,
          ids.map((i) => unitRow(i)),
        );

        const read = await store.db
          .selectFrom('units')
          .select([
            'id',
            'credit_code',
            'name',
            'region_code',
            'labor_dispatch',
            'employees',
            'revenue_wan',
            'contact_phone_cipher',
            'contact_name',
          ])
          .orderBy('id')
          .execute();
        expect(read).toStrictEqual(ids.map(expectedUnit));

        await store.resetIdentity('units');
        const next = await store.db
          .insertInto('units')
          .values({ credit_code: '91371000MA3C99999X', name: '新增', org_type: 'enterprise', region_code: '371003' })
          .returning('id')
          .executeTakeFirstOrThrow();
        expect(next.id).toBe(ROWS + 1);
      } finally {
        await store.close();
      }
    });

    it('copies bigint and number fen above 2^31 alike', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await store.bulk.copyRows('units', UNIT_COLUMNS, [unitRow(1)]);
        await store.bulk.copyRows(
          'unit_contribution_months',
          ['unit_id', 'period', 'due_fen', 'region_code'],
          [
            [1, '2023-11', 2n ** 40n, '371002'],
            [1, '2023-12', 2 ** 31 + 1, '371002'],
          ],
        );
        const months = await store.db
          .selectFrom('unit_contribution_months')
          .select(['period', 'due_fen'])
          .orderBy('period')
          .execute();
        expect(months).toStrictEqual([
          { period: '2023-11', due_fen: 2 ** 40 },
          { period: '2023-12', due_fen: 2 ** 31 + 1 },
        ]);
      } finally {
        await store.close();
      }
    });

    it('writes none of the rows when one of them breaks a constraint', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const rows = [unitRow(1), unitRow(2), unitRow(3, 1)];
        await expect(store.bulk.copyRows('units', UNIT_COLUMNS, rows)).rejects.toMatchObject({ code: '23505' });
        expect(await store.db.selectFrom('units').select('id').execute()).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('takes part in a transaction: rolled back, the copied rows are gone', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const failure = new Error('导入中止');
        await expect(
          store.db.transaction().execute(async (trx) => {
            await bulkWriterFor(trx).copyRows('units', UNIT_COLUMNS, [unitRow(1), unitRow(2)]);
            expect(await trx.selectFrom('units').select('id').execute()).toHaveLength(2);
            throw failure;
          }),
        ).rejects.toBe(failure);
        expect(await store.db.selectFrom('units').select('id').execute()).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
