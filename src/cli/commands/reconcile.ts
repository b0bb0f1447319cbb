// `wengang reconcile --batch ID [--file 回单] [--xlsx F] [--json]`: the reconciliation report of a payment batch —
// every difference between the instruction and the bank's answers (imported, or those of a return file not yet imported).
import { resolve } from 'node:path';
import { formatYuan } from '../../policy/core/money.ts';
import { differenceLabel, reconcileBatch, writeReconciliationXlsx } from '../../services/bank/reconcile-batch.ts';
import { output, parseOptions, refusingAsCliError, requiredId } from '../command-support.ts';
import { withStore } from '../with-store.ts';

export async function runReconcile(args: string[]): Promise<number> {
  return refusingAsCliError(async () => {
    const v = parseOptions(args, { batch: { type: 'string' }, file: { type: 'string' }, xlsx: { type: 'string' } });
    const batchId = requiredId(v.batch, 'batch');
    const report = await withStore(({ db }) => reconcileBatch(db, { batchId, returnFile: v.file && resolve(v.file) }));
    if (v.xlsx) await writeReconciliationXlsx(report, resolve(v.xlsx));
    return output(v.json, report, () =>
      [
        `付款批次 #${batchId} 对账${report.source === 'file' ? `（回单文件 ${v.file}，未导入）` : ''}：` +
          `付款指令 ${report.instructed.count} 笔 ${formatYuan(report.instructed.totalFen)} 元；` +
          `成功 ${report.answered.paid.count} 笔 ${formatYuan(report.answered.paid.totalFen)} 元，失败 ${report.answered.failed.count} 笔，` +
          `退回 ${report.answered.returned.count} 笔，未回单 ${report.unanswered.count} 笔`,
        report.balanced ? '无差异，全部款项已支付' : `差异 ${report.differences.length} 项：`,
        ...report.differences.map(
          (d) => `  ${differenceLabel(d.kind)}  ${d.reference ?? ''}  ${d.recipientName ?? ''}  ${d.message}`,
        ),
        ...(v.xlsx ? [`对账报告已写入：${resolve(v.xlsx)}`] : []),
      ].join('\n'),
    );
  });
}
