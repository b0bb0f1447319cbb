// Templates: every kind's blank template reads back with its own columns, its example row is refused as such, and a
// template filled in Excel-style (the example replaced by real data) imports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTemplate } from '../../../src/adapters/files/write-xlsx.ts';
import { EXAMPLE_ROW_MESSAGE, importFile } from '../../../src/services/imports/import-file.ts';
import { importKinds } from '../../../src/services/imports/kinds/index.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { creditCodeFor, testCipher, unitRecord, withFreshStore } from '../../support/import-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'wengang-import-templates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { actor: '经办员', cipher: testCipher, reportDir: join(dir, 'reports') };

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`import templates on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('refuses the untouched template of every kind only because of its example row', async () => {
      await withFreshStore(backend, async (store) => {
        for (const kind of importKinds.keys()) {
          const path = join(dir, `${kind}-${backend.name}.xlsx`);
          await writeTemplate(importKinds.get(kind)!.spec, path);
          const result = await importFile(store, { ...options, kind, path, fileName: `${kind}.xlsx` });
          expect(result.status === 'rejected' && result.errors, kind).toEqual([
            { row: 2, column: '', value: '', message: EXAMPLE_ROW_MESSAGE },
          ]);
        }
      });
    });

    it('imports a template whose example row was replaced with a real unit', async () => {
      const path = join(dir, `filled-${backend.name}.xlsx`);
      await writeTemplate(importKinds.get('units')!.spec, path);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as string[]).slice(1);
      const record = unitRecord(7, { 企业规模: '中型', 从业人员: '320' });
      headers.forEach((header, index) => {
        sheet.getRow(2).getCell(index + 1).value = record[header] ?? '';
      });
      await workbook.xlsx.writeFile(path);
      await withFreshStore(backend, async (store) => {
        const result = await importFile(store, { ...options, kind: 'units', path, fileName: '参保单位导入模板.xlsx' });
        expect(result).toMatchObject({ status: 'accepted', rowCount: 1, inserted: 1 });
        expect(await store.db.selectFrom('units').select(['credit_code', 'size', 'employees']).execute()).toEqual([
          { credit_code: creditCodeFor(7), size: 'medium', employees: 320 },
        ]);
      });
    });
  });
}
