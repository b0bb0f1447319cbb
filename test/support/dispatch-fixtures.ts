// A labour-dispatch unit for the application tests (鲁人社发〔2024〕8号 第三条): a small dispatch unit whose ledger passes
// every condition of 第二条 and whose case waits for its application; its workers as persons with per-person
// contributions in the store; and the uploaded sheets written as real .xlsx files with the template's headers.
import { join } from 'node:path';
import type { Store } from '../../src/adapters/store/open-store.ts';
import { writeXlsx, type ExportCell } from '../../src/adapters/files/write-xlsx.ts';
import { maskIdNumber } from '../../src/domain/masking.ts';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from '../../src/policy/identifier.ts';
import { paymentSheet, placementSheet } from '../../src/services/dispatch/application-sheets.ts';
import { insertCase, insertRun } from './review-fixtures.ts';
import { creditCodeOf, insertFixtureUnits } from './round-fixtures.ts';
import { testCipher as cipher } from './sealed-accounts.ts';

export const idNumberOf = (n: number) => {
  const first17 = `37100219900101${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

export const userUnitCode = (first17: string) => first17 + creditCodeCheckCharacter(first17);

export const DISPATCH_UNIT_ID = 1;
export const DISPATCH_CREDIT_CODE = creditCodeOf(DISPATCH_UNIT_ID);

/** [period, paidOn, amountFen] */
export type Contribution = [string, string, number];

/**
 * A dispatch unit (small: 60%) and a case in needs_review, as screening leaves it. Its own ledger is its workers'
 * contributions added up (as the unit's payments are, 第三条): each period due what was paid for it, paid on those days.
 */
export async function insertDispatchUnit(store: Store, workerContributions: readonly Contribution[]): Promise<void> {
  await insertFixtureUnits(store, [{ id: DISPATCH_UNIT_ID, laborDispatch: true, size: 'small' }]);
  await store.db.deleteFrom('unit_payments').where('unit_id', '=', DISPATCH_UNIT_ID).execute();
  await store.db.deleteFrom('unit_contribution_months').where('unit_id', '=', DISPATCH_UNIT_ID).execute();
  const due = new Map<string, number>();
  const paid = new Map<string, number>();
  for (const [period, paidOn, fen] of workerContributions) {
    due.set(period, (due.get(period) ?? 0) + fen);
    paid.set(`${period} ${paidOn}`, (paid.get(`${period} ${paidOn}`) ?? 0) + fen);
  }
  await store.db
    .insertInto('unit_contribution_months')
    .values([...due].map(([period, dueFen]) => ({ unit_id: DISPATCH_UNIT_ID, period, due_fen: dueFen, region_code: '371002' })))
    .execute();
  await store.db
    .insertInto('unit_payments')
    .values(
      [...paid].map(([key, fen], i) => {
        const [period, paidOn] = key.split(' ') as [string, string];
        return {
          unit_id: DISPATCH_UNIT_ID,
          receipt_no: `D${i}`,
          period,
          paid_on: paidOn,
          amount_fen: fen,
          kind: 'contribution' as const,
          region_code: '371002',
        };
      }),
    )
    .execute();
  const run = await insertRun(store.db);
  await insertCase(store.db, run, DISPATCH_UNIT_ID, { state: 'needs_review', amountFen: 0 });
}

/** Every contribution of the given persons. */
export const contributionsOf = (persons: readonly FixturePerson[]): Contribution[] => persons.flatMap((p) => p.contributions);

/** An ordinary unit with a clean ledger and an eligible case. */
export async function insertOrdinaryUnit(store: Store, id: number): Promise<void> {
  await insertFixtureUnits(store, [{ id }]);
  const run = await insertRun(store.db);
  await insertCase(store.db, run, id, { state: 'eligible', amountFen: 5_000 });
}

export interface FixturePerson {
  n: number;
  name: string;
  /** Paid through the dispatch unit. */
  contributions: Contribution[];
}

/** Persons (encrypted ID number, blind index) and their contributions through the dispatch unit. */
export async function insertPersons(store: Store, persons: readonly FixturePerson[]): Promise<void> {
  for (const p of persons) {
    const idNumber = idNumberOf(p.n);
    const { id } = await store.db
      .insertInto('persons')
      .values({
        id_number_index: cipher.blindIndex(idNumber),
        id_number_cipher: cipher.encrypt(idNumber),
        id_number_masked: maskIdNumber(idNumber),
        name: p.name,
        region_code: '371002',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p.contributions.length === 0) continue;
    await store.db
      .insertInto('person_contributions')
      .values(
        p.contributions.map(([period, paidOn, amountFen]) => ({
          person_id: id,
          unit_id: DISPATCH_UNIT_ID,
          period,
          paid_on: paidOn,
          amount_fen: amountFen,
          region_code: '371002',
        })),
      )
      .execute();
  }
}

const headers = (spec: { columns: readonly { header: string }[] }) => spec.columns.map((c) => ({ header: c.header, text: true }));

/** Placement rows in template column order: 公民身份号码, 职工编号, 姓名, 是否自有员工, 起始, 截止, 信用代码, 名称, 类型. */
export async function writePlacements(dir: string, rows: readonly ExportCell[][], name = 'placements.xlsx'): Promise<string> {
  const path = join(dir, name);
  await writeXlsx(path, [{ name: placementSheet.title, columns: headers(placementSheet), rows }]);
  return path;
}

/** Payment rows: 公民身份号码, 职工编号, 费款所属期, 缴费日期, 金额（元）. */
export async function writePayments(dir: string, rows: readonly ExportCell[][], name = 'payments.xlsx'): Promise<string> {
  const path = join(dir, name);
  await writeXlsx(path, [{ name: paymentSheet.title, columns: headers(paymentSheet), rows }]);
  return path;
}

export const months = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2023-${String(from + i).padStart(2, '0')}`);
