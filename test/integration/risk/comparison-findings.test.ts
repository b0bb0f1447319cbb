// A comparison import's results on both store backends: every row of the extract is kept with its batch — also when a
// later extract repeats it — and lists the person masked with what it triggered (the case, the hold on payments),
// in the staff member's district only, and as an .xlsx whose export is audited.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { importFile } from '../../../src/services/imports/import-file.ts';
import { listComparisonFindings, listComparisonImports } from '../../../src/services/risk/comparison-findings.ts';
import { exportComparisonFindings, FINDING_HEADERS } from '../../../src/services/risk/comparison-findings-export.ts';
import { xlsxRows } from '../../support/export-cells.ts';
import { testCipher, writeCsvFile } from '../../support/import-fixtures.ts';
import { caseWorker, clock, compareCity, HUANCUI, insertPersonWithIdNumber, WENDENG } from '../../support/risk-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`comparison findings on ${backend.name}`, () => {
    const dir = suiteWithFolder(backend, 'risk-findings-');

    it('lists what one extract found and triggered, by batch and district, and exports it', async () => {
      await backend.withStore(async (store) => {
        const { db } = store;
        const dead = await insertPersonWithIdNumber(db, HUANCUI);
        const pensioner = await insertPersonWithIdNumber(db, WENDENG);
        await db
          .insertInto('benefit_periods')
          .values({ person_id: dead.id, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })
          .execute();
        const importOf = async (kind: string, headers: string[], rows: string[][], name: string) => {
          const path = join(dir(), name);
          writeCsvFile(path, headers, rows, 'utf8');
          const result = await importFile(store, {
            kind,
            path,
            fileName: name,
            actor: '经办员',
            cipher: testCipher,
            reportDir: join(dir(), 'reports'),
          });
          if (result.status !== 'accepted') throw new Error(JSON.stringify(result));
          return result.batchId;
        };
        const deathHeaders = ['公民身份号码', '死亡日期', '撤销日期', '信息来源'];
        const deaths = await importOf('comparison-deaths', deathHeaders, [[dead.idNumber, '2024-08-10', '', '公安']], 'd1.csv');
        const pensions = await importOf(
          'comparison-pension',
          ['公民身份号码', '养老金起始日期', '停发日期', '领取地'],
          [[pensioner.idNumber, '2024-06-01', '', '山东省烟台市']],
          'p1.csv',
        );
        await compareCity(db);
        // The same death reported again by a later extract: nothing changes in comparison_records, the batch keeps it.
        const again = await importOf('comparison-deaths', deathHeaders, [[dead.idNumber, '2024-08-10', '', '公安']], 'd2.csv');

        const hit = await db.selectFrom('risk_hits').select('id').where('person_id', '=', dead.id).executeTakeFirstOrThrow();
        const imports = await listComparisonImports(db);
        expect(imports.map((b) => [b.batchId, b.fileName, b.findings, b.cases])).toEqual([
          [again, 'd2.csv', 1, 1],
          [pensions, 'p1.csv', 1, 0],
          [deaths, 'd1.csv', 1, 1],
        ]);

        const findings = await listComparisonFindings(db, deaths);
        expect(findings).toEqual([
          {
            personKey: expect.stringContaining('*'),
            personName: expect.any(String),
            regionCode: HUANCUI,
            regionName: '环翠区',
            kind: 'death',
            fromDate: '2024-08-10',
            place: '公安',
            hitId: hit.id,
            hitStatus: 'open',
            held: true,
            stopped: false,
          },
        ]);
        expect(findings[0]!.personKey).not.toBe(dead.idNumber);
        const pension = await listComparisonFindings(db, pensions);
        expect(pension.map((f) => [f.kind, f.hitId, f.held])).toEqual([['pension', null, false]]);
        expect(await listComparisonFindings(db, deaths, WENDENG)).toEqual([]);
        expect((await listComparisonImports(db, WENDENG)).map((b) => [b.fileName, b.findings])).toEqual([
          ['d2.csv', 0],
          ['p1.csv', 1],
          ['d1.csv', 0],
        ]);
        await expect(listComparisonFindings(db, 999_999)).rejects.toThrow('不存在');

        const path = join(dir(), `findings-${backend.name}.xlsx`);
        expect(await exportComparisonFindings(db, { batchId: deaths, path, actor: caseWorker, clock })).toEqual({
          rowCount: 1,
        });
        const [header, row] = await xlsxRows(path);
        expect(header).toEqual([...FINDING_HEADERS]);
        expect(row).toEqual([
          findings[0]!.personKey,
          findings[0]!.personName,
          '环翠区',
          '死亡',
          '2024-08-10',
          '公安',
          String(hit.id),
          '待核查',
          '是',
          '否',
        ]);
        const audit = await db
          .selectFrom('audit_log')
          .select(['actor', 'subject'])
          .where('action', '=', 'risk.export_comparison_findings')
          .execute();
        expect(audit).toEqual([{ actor: '经办张三', subject: `import_batch:${deaths}` }]);
      });
    });
  });
}
