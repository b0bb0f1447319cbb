// The monthly networked report (鲁人社发〔2024〕8号 第八条) on both store backends: the .xlsx has the fixed sheets, opens
// with ExcelJS, and every total in it equals the same figure summed here in SQL straight over the ledger and records.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { MONTHLY_SHEETS, monthlyReport, writeMonthlyReport } from '../../../src/services/fund/monthly-report.ts';
import { filedRegister, insertIncome, insertRefund, params, spendPilot } from '../../support/fund-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { approvedClaim, insertClaimant, runMonth } from '../../support/benefit-fixtures.ts';
import { sendBatch } from '../../support/bank-fixtures.ts';
import { postSettlement } from '../../../src/services/ledger/post.ts';

/** A yuan cell ("1,234.56") as fen. */
const fenOf = (cell: unknown) => Math.round(Number(String(cell).replaceAll(',', '')) * 100);

/** Column B (or the given column) of the row whose first cell is `label`. */
function valueOf(sheet: ExcelJS.Worksheet, label: string, column = 2): unknown {
  let found: unknown;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(column).value;
  });
  if (found === undefined) throw new Error(`no row ${label} in ${sheet.name}`);
  return found;
}

async function one(db: Kysely<Database>, query: ReturnType<typeof sql<{ v: number | null }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.v ?? 0);
}

const month = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`);

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`monthly report on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-fund-report-');
    const { withStore } = backend;

    it('writes the fixed layout whose totals equal SQL over the ledger, for a month with refunds and one with pilot spending', async () => {
      await withStore(async (store) => {
        const { db } = store;
        await filedRegister(db, 1_000_000_000);
        await insertIncome(db);
        await insertRefund(db);
        await spendPilot(db, 'job', 40_000_000);
        await spendPilot(db, 'social_insurance', 5_000_000);

        const open = async (period: string) => {
          const path = join(folder(), `report-${period}.xlsx`);
          await writeMonthlyReport(path, await monthlyReport(db, params, { regionCode: '371000', period }));
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(path);
          expect(workbook.worksheets.map((s) => s.name)).toEqual([...MONTHLY_SHEETS]);
          return workbook;
        };

        const march = await open('2024-03');
        const refundsSql = await one(
          db,
          sql<{ v: number }>`SELECT sum(l.credit_fen - l.debit_fen)::bigint AS v FROM ledger_lines l
          JOIN ledger_transactions t ON t.id = l.transaction_id WHERE l.account = 'bank' AND ${month('t.posted_at')} = '2024-03'`,
        );
        expect(refundsSql).toBe(250_000_000);
        expect(fenOf(valueOf(march.getWorksheet('稳岗返还')!, '合计', 4))).toBe(refundsSql);
        expect(valueOf(march.getWorksheet('稳岗返还')!, '环翠区')).toBe('小型企业');
        const fundSheet = march.getWorksheet('基金收支')!;
        expect(fenOf(valueOf(fundSheet, '支出：稳岗返还'))).toBe(refundsSql);
        expect(fenOf(valueOf(fundSheet, '支出合计'))).toBe(refundsSql);
        // Balance at the end of March: sealed balance + income − spending since 2024-01, summed in SQL.
        const income = await one(
          db,
          sql<{
            v: number;
          }>`SELECT sum(amount_fen)::bigint AS v FROM unit_payments WHERE paid_on BETWEEN '2024-01-01' AND '2024-03-31'`,
        );
        const skill = await one(
          db,
          sql<{
            v: number;
          }>`SELECT sum(amount_fen)::bigint AS v FROM subsidy_grants WHERE type = 'skill_subsidy' AND granted_on <= '2024-03-31'`,
        );
        const sealed = await one(
          db,
          sql<{ v: number }>`SELECT sealed_balance_fen AS v FROM fund_pilot_budgets WHERE region_code = '371000'`,
        );
        expect(fenOf(valueOf(fundSheet, '期末结余'))).toBe(sealed + income - skill - refundsSql);

        const february = await open('2024-02');
        const feb = await one(
          db,
          sql<{
            v: number;
          }>`SELECT sum(amount_fen)::bigint AS v FROM unit_payments WHERE kind = 'contribution' AND ${month('paid_on::timestamp')} = '2024-02'`,
        );
        expect(fenOf(valueOf(february.getWorksheet('基金收支')!, '失业保险费收入'))).toBe(feb);
        expect(fenOf(valueOf(february.getWorksheet('基金收支')!, '滞纳金收入'))).toBe(100_000);
        const skillSheet = february.getWorksheet('技能提升补贴')!;
        expect(valueOf(skillSheet, '中级工（四级）')).toBe(1);
        expect(fenOf(valueOf(skillSheet, '合计', 3))).toBe(skill);

        const august = await open('2024-08');
        const pilotSheet = august.getWorksheet('扩大支出试点')!;
        const pilotSql = await one(
          db,
          sql<{ v: number }>`SELECT sum(l.debit_fen)::bigint AS v FROM ledger_lines l
          JOIN ledger_transactions t ON t.id = l.transaction_id WHERE l.account = 'pilot_spending' AND ${month('t.posted_at')} = '2024-08'`,
        );
        expect(pilotSql).toBe(45_000_000);
        expect(fenOf(valueOf(pilotSheet, '合计'))).toBe(pilotSql);
        expect(fenOf(valueOf(pilotSheet, '岗位补贴'))).toBe(40_000_000);
        expect(fenOf(valueOf(pilotSheet, '支出额度', 3))).toBe(150_000_000);
        expect(fenOf(valueOf(pilotSheet, '剩余额度', 3))).toBe(150_000_000 - pilotSql);
        expect(valueOf(august.getWorksheet('保生活待遇')!, '失业保险金')).toBe(0);
      });
    });

    it('reports benefit recipients and amounts, medical on behalf and price subsidies equal to SQL over the ledger', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const people = [await insertClaimant(db, { months: 30 }), await insertClaimant(db, { months: 70 })];
        for (const person of people) await approvedClaim(db, person);
        await runMonth(db, '2024-06');
        const benefits = await db
          .selectFrom('payments')
          .select(['id', 'amount_fen'])
          .where('purpose', '=', 'unemployment_benefit')
          .execute();
        await sendBatch(
          db,
          benefits.map((b) => b.id),
        );
        for (const b of benefits) {
          await postSettlement(db, {
            paymentId: b.id,
            attempt: 1,
            amountFen: b.amount_fen,
            purpose: 'unemployment_benefit',
            by: '系统',
            at: new Date('2024-06-20T10:00:00+08:00'),
          });
        }
        const path = join(folder(), 'report-benefit.xlsx');
        await writeMonthlyReport(path, await monthlyReport(db, params, { regionCode: '371000', period: '2024-06' }));
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        const sheet = workbook.getWorksheet('保生活待遇')!;
        const paidSql = await one(
          db,
          sql<{ v: number }>`SELECT sum(l.credit_fen - l.debit_fen)::bigint AS v FROM ledger_lines l
          JOIN ledger_transactions t ON t.id = l.transaction_id JOIN payments p ON p.id = t.payment_id
          WHERE l.account = 'bank' AND p.purpose = 'unemployment_benefit' AND ${month('t.posted_at')} = '2024-06'`,
        );
        const medicalSql = await one(
          db,
          sql<{ v: number }>`SELECT sum(l.debit_fen)::bigint AS v FROM ledger_lines l
          WHERE l.account = 'living_spending'`,
        );
        expect(paidSql).toBe(benefits.reduce((s, b) => s + b.amount_fen, 0));
        expect(valueOf(sheet, '失业保险金')).toBe(2);
        expect(fenOf(valueOf(sheet, '失业保险金', 3))).toBe(paidSql);
        expect(fenOf(valueOf(sheet, '代缴基本医疗保险费', 3))).toBe(medicalSql);
        expect(fenOf(valueOf(sheet, '合计', 3))).toBe(paidSql + medicalSql);
        const fundSheet = workbook.getWorksheet('基金收支')!;
        expect(fenOf(valueOf(fundSheet, '支出：失业保险金'))).toBe(paidSql);
        expect(fenOf(valueOf(fundSheet, '支出：代缴基本医疗保险费'))).toBe(medicalSql);
      });
    });
  });
}
