// The monthly networked report (鲁人社发〔2024〕8号 第八条：按月及时、准确上报失业保险联网数据) for one fund and month,
// in a fixed layout, one sheet per part: the fund's position; refunds by enterprise size and district; skill subsidies
// by certificate level; the pilot's spending against its cap; and the living-guarantee items (benefit recipients and
// amounts, medical insurance paid on their behalf, price subsidies) from the ledger. Every figure is summed in PostgreSQL from the ledger and the records.
import { sql, type Kysely } from 'kysely';
import { writeXlsx, type ExportCell } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import {
  incomeItemLabels,
  spendingItemLabels,
  spendingItems,
  unrecordedSpendingLabels,
} from '../../domain/vocabulary/fund-monitoring.ts';
import { certificateLevelLabel } from '../../domain/vocabulary/certificates.ts';
import { pilotItemLabels, pilotItems, type PilotItem } from '../../domain/vocabulary/fund.ts';
import { enterpriseSizeLabels } from '../../domain/vocabulary/units.ts';
import { addDays, addPeriods, firstDayOf, type Period } from '../../policy/core/dates.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { regionScope } from '../screening/region-scope.ts';
import { fundMonitoring, type MonthPosition } from './fund-monitoring.ts';
import { livingSpendingLines, type LivingLine } from './living-guarantee-spending.ts';

type Db = Kysely<Database>;

export interface RefundLine {
  regionCode: string;
  regionName: string;
  size: string;
  units: number;
  amountFen: Fen;
}
export interface SkillLine {
  level: number;
  persons: number;
  amountFen: Fen;
}
export interface PilotLine {
  item: PilotItem;
  spentInMonthFen: Fen;
  spentToDateFen: Fen;
}

export interface MonthlyReport {
  regionCode: string;
  regionName: string;
  period: Period;
  position: MonthPosition;
  refunds: RefundLine[];
  skillSubsidies: SkillLine[];
  pilot: { capFen: Fen | null; committedFen: Fen; remainingFen: Fen | null; items: PilotLine[] } | null;
  living: LivingLine[];
}

const monthOf = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

async function refundLines(db: Db, scope: string[], period: Period): Promise<RefundLine[]> {
  const rows = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .innerJoin('payments as p', 'p.id', 't.payment_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select([
      'p.region_code',
      'r.name',
      sql<string>`coalesce(u.size, 'unknown')`.as('size'),
      sql<number>`count(distinct p.recipient_credit_code)::int`.as('units'),
      sql<number>`sum(l.credit_fen - l.debit_fen)::bigint`.as('amount'),
    ])
    .where('l.account', '=', 'bank')
    .where('p.region_code', 'in', scope)
    .where(monthOf('t.posted_at'), '=', period)
    .groupBy(['p.region_code', 'r.name', sql`3`])
    .orderBy('p.region_code')
    .orderBy(sql`3`)
    .execute();
  return rows.map((r) => ({ regionCode: r.region_code, regionName: r.name, size: r.size, units: r.units, amountFen: r.amount }));
}

async function skillLines(db: Db, scope: string[], period: Period): Promise<SkillLine[]> {
  const rows = await db
    .selectFrom('subsidy_grants')
    .select([
      'level',
      sql<number>`count(distinct person_id)::int`.as('persons'),
      sql<number>`sum(amount_fen)::bigint`.as('amount'),
    ])
    .where('type', '=', 'skill_subsidy')
    .where('region_code', 'in', scope)
    .where('granted_on', '>=', firstDayOf(period))
    .where('granted_on', '<=', addDays(firstDayOf(addPeriods(period, 1)), -1))
    .groupBy('level')
    .orderBy('level')
    .execute();
  return rows.map((r) => ({ level: r.level, persons: r.persons, amountFen: r.amount }));
}

async function pilotPart(db: Db, regionCode: string, period: Period): Promise<MonthlyReport['pilot']> {
  const year = Number(period.slice(0, 4));
  const budget = await db
    .selectFrom('fund_pilot_budgets')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!budget) return null;
  const rows = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .innerJoin('fund_pilot_commitments as c', 'c.id', 't.pilot_commitment_id')
    .select([
      'c.item',
      sql<number>`coalesce(sum(l.debit_fen - l.credit_fen) filter (where ${monthOf('t.posted_at')} = ${period}), 0)::bigint`.as(
        'month',
      ),
      sql<number>`sum(l.debit_fen - l.credit_fen)::bigint`.as('to_date'),
    ])
    .where('l.account', '=', 'pilot_spending')
    .where('c.region_code', '=', regionCode)
    .where('c.year', '=', year)
    .where(monthOf('t.posted_at'), '<=', period)
    .groupBy('c.item')
    .execute();
  const byItem = new Map(rows.map((r) => [r.item, r]));
  return {
    capFen: budget.cap_fen,
    committedFen: budget.committed_fen,
    remainingFen: budget.cap_fen === null ? null : Math.max(0, budget.cap_fen - budget.committed_fen),
    items: pilotItems.map((item) => ({
      item,
      spentInMonthFen: byItem.get(item)?.month ?? 0,
      spentToDateFen: byItem.get(item)?.to_date ?? 0,
    })),
  };
}

export async function monthlyReport(
  db: Db,
  params: ParameterStore,
  request: { regionCode: string; period: Period },
): Promise<MonthlyReport> {
  const { regionCode, period } = request;
  const monitoring = await fundMonitoring(db, params, { regionCode, from: period, to: period });
  const scope = await regionScope(db, regionCode);
  return {
    regionCode,
    regionName: monitoring.regionName,
    period,
    position: monitoring.months[0]!,
    refunds: await refundLines(db, scope, period),
    skillSubsidies: await skillLines(db, scope, period),
    pilot: await pilotPart(db, regionCode, period),
    living: await livingSpendingLines(db, scope, period),
  };
}

/** The sheet names of the fixed layout, in order. */
export const MONTHLY_SHEETS = ['基金收支', '稳岗返还', '技能提升补贴', '扩大支出试点', '保生活待遇'] as const;

const yuanCell = (fen: Fen | null): ExportCell => (fen === null ? '—' : formatYuan(fen));
const total = (lines: readonly { amountFen: Fen }[]) => lines.reduce((sum, l) => sum + l.amountFen, 0);

export async function writeMonthlyReport(path: string, report: MonthlyReport): Promise<void> {
  const p = report.position;
  const title = `${report.regionName} 失业保险基金 ${report.period} 月报（鲁人社发〔2024〕8号 第八条）`;
  await writeXlsx(path, [
    {
      name: MONTHLY_SHEETS[0],
      columns: [
        { header: '项目', width: 34 },
        { header: '金额（元）', width: 22 },
      ],
      rows: [
        [title, null],
        ...(['contribution', 'late_fee'] as const).map((item): ExportCell[] => [
          incomeItemLabels[item],
          formatYuan(p.income[item]),
        ]),
        ['收入合计', formatYuan(p.incomeFen)],
        ...spendingItems.map((item): ExportCell[] => [`支出：${spendingItemLabels[item]}`, formatYuan(p.spending[item])]),
        ['支出合计', formatYuan(p.spendingFen)],
        ['期末结余', yuanCell(p.balanceFen)],
        ['可支付月数', p.monthsCovered === null ? '—' : String(p.monthsCovered)],
      ],
    },
    {
      name: MONTHLY_SHEETS[1],
      columns: [
        { header: '地区', width: 22 },
        { header: '企业规模', width: 12 },
        { header: '返还单位数', width: 12 },
        { header: '返还金额（元）', width: 20 },
      ],
      rows: [
        ...report.refunds.map((r): ExportCell[] => [
          r.regionName,
          (enterpriseSizeLabels as Record<string, string>)[r.size] ?? r.size,
          r.units,
          formatYuan(r.amountFen),
        ]),
        ['合计', null, report.refunds.reduce((sum, r) => sum + r.units, 0), formatYuan(total(report.refunds))],
      ],
    },
    {
      name: MONTHLY_SHEETS[2],
      columns: [
        { header: '证书等级', width: 22 },
        { header: '人数', width: 10 },
        { header: '补贴金额（元）', width: 20 },
      ],
      rows: [
        ...report.skillSubsidies.map((s): ExportCell[] => [certificateLevelLabel(s.level), s.persons, formatYuan(s.amountFen)]),
        ['合计', report.skillSubsidies.reduce((sum, s) => sum + s.persons, 0), formatYuan(total(report.skillSubsidies))],
      ],
    },
    {
      name: MONTHLY_SHEETS[3],
      columns: [
        { header: '项目', width: 24 },
        { header: '本月支出（元）', width: 20 },
        { header: '累计支出（元）', width: 20 },
      ],
      rows: report.pilot
        ? [
            ...report.pilot.items.map((i): ExportCell[] => [
              pilotItemLabels[i.item],
              formatYuan(i.spentInMonthFen),
              formatYuan(i.spentToDateFen),
            ]),
            [
              '合计',
              formatYuan(report.pilot.items.reduce((s, i) => s + i.spentInMonthFen, 0)),
              formatYuan(report.pilot.items.reduce((s, i) => s + i.spentToDateFen, 0)),
            ],
            ['支出额度', null, yuanCell(report.pilot.capFen)],
            ['已承诺（含已支出）', null, formatYuan(report.pilot.committedFen)],
            ['剩余额度', null, yuanCell(report.pilot.remainingFen)],
          ]
        : [['尚未登记本年度试点支出额度', null, null]],
    },
    {
      name: MONTHLY_SHEETS[4],
      columns: [
        { header: '项目', width: 24 },
        { header: '人数', width: 10 },
        { header: '金额（元）', width: 20 },
      ],
      rows: [
        ...report.living.map((l): ExportCell[] => [spendingItemLabels[l.item], l.persons, formatYuan(l.amountFen)]),
        ['合计', null, formatYuan(total(report.living))],
        ...unrecordedSpendingLabels.map((label): ExportCell[] => [label, null, '尚无数据来源，本表不填报数字']),
      ],
    },
  ]);
}
