// `wengang notice open|object|close|list|show|export`: 公示 on the command line. The date is today's in Shanghai, or
// WENGANG_NOW for a scripted round.
import { resolve } from 'node:path';
import { chineseWorkingDays } from '../../adapters/calendar/chinese-working-days.ts';
import { noticeStatusLabels } from '../../domain/vocabulary/notices.ts';
import { formatChineseDate } from '../../policy/core/dates.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { closeDueNotices, closeNotice } from '../../services/notice/close-notice.ts';
import { exportNoticeXlsx } from '../../services/notice/export-notice.ts';
import { getNotice, layoffRatePercent, listNotices, noticeItems } from '../../services/notice/list-notices.ts';
import { openNotice } from '../../services/notice/open-notice.ts';
import { recordObjection } from '../../services/notice/record-objection.ts';
import { CliError } from '../cli-error.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';

const HELP = `用法：wengang notice <子命令> [参数] [--json]
  open   --round 2024 --batch ID ... [--title 标题] --user 姓名 --role 角色   对复核通过的批次发起公示
  object --notice ID --unit ID --content 异议内容 --user 姓名 --role 角色      登记异议，单位退回复核
  close  --notice ID --user 姓名 --role 角色 | close --due                     公示期满后结束公示（--due：结束所有已到期的公示）
  list   [--round 2024] [--status open|closed]
  show   --notice ID [--q 单位名称] [--all]                                    公示名单（--all 含已撤出的单位）
  export --notice ID --out 文件.xlsx
`;

async function open(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    round: { type: 'string', default: '2024' },
    batch: { type: 'string', multiple: true },
    title: { type: 'string' },
  });
  const actor = staffActor(v.user, v.role);
  const batchIds = (v.batch ?? []).map((id) => requiredId(id, 'batch'));
  if (!batchIds.length) throw new CliError('请用 --batch 指定复核通过的批次', 'give at least one --batch');
  const opened = await withStore(({ db }) =>
    openNotice(db, { round: v.round, batchIds, actor, clock: commandClock(), calendar: chineseWorkingDays, title: v.title }),
  );
  return output(
    v.json,
    opened,
    () =>
      `已发起公示 #${opened.noticeId}：${opened.unitCount} 个单位，公示期 ${opened.workingDays} 个工作日，` +
      `${formatChineseDate(opened.openedOn)}至${formatChineseDate(opened.lastDay)}`,
  );
}

async function object(args: string[]): Promise<number> {
  const v = parseOptions(args, { notice: { type: 'string' }, unit: { type: 'string' }, content: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const noticeId = requiredId(v.notice, 'notice');
  const unitId = requiredId(v.unit, 'unit');
  const content = requiredText(v.content, 'content', '异议内容');
  const result = await withStore(({ db }) => recordObjection(db, { noticeId, unitId, content, actor, clock: commandClock() }));
  return output(
    v.json,
    result,
    () => `已登记异议 #${result.objectionId}：单位 ${unitId} 撤出公示 #${noticeId} 名单，案件退回复核`,
  );
}

async function close(args: string[]): Promise<number> {
  const v = parseOptions(args, { notice: { type: 'string' }, due: { type: 'boolean' } });
  const clock = commandClock();
  if (v.due) {
    const closed = await withStore(({ db }) => closeDueNotices(db, clock));
    return output(v.json, closed, () =>
      closed.length
        ? closed.map((c) => `公示 #${c.noticeId} 已结束，${c.passedCount} 个单位公示期满`).join('\n')
        : '没有到期的公示',
    );
  }
  const actor = staffActor(v.user, v.role);
  const noticeId = requiredId(v.notice, 'notice');
  const result = await withStore(({ db }) => closeNotice(db, { noticeId, actor, clock }));
  return output(v.json, result, () => `公示 #${noticeId} 已结束，${result.passedCount} 个单位公示期满，可短信告知`);
}

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, { round: { type: 'string' }, status: { type: 'string' } });
  if (v.status && v.status !== 'open' && v.status !== 'closed')
    throw new CliError('--status 须为 open 或 closed', '--status must be open or closed');
  const notices = await withStore(({ db }) =>
    listNotices(db, { round: v.round, status: v.status as 'open' | 'closed' | undefined }),
  );
  return output(v.json, notices, () =>
    notices.length
      ? notices
          .map(
            (n) =>
              `#${n.id}  ${noticeStatusLabels[n.status]}  ${n.title}  ${formatChineseDate(n.openedOn)}至${formatChineseDate(n.lastDay)}  ` +
              `${n.unitCount} 个单位  ${formatYuan(n.totalFen)} 元${n.withdrawnCount ? `  （异议撤出 ${n.withdrawnCount} 个）` : ''}`,
          )
          .join('\n')
      : '没有公示',
  );
}

async function show(args: string[]): Promise<number> {
  const v = parseOptions(args, { notice: { type: 'string' }, q: { type: 'string' }, all: { type: 'boolean' } });
  const noticeId = requiredId(v.notice, 'notice');
  const { notice, items } = await withStore(async ({ db }) => ({
    notice: await getNotice(db, noticeId),
    items: await noticeItems(db, noticeId, { q: v.q, includeWithdrawn: v.all }),
  }));
  return output(v.json, { notice, items }, () =>
    [
      `${notice.title}（${formatChineseDate(notice.openedOn)}至${formatChineseDate(notice.lastDay)}）`,
      ...items.map(
        (i) =>
          `${i.unitName}  ${i.creditCodeMasked}  裁员率 ${layoffRatePercent(i.layoffRate)}  ${formatYuan(i.amountFen)} 元${i.withdrawn ? '  （因异议撤出）' : ''}`,
      ),
      `共 ${items.length} 个单位`,
    ].join('\n'),
  );
}

async function exportXlsx(args: string[]): Promise<number> {
  const v = parseOptions(args, { notice: { type: 'string' }, out: { type: 'string' } });
  const noticeId = requiredId(v.notice, 'notice');
  const path = resolve(requiredText(v.out, 'out', '输出文件路径'));
  const count = await withStore(({ db }) => exportNoticeXlsx(db, noticeId, path));
  return output(v.json, { noticeId, path, count }, () => `已导出公示 #${noticeId} 名单 ${count} 个单位：${path}`);
}

export async function runNotice(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const commands: Record<string, (a: string[]) => Promise<number>> = { open, object, close, list, show, export: exportXlsx };
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const command = commands[sub];
  if (!command) throw new CliError(`未知子命令：notice ${sub}\n${HELP}`, `unknown subcommand: notice ${sub}`);
  return refusingAsCliError(() => command(rest));
}
