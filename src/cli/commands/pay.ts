// `wengang pay create|propose|authorise|reject|run|status|list`: payments of confirmed refunds, in batches proposed by
// one finance officer and authorised by another, sent exactly once (鲁人社发〔2024〕8号 第七条、第八条).
import type { PaymentStatus } from '../../adapters/store/schema-payments.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { createPaymentsForConfirmed } from '../../services/payments/create-payments.ts';
import { listPayments } from '../../services/payments/list-payments.ts';
import { paymentStatusLabel } from '../../domain/vocabulary/payments.ts';
import { assertFinance } from '../../services/payments/payment-actor.ts';
import {
  authorisePaymentBatch,
  batchStatusLabel,
  listPaymentBatches,
  proposePaymentBatch,
  rejectPaymentBatch,
} from '../../services/payments/payment-batches.ts';
import { paymentProgress, runPaymentBatch, type PaymentProgress } from '../../services/payments/run-batch.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang pay <子命令> [参数] --user 姓名 --role finance [--json]
  create    [--round 2024]                       为已确认的案件生成支付（重复执行不会重复生成）
  propose   [--round 2024] [--payment ID ...] [--note 说明]   提交支付批次（默认全部待支付款项）
  authorise --batch ID                           授权支付批次（授权人不得为提交人）
  reject    --batch ID --note 意见               驳回支付批次，款项回到待支付
  run       --batch ID                           执行已授权批次的支付（可中断后重新执行，每笔只支付一次）
  status    [--batch ID] [--round 2024]          批次进度；不指定批次时列出支付批次
  list      [--round 2024] [--batch ID] [--status pending|in_batch|sent|paid|failed|returned]   支付明细（账号脱敏）
`;

const ROUND = { round: { type: 'string', default: '2024' } } as const;

function progressText(p: PaymentProgress): string {
  const counts = (Object.keys(p.byStatus) as PaymentStatus[])
    .filter((s) => p.byStatus[s])
    .map((s) => `${paymentStatusLabel[s]} ${p.byStatus[s]} 笔`);
  return (
    `支付批次 #${p.batchId}（${batchStatusLabel[p.status]}）：共 ${p.paymentCount} 笔 ${formatYuan(p.totalFen)} 元；${counts.join('，') || '无支付'}` +
    (p.readyToExport ? '；已全部发送，可导出银行付款指令' : p.remaining ? `；尚有 ${p.remaining} 笔待发送` : '')
  );
}

async function create(args: string[]): Promise<number> {
  const v = parseOptions(args, ROUND);
  const actor = staffActor(v.user, v.role);
  const result = await withStore(({ db }) => createPaymentsForConfirmed(db, { round: v.round, clock: commandClock(), actor }));
  return output(v.json, result, () =>
    [
      `${v.round} 年度：${result.caseCount} 个已确认案件，新生成支付 ${result.paymentCount} 笔，合计 ${formatYuan(result.totalFen)} 元`,
      ...result.manual.map(
        (m) =>
          `  需人工处理：${m.recipientName}（${m.recipientCreditCode}，${formatYuan(m.amountFen)} 元，来自单位 ${m.unitName}）${m.reason}`,
      ),
    ].join('\n'),
  );
}

async function propose(args: string[]): Promise<number> {
  const v = parseOptions(args, { ...ROUND, payment: { type: 'string', multiple: true }, note: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const paymentIds = v.payment?.map((id) => requiredId(id, 'payment'));
  const batch = await withStore(({ db }) =>
    proposePaymentBatch(db, { round: v.round, actor, paymentIds, note: v.note, clock: commandClock() }),
  );
  return output(
    v.json,
    batch,
    () =>
      `已提交支付批次 #${batch.batchId}：${batch.paymentCount} 笔，合计 ${formatYuan(batch.totalFen)} 元，请由另一名财务人员授权`,
  );
}

async function decide(args: string[], outcome: 'authorise' | 'reject'): Promise<number> {
  const v = parseOptions(args, { batch: { type: 'string' }, note: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const batchId = requiredId(v.batch, 'batch');
  const note = outcome === 'reject' ? requiredText(v.note, 'note', '驳回意见') : v.note;
  const act = outcome === 'authorise' ? authorisePaymentBatch : rejectPaymentBatch;
  const result = await withStore(({ db }) => act(db, { batchId, actor, note, clock: commandClock() }));
  return output(v.json, result, () =>
    outcome === 'authorise'
      ? `支付批次 #${batchId} 已授权：${result.paymentCount} 笔，合计 ${formatYuan(result.totalFen)} 元，可执行支付`
      : `支付批次 #${batchId} 已驳回：${result.paymentCount} 笔款项回到待支付`,
  );
}

async function run(args: string[]): Promise<number> {
  const v = parseOptions(args, { batch: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  assertFinance(actor);
  const batchId = requiredId(v.batch, 'batch');
  const result = await withStore(({ db }) =>
    runPaymentBatch(db, { batchId, clock: commandClock(), workerId: `${actor.name}/${process.pid}` }),
  );
  return output(v.json, result, () => `本次发送 ${result.sentNow} 笔。${progressText(result)}`);
}

async function status(args: string[]): Promise<number> {
  const v = parseOptions(args, { batch: { type: 'string' }, round: { type: 'string' } });
  if (v.batch) {
    const batchId = requiredId(v.batch, 'batch');
    const progress = await withStore(({ db }) => paymentProgress(db, batchId));
    return output(v.json, progress, () => progressText(progress));
  }
  const batches = await withStore(({ db }) => listPaymentBatches(db, { round: v.round }));
  return output(v.json, batches, () =>
    batches.length
      ? batches
          .map(
            (b) =>
              `#${b.batchId}  ${batchStatusLabel[b.status]}  ${b.paymentCount} 笔  ${formatYuan(b.totalFen)} 元  提交人 ${b.proposedBy}${b.authorisedBy ? `  授权人 ${b.authorisedBy}` : ''}`,
          )
          .join('\n')
      : '没有支付批次',
  );
}

const STATUSES = Object.keys(paymentStatusLabel) as PaymentStatus[];

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, { round: { type: 'string' }, batch: { type: 'string' }, status: { type: 'string' } });
  if (v.status && !STATUSES.includes(v.status as PaymentStatus))
    throw new CliError(`--status 须为 ${STATUSES.join('、')}`, `--status must be one of ${STATUSES.join(', ')}`);
  const batchId = v.batch === undefined ? undefined : requiredId(v.batch, 'batch');
  const payments = await withStore(({ db }) =>
    listPayments(db, { round: v.round, batchId, status: v.status as PaymentStatus | undefined }),
  );
  return output(v.json, payments, () =>
    payments.length
      ? payments
          .map(
            (p) =>
              `#${p.id}  ${paymentStatusLabel[p.status]}  ${p.recipientName}  ${formatYuan(p.amountFen)} 元  ${p.accountMasked}${p.batchId ? `  批次 #${p.batchId}` : ''}${p.attempt > 1 ? `  第 ${p.attempt} 次支付` : ''}`,
          )
          .join('\n')
      : '没有支付',
  );
}

export async function runPay(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const commands: Record<string, (a: string[]) => Promise<number>> = {
    create,
    propose,
    authorise: (a) => decide(a, 'authorise'),
    reject: (a) => decide(a, 'reject'),
    run,
    status,
    list,
  };
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = commands[sub];
  if (!command) throw new CliError(`未知子命令：pay ${sub}\n${HELP}`, `unknown subcommand: pay ${sub}`);
  return refusingAsCliError(() => command(rest));
}
