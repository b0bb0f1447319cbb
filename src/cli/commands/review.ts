// `wengang review propose|approve|return|resolve|history|list`: the maker-checker review on the command line.
import { amountYuan } from '../../adapters/files/column-spec.ts';
import type { EnterpriseSize } from '../../adapters/store/schema.ts';
import { stateLabel, type RefundCaseState } from '../../domain/refund-case.ts';
import { reviewBatchStatusLabels } from '../../domain/vocabulary/review.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { caseHistory } from '../../services/review/case-history.ts';
import { listBatches, type BatchStatus } from '../../services/review/list-batches.ts';
import { proposeBatch } from '../../services/review/propose-batch.ts';
import { resolveCase } from '../../services/review/resolve-case.ts';
import { approveBatch, returnBatch } from '../../services/review/review-batch.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

const HELP = `用法：wengang review <子命令> [参数] --user 姓名 --role 角色 [--json]
  propose --round 2024 (--unit ID ... | [--region 代码] [--size large|medium|small|micro] [--max-amount 元]) [--note 说明]
  approve --batch ID [--note 意见]         复核通过（复核人不得为提交人）
  return  --batch ID --note 意见           退回，案件回到待人工复核
  resolve --round 2024 --unit ID --set 字段=值 ... --note 说明   补录数据并重新判定（如 --set unit.size=small）
  history --round 2024 --unit ID           案件变更记录
  list    [--round 2024] [--status proposed|approved|returned]
`;

/** `字段=值`: the value is read as JSON when it is (numbers, true, null), else as text. */
function parseSetting(setting: string): [string, unknown] {
  const at = setting.indexOf('=');
  if (at <= 0) throw new CliError(`--set 的格式应为 字段=值：${setting}`, `--set must be field=value: ${setting}`);
  const raw = setting.slice(at + 1);
  try {
    return [setting.slice(0, at), JSON.parse(raw)];
  } catch {
    return [setting.slice(0, at), raw];
  }
}

function maxAmountFen(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const parsed = amountYuan().parse(raw);
  if ('error' in parsed) throw new CliError(`--max-amount：${parsed.error}`, `--max-amount: ${parsed.error}`);
  return parsed.value;
}

const SIZES: readonly EnterpriseSize[] = ['large', 'medium', 'small', 'micro'];
const ROUND = { round: { type: 'string', default: '2024' } } as const;

async function propose(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    ...ROUND,
    unit: { type: 'string', multiple: true },
    region: { type: 'string' },
    size: { type: 'string' },
    'max-amount': { type: 'string' },
    note: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  if (v.size && !SIZES.includes(v.size as EnterpriseSize))
    throw new CliError(`--size 须为 ${SIZES.join('、')}`, `--size must be one of ${SIZES.join(', ')}`);
  const unitIds = v.unit?.map((id) => requiredId(id, 'unit'));
  const filter = {
    regionCode: v.region,
    size: v.size as EnterpriseSize | undefined,
    maxAmountFen: maxAmountFen(v['max-amount']),
  };
  const batch = await withStore(({ db }) =>
    proposeBatch(db, { round: v.round, unitIds, filter, actor, note: v.note, clock: commandClock() }),
  );
  return output(
    v.json,
    batch,
    () =>
      `已提交复核批次 #${batch.batchId}：${batch.unitCount} 个单位，拟返还合计 ${formatYuan(batch.totalFen)} 元，请由其他复核人复核`,
  );
}

async function review(args: string[], outcome: 'approve' | 'return'): Promise<number> {
  const v = parseOptions(args, { batch: { type: 'string' }, note: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const batchId = requiredId(v.batch, 'batch');
  const note = outcome === 'return' ? requiredText(v.note, 'note', '退回意见') : v.note;
  const act = outcome === 'approve' ? approveBatch : returnBatch;
  const result = await withStore(({ db }) => act(db, { batchId, actor, note, clock: commandClock() }));
  return output(v.json, result, () =>
    outcome === 'approve'
      ? `复核批次 #${batchId} 已通过：${result.unitCount} 个案件复核通过，可发起公示`
      : `复核批次 #${batchId} 已退回：${result.unitCount} 个案件回到待人工复核`,
  );
}

async function resolve(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    ...ROUND,
    unit: { type: 'string' },
    set: { type: 'string', multiple: true },
    note: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  const unitId = requiredId(v.unit, 'unit');
  const note = requiredText(v.note, 'note', '处理说明');
  const overrides = Object.fromEntries((v.set ?? []).map(parseSetting));
  const result = await withStore(({ db }) =>
    resolveCase(db, { round: v.round, unitId, actor, overrides, note, clock: commandClock() }),
  );
  return output(
    v.json,
    result,
    () =>
      `单位 ${unitId} 已重新判定：${stateLabel(result.state)}，返还金额 ${formatYuan(result.amountFen)} 元` +
      (result.reasons.length ? `（原因：${result.reasons.join('、')}）` : ''),
  );
}

async function history(args: string[]): Promise<number> {
  const v = parseOptions(args, { ...ROUND, unit: { type: 'string' } });
  const unitId = requiredId(v.unit, 'unit');
  const events = await withStore(({ db }) => caseHistory(db, v.round, unitId));
  const label = (state: string | null) => (state ? stateLabel(state as RefundCaseState) : '—');
  return output(v.json, events, () =>
    events.length
      ? events
          .map(
            (e) =>
              `${e.at.toISOString()}  ${e.actor}  ${e.action}  ${label(e.fromState)} → ${label(e.toState)}${e.note ? `  ${e.note}` : ''}`,
          )
          .join('\n')
      : `${v.round} 年度单位 ${unitId} 没有案件记录`,
  );
}

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, { round: { type: 'string' }, status: { type: 'string' } });
  const batches = await withStore(({ db }) => listBatches(db, { round: v.round, status: v.status as BatchStatus | undefined }));
  return output(v.json, batches, () =>
    batches.length
      ? batches
          .map(
            (b) =>
              `#${b.id}  ${reviewBatchStatusLabels[b.status]}  ${b.unitCount} 个单位  ${formatYuan(b.totalFen)} 元  提交人 ${b.proposedBy}${b.reviewedBy ? `  复核人 ${b.reviewedBy}` : ''}`,
          )
          .join('\n')
      : '没有复核批次',
  );
}

export async function runReview(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const commands: Record<string, (a: string[]) => Promise<number>> = {
    propose,
    approve: (a) => review(a, 'approve'),
    return: (a) => review(a, 'return'),
    resolve,
    history,
    list,
  };
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = commands[sub];
  if (!command) throw new CliError(`未知子命令：review ${sub}\n${HELP}`, `unknown subcommand: review ${sub}`);
  return refusingAsCliError(() => command(rest));
}
