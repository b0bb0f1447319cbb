// The file Weihai's "5E" smart supervision platform takes (威人社函〔2024〕41号 第三条：充分利用“5E”智能监管平台): every
// risk hit of the city with its rule, stage, subject (ID numbers masked), amount, and the work done on it, as a
// UTF-8 CSV whose layout is documented in docs/FEEDS.md. The export is audited.
import type { Kysely } from 'kysely';
import { writeCsv } from '../../adapters/files/write-csv.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import {
  riskHitStatusLabels,
  riskRuleLabels,
  riskSeverityLabels,
  riskStageLabels,
  type RiskRuleCode,
} from '../../domain/vocabulary/risk.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { listHits } from './list-hits.ts';

export const FIVE_E_HEADERS = [
  '疑点编号',
  '规则代码',
  '规则名称',
  '风控环节',
  '风险等级',
  '区划代码',
  '区划名称',
  '对象类型',
  '对象标识',
  '对象名称',
  '支付编号',
  '涉及金额（元）',
  '发现日期',
  '处理状态',
  '处理意见',
  '经办人',
  '复核人',
  '应追回金额（元）',
  '已追回金额（元）',
] as const;

const yuan = (fen: number | null) => (fen === null ? null : formatYuan(fen));

export async function exportFiveE(
  db: Kysely<Database>,
  request: { cityCode: string; path: string; actor: Actor; clock: Clock },
): Promise<{ rowCount: number }> {
  const regions = await db
    .selectFrom('regions')
    .select('code')
    .where((eb) => eb.or([eb('code', '=', request.cityCode), eb('parent_code', '=', request.cityCode)]))
    .execute();
  const hits = await listHits(db, { regionCodes: regions.map((r) => r.code), limit: 1_000_000 });
  const rows = hits.map((h) => [
    h.id,
    h.ruleCode,
    riskRuleLabels[h.ruleCode as RiskRuleCode] ?? h.ruleCode,
    riskStageLabels[h.stage],
    riskSeverityLabels[h.severity],
    h.regionCode,
    h.regionName,
    h.subjectKind === 'unit' ? '单位' : '个人',
    h.subjectKey,
    h.subjectName,
    h.paymentId,
    yuan(h.amountFen),
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(h.foundAt),
    riskHitStatusLabels[h.status],
    h.proposalNote,
    h.proposedBy,
    h.decidedBy,
    yuan(h.recoveryFen),
    yuan(h.repaidFen),
  ]);
  await writeCsv(request.path, FIVE_E_HEADERS, rows);
  await db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    await recordAudit(trx, {
      actor: request.actor,
      action: 'risk.export_5e',
      subject: `risk_export:${request.cityCode}`,
      detail: { rowCount: rows.length },
      clock: request.clock,
    });
  });
  return { rowCount: rows.length };
}
