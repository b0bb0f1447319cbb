// A larger file streams through in chunks with progress for reading and for writing, and is written whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods } from '../../../src/policy/core/dates.ts';
import { importFile, type ImportProgress } from '../../../src/services/imports/import-file.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { creditCodeFor, table, testCipher, unitRecord, withFreshStore, writeCsvFile } from '../../support/import-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'wengang-import-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const UNITS = 200;
const MONTHS = 120;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`a 24,000-row file on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('reports progress while reading and writing, and imports every row', async () => {
      const units = table(Array.from({ length: UNITS }, (_, n) => unitRecord(n)));
      writeCsvFile(join(dir, 'units.csv'), units.headers, units.rows, 'utf8');
      const rows: string[][] = [];
      for (let n = 0; n < UNITS; n++) {
        for (let m = 0; m < MONTHS; m++)
          rows.push([creditCodeFor(n), addPeriods('2015-01', m), String(20 + (m % 7)), m % 12 === 11 ? '1' : '']);
      }
      writeCsvFile(join(dir, 'headcounts.csv'), ['统一社会信用代码', '年月', '参保人数', '退休及死亡人数'], rows, 'gbk');
      const options = { actor: '经办员', cipher: testCipher, reportDir: join(dir, 'reports') };
      await withFreshStore(backend, async (store) => {
        await importFile(store, { ...options, kind: 'units', path: join(dir, 'units.csv'), fileName: 'units.csv' });
        const progress: ImportProgress[] = [];
        const result = await importFile(store, {
          ...options,
          kind: 'headcounts',
          path: join(dir, 'headcounts.csv'),
          fileName: 'headcounts.csv',
          onProgress: (p) => progress.push(p),
        });
        expect(result).toMatchObject({ status: 'accepted', rowCount: UNITS * MONTHS, inserted: UNITS * MONTHS });
        const reads = progress.filter((p) => p.phase === 'read');
        expect(reads.length).toBeGreaterThan(5);
        expect(reads.at(-1)).toMatchObject({ bytesRead: reads[0]!.totalBytes });
        expect(reads.map((p) => p.rows)).toEqual([...reads.map((p) => p.rows)].sort((a, b) => a - b));
        expect(progress.filter((p) => p.phase === 'write').at(-1)).toEqual({
          phase: 'write',
          rows: UNITS * MONTHS,
          totalRows: UNITS * MONTHS,
        });
        const totals = await store.db
          .selectFrom('unit_headcounts')
          .select((eb) => [eb.fn.countAll<number>().as('months'), eb.fn.sum<number>('natural_attrition').as('attrition')])
          .executeTakeFirstOrThrow();
        expect({ months: Number(totals.months), attrition: Number(totals.attrition) }).toEqual({
          months: UNITS * MONTHS,
          attrition: UNITS * 10,
        });
      });
    });
  });
}
