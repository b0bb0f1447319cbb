// `wengang audit verify|checkpoint|search`: proves the hash-chained audit trail intact (exit code 1 when it is not),
// records a checkpoint of its head, and searches it.
import { auditAnchorsFromEnv } from '../../adapters/audit/anchor-file.ts';
import type { ChainHead } from '../../domain/audit-chain.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { writeCheckpoint } from '../../services/audit/checkpoint.ts';
import { searchAudit } from '../../services/audit/search-audit.ts';
import { verifyAudit } from '../../services/audit/verify-audit.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';
import { settings } from '../../config/settings.ts';

const HELP = `用法：wengang audit <子命令> [参数] [--json]
  verify [--checkpoint 序号:哈希]   校验审计日志的哈希链、最新检查点与库外的最新审计锚点（可另给一个库外保存的检查点）；
         通过后将日志末条记入审计锚点；被篡改时退出码为 1
  checkpoint [--user 姓名 --role 角色]   记录当前日志末条的序号与哈希作为检查点，并写入审计锚点
  审计锚点文件：WENGANG_AUDIT_ANCHOR（默认数据目录下 audit-anchors.log），以 HMAC-SM3 签名，密钥为
  WENGANG_AUDIT_ANCHOR_KEY 或 WENGANG_AUDIT_ANCHOR_KEY_FILE（数据库中不保存）
  search [--actor 操作人] [--action 操作] [--subject 对象] [--from 日期] [--to 日期] [--before 序号] [--limit 条数]
         按条件查询审计日志，最新的在前；操作和对象末尾加 * 按前缀匹配（如 --action 'case.*'）
`;

const beijingTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });

function parseHead(value: string | undefined): ChainHead | undefined {
  if (value === undefined) return undefined;
  const match = /^([1-9]\d{0,14}):([0-9a-f]{64})$/.exec(value.trim().toLowerCase());
  if (!match)
    throw new CliError('--checkpoint 的格式应为 序号:哈希（64 位十六进制）', '--checkpoint must be SEQ:HASH (64 hex digits)');
  return { seq: Number(match[1]), hash: match[2]! };
}

/** The configured anchors; a warning on stderr when they are signed with the development key. */
function configuredAnchors() {
  const { anchors, development } = auditAnchorsFromEnv(settings());
  if (development) process.stderr.write('注意：未配置 WENGANG_AUDIT_ANCHOR_KEY，审计锚点使用开发密钥签名，仅供演示\n');
  return anchors;
}

async function verify(args: string[]): Promise<number> {
  const v = parseOptions(args, { checkpoint: { type: 'string' } });
  const fromCheckpoint = parseHead(v.checkpoint);
  const anchors = configuredAnchors();
  const verdict = await withStore(({ db }) => verifyAudit(db, { fromCheckpoint, anchoring: { anchors, clock: commandClock() } }));
  const against = verdict.checkpoints.length
    ? `，并与检查点（第 ${verdict.checkpoints.map((c) => c.seq).join('、')} 条）核对一致`
    : '';
  const anchored = verdict.anchor?.newest
    ? `；外部审计锚点（${anchors.location}）现记录至第 ${verdict.anchor.newest.seq} 条`
    : '';
  output(v.json, verdict, () =>
    verdict.ok
      ? `审计日志校验通过：共 ${verdict.count} 条，哈希链完整${against}${anchored}`
      : `审计日志校验未通过：${verdict.message}`,
  );
  return verdict.ok ? 0 : 1;
}

async function checkpoint(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const actor: Actor = v.user || v.role ? staffActor(v.user, v.role) : { kind: 'system' };
  const anchors = configuredAnchors();
  const head = await withStore(({ db }) => writeCheckpoint(db, { actor, clock: commandClock(), anchors }));
  return output(
    v.json,
    head,
    () =>
      `已记录检查点：第 ${head.seq} 条，哈希 ${head.hash}，并写入外部审计锚点 ${anchors.location}\n也可另行保存，校验时可用 --checkpoint ${head.seq}:${head.hash}`,
  );
}

async function search(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    actor: { type: 'string' },
    action: { type: 'string' },
    subject: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    before: { type: 'string' },
    limit: { type: 'string' },
  });
  const query = {
    actor: v.actor,
    action: v.action,
    subject: v.subject,
    from: v.from,
    to: v.to,
    before: v.before === undefined ? undefined : requiredId(v.before, 'before'),
    limit: v.limit === undefined ? undefined : requiredId(v.limit, 'limit'),
  };
  const page = await refusingAsCliError(() => withStore(({ db }) => searchAudit(db, query)));
  return output(v.json, page, () =>
    [
      page.entries.length ? `审计日志（最新的在前）：` : '没有符合条件的审计记录',
      ...page.entries.map(
        (e) =>
          `  #${e.seq}  ${beijingTime.format(new Date(e.at))}  ${e.actor}  ${e.action}  ${e.subject}  ${JSON.stringify(e.detail)}`,
      ),
      ...(page.nextBefore ? [`更多记录：加 --before ${page.nextBefore}`] : []),
    ].join('\n'),
  );
}

export async function runAudit(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (sub === 'verify') return verify(rest);
  if (sub === 'checkpoint') return checkpoint(rest);
  if (sub === 'search') return search(rest);
  throw new CliError(`未知子命令：audit ${sub}\n${HELP}`, `unknown subcommand: audit ${sub}`);
}
