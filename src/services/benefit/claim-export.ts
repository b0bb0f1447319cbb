// The benefit claim queue as an Excel file (鲁人社发〔2024〕8号 第五条): the filtered list the console shows, in Chinese,
// ID numbers masked, for a case worker to file or hand on.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { writeXlsx } from '../../adapters/files/write-xlsx.ts';
import {
  benefitChannelLabels,
  benefitClaimStatusLabels,
  benefitReasonLabels,
  benefitStopReasonLabels,
} from '../../domain/vocabulary/benefit.ts';
import { DECISION_STATUS_LABELS } from '../../domain/vocabulary/refund.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { listClaims, type ClaimFilter } from './claim-views.ts';

const HEADERS = [
  '申领编号',
  '姓名',
  '公民身份号码',
  '行政区划',
  '申领日期',
  '申领渠道',
  '判定结果',
  '不符合原因',
  '领取月数',
  '月发放标准（元）',
  '首个发放月份',
  '申领状态',
  '停发原因',
  '停发起始月份',
];

/** Writes the filtered claims to `path`; returns how many rows were written. */
export async function writeBenefitClaimsXlsx(db: Kysely<Database>, filter: ClaimFilter, path: string): Promise<number> {
  const rows = await listClaims(db, { ...filter, limit: filter.limit ?? 100_000 });
  await writeXlsx(path, [
    {
      name: '失业保险金申领',
      columns: HEADERS.map((header) => ({ header, width: 16 })),
      rows: rows.map((r) => [
        r.claimId,
        r.name,
        r.idNumberMasked,
        r.regionCode,
        r.claimDate,
        benefitChannelLabels[r.channel],
        DECISION_STATUS_LABELS[r.decisionStatus],
        r.reasons.map((c) => benefitReasonLabels[c] ?? c).join('；'),
        r.maxMonths,
        formatYuan(r.monthlyFen),
        r.firstPeriod,
        benefitClaimStatusLabels[r.status],
        r.stopReason ? benefitStopReasonLabels[r.stopReason] : '',
        r.stoppedFrom ?? '',
      ]),
    },
  ]);
  return rows.length;
}
