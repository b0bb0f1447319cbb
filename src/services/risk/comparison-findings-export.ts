// One comparison import's findings as an .xlsx (鲁人社发〔2024〕8号 第八条): the person (ID number masked), region, what
// the extract reported and what it triggered — the case, the hold on payments, the stopped benefit. The export is
// audited under the acting staff member.
import type { Kysely } from 'kysely';
import { writeXlsx } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { comparisonKindLabels, riskHitStatusLabels } from '../../domain/vocabulary/risk.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { listComparisonFindings } from './comparison-findings.ts';

export const FINDING_HEADERS = [
  '公民身份号码',
  '姓名',
  '区划',
  '比对类型',
  '开始日期',
  '信息来源或地点',
  '疑点编号',
  '疑点状态',
  '暂停支付',
  '停发失业保险金',
] as const;

const yesNo = (value: boolean) => (value ? '是' : '否');

export async function exportComparisonFindings(
  db: Kysely<Database>,
  request: { batchId: number; path: string; withinRegion?: string; actor: Actor; clock: Clock },
): Promise<{ rowCount: number }> {
  const findings = await listComparisonFindings(db, request.batchId, request.withinRegion);
  await writeXlsx(request.path, [
    {
      name: `比对批次${request.batchId}`,
      columns: FINDING_HEADERS.map((header) => ({ header, width: header === '公民身份号码' ? 22 : 14, text: true })),
      rows: findings.map((f) => [
        f.personKey,
        f.personName,
        f.regionName,
        comparisonKindLabels[f.kind],
        f.fromDate,
        f.place,
        f.hitId,
        f.hitStatus && riskHitStatusLabels[f.hitStatus],
        yesNo(f.held),
        yesNo(f.stopped),
      ]),
    },
  ]);
  await db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    await recordAudit(trx, {
      actor: request.actor,
      action: 'risk.export_comparison_findings',
      subject: `import_batch:${request.batchId}`,
      detail: { rowCount: findings.length, ...(request.withinRegion && { region: request.withinRegion }) },
      clock: request.clock,
    });
  });
  return { rowCount: findings.length };
}
