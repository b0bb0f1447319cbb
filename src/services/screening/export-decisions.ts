// The round's decisions as an .xlsx, with the list's filters: one row per matching unit, with Chinese headers and
// Chinese names for region, size, conclusion, reasons and case state; credit codes masked. Rows are read in keyset
// chunks and streamed to disk, so 50,000 or 1,000,000 rows take no more memory than a hundred.
import type { Kysely } from 'kysely';
import { writeXlsx, type ExportCell } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { DECISION_STATUS_LABELS, refundReasonLabel } from '../../domain/vocabulary/refund.ts';
import { enterpriseSizeLabels } from '../../domain/vocabulary/units.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { countRoundDecisions, eachRoundDecision, type DecisionCriteria } from './round-decisions.ts';
import { Refusal } from '../../domain/refusal.ts';

export const DECISION_XLSX_HEADERS = [
  '单位名称',
  '统一社会信用代码（脱敏）',
  '地区',
  '企业规模',
  '结论',
  '原因',
  '拟返还金额（元）',
  '案件状态',
] as const;

/** An Excel worksheet holds 1,048,576 rows; an export stays below it with room for the header. */
export const MAX_EXPORT_ROWS = 1_000_000;

export class ExportTooLargeError extends Refusal {
  constructor(count: number) {
    super(
      'INVALID',
      `符合条件的单位有 ${count.toLocaleString('zh-CN')} 个，超过一次导出的上限 ${MAX_EXPORT_ROWS.toLocaleString('zh-CN')} 个，请缩小筛选范围后再导出`,
    );
  }
}

const WIDTHS = [36, 24, 16, 10, 12, 40, 18, 14];

/** Writes every matching decision to `path`; returns how many rows were written. */
export async function exportDecisionsXlsx(
  db: Kysely<Database>,
  round: string,
  criteria: DecisionCriteria,
  path: string,
): Promise<number> {
  const total = await countRoundDecisions(db, round, criteria);
  if (total > MAX_EXPORT_ROWS) throw new ExportTooLargeError(total);
  const regions = new Map((await db.selectFrom('regions').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
  let written = 0;
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for await (const d of eachRoundDecision(db, round, criteria)) {
      written += 1;
      yield [
        d.unitName,
        d.creditCodeMasked,
        regions.get(d.regionCode) ?? d.regionCode,
        enterpriseSizeLabels[(d.size ?? 'unknown') as keyof typeof enterpriseSizeLabels] ?? d.size,
        DECISION_STATUS_LABELS[d.status],
        d.reasons.map(refundReasonLabel).join('；'),
        formatYuan(d.amountFen),
        d.caseStateLabel,
      ];
    }
  }
  await writeXlsx(path, [
    {
      name: `${round}年度稳岗返还决定`,
      columns: DECISION_XLSX_HEADERS.map((header, i) => ({ header, width: WIDTHS[i], text: i === 1 })),
      rows: rows(),
    },
  ]);
  return written;
}
