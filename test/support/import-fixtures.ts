// Fixtures for the import tests: valid identifiers, import files as users make them (CSV in UTF-8 or GBK, XLSX),
// a field cipher with the development keys, and a store per test.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { openStore, type Store } from '../../src/adapters/store/open-store.ts';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../src/policy/identifier.ts';
import { addDays } from '../../src/policy/core/dates.ts';
import { encodeGbk } from '../unit/files/support.ts';
import type { StoreBackend } from './store-backends.ts';

export { testCipher } from './sealed-accounts.ts';

/** The n-th of a series of valid credit codes (Weihai, enterprise). */
export function creditCodeFor(n: number): string {
  const first17 = `91371002MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** The n-th of a series of valid ID numbers (born from 1980 on, one day apart). */
export function idNumberFor(n: number): string {
  const birth = addDays('1980-01-01', n % 9000).replaceAll('-', '');
  const first17 = `371002${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** The check character a valid code does not have, for a credit code with a typo in its last character. */
export function withWrongCheck(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

function csvText(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return [headers, ...rows].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A CSV file's bytes as Excel saves it: UTF-8, or GBK on Chinese Windows. */
export function csvBytes(headers: readonly string[], rows: readonly (readonly string[])[], encoding: 'utf8' | 'gbk'): Uint8Array {
  const text = csvText(headers, rows);
  return encoding === 'gbk' ? encodeGbk(text) : Buffer.from(text);
}

export function writeCsvFile(
  path: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  encoding: 'utf8' | 'gbk',
): void {
  writeFileSync(path, csvBytes(headers, rows, encoding));
}

export async function writeXlsxFile(
  path: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(path);
}

/** Opens a fresh store of the backend for one test and closes it afterwards. */
export async function withFreshStore<T>(backend: StoreBackend, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(await backend.freshConfig());
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A unit as the 参保单位 file states it (every column of the template), with the n-th credit code. */
export function unitRecord(n: number, changes: Record<string, string> = {}): Record<string, string> {
  return {
    统一社会信用代码: creditCodeFor(n),
    单位名称: `威海第${n}精密机械有限公司`,
    单位类型: '企业',
    行业: '工业',
    从业人员: '45',
    '营业收入（万元）': '2,350.80',
    '资产总额（万元）': '1800',
    企业规模: '小型',
    所属区划代码: '371002',
    是否劳务派遣: '否',
    开户银行: '中国建设银行威海分行',
    对公账户: `37050100${String(n).padStart(11, '0')}`,
    联系人: '刘洋',
    联系电话: '0631-5201234',
    ...changes,
  };
}

/** Records → header row and data rows, in the order of the first record's keys. */
export function table(records: readonly Record<string, string>[]): { headers: string[]; rows: string[][] } {
  const headers = Object.keys(records[0]!);
  return { headers, rows: records.map((record) => headers.map((header) => record[header] ?? '')) };
}

/** The first sheet of an .xlsx file as text rows (header included). */
export async function readSheet(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}
