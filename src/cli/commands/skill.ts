// `wengang skill apply|list|show|approve|return|pay|certificate`: skill-upgrade subsidy casework from the command line
// (鲁人社发〔2024〕8号 第四条).
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../adapters/crypto/sm-field-cipher.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { importedCertificateRegistry } from '../../adapters/registry/imported-certificate-registry.ts';
import {
  skillDecisionStatusLabels,
  skillApplicationStateLabels,
  skillReasonLabels,
} from '../../domain/vocabulary/skill-subsidy.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { applyForSkillSubsidy } from '../../services/skill-subsidy/apply.ts';
import { listSkillApplications, skillApplicationDetail, writeSkillApplicationsXlsx } from '../../services/skill-subsidy/queue.ts';
import { approveSkillApplication, payApprovedSkillGrants, returnSkillApplication } from '../../services/skill-subsidy/review.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { withStore } from '../with-store.ts';
import { settings } from '../../config/settings.ts';

const HELP = `用法：wengang skill <子命令> [参数] [--json]
  apply --certificate 证书编号 --user 经办人 [--date 收件日期]   录入技能提升补贴申请（其余信息从证书库和参保数据读取）
  list [--state submitted|approved|returned] [--xlsx 文件]         申请列表（可导出 Excel）
  show --id 编号                                                  申请详情和判定依据
  approve --id 编号 --user 复核人                                  复核通过（复核人不得为经办人），符合条件的生成发放款项
  return --id 编号 --user 复核人 --note 意见                       退回申请
  pay --user 经办人                                                为已通过但尚未生成款项的补贴生成发放款项
  certificate --number 证书编号 | --id-number 公民身份号码          证书查询
`;

const cipher = () => new SmFieldCipher(keyRingFromEnv(settings()).keyRing);

async function apply(args: string[]): Promise<number> {
  const v = parseOptions(args, { certificate: { type: 'string' }, date: { type: 'string' } });
  const by = requiredText(v.user, 'user', '经办人或复核人姓名');
  const result = await refusingAsCliError(() =>
    withStore(({ db }) =>
      applyForSkillSubsidy(db, {
        certificateNumber: requiredText(v.certificate, 'certificate', '证书编号'),
        channel: 'case_worker',
        by,
        ...(v.date && { applicationDate: v.date }),
        registry: importedCertificateRegistry(db, cipher()),
        cipher: cipher(),
        params: projectParameters(),
        clock: commandClock(),
      }),
    ),
  );
  return output(
    v.json,
    result,
    () =>
      `申请 ${result.id}：${skillDecisionStatusLabels[result.status]}，补贴 ${formatYuan(result.amountFen)} 元${result.retroactive ? '（补发）' : ''}` +
      (result.reasons.length ? `；原因：${result.reasons.map((r) => skillReasonLabels[r] ?? r).join('、')}` : ''),
  );
}

async function list(args: string[]): Promise<number> {
  const v = parseOptions(args, { state: { type: 'string' }, xlsx: { type: 'string' } });
  const state = v.state as 'submitted' | 'approved' | 'returned' | undefined;
  if (state && !['submitted', 'approved', 'returned'].includes(state))
    throw new CliError('--state 须为 submitted、approved、returned 之一', 'bad --state');
  if (v.xlsx) {
    const count = await withStore(({ db }) => writeSkillApplicationsXlsx(db, { ...(state && { state }) }, v.xlsx!));
    return output(v.json, { count, file: v.xlsx }, () => `已导出 ${count} 条申请到 ${v.xlsx}`);
  }
  const rows = await withStore(({ db }) => listSkillApplications(db, { ...(state && { state }) }));
  return output(
    v.json,
    rows,
    () =>
      rows
        .map(
          (r) =>
            `${r.id}\t${r.name}\t${r.idNumberMasked}\t${r.occupationName ?? r.occupationCode}\t${r.level}级\t` +
            `${skillDecisionStatusLabels[r.status]}\t${formatYuan(r.amountFen)} 元\t${skillApplicationStateLabels[r.state]}${r.retroactive ? '\t补发' : ''}`,
        )
        .join('\n') || '没有申请',
  );
}

async function show(args: string[]): Promise<number> {
  const v = parseOptions(args, { id: { type: 'string' } });
  const detail = await refusingAsCliError(() => withStore(({ db }) => skillApplicationDetail(db, requiredId(v.id, 'id'))));
  return output(v.json, detail, () =>
    [
      `申请 ${detail.id}：${detail.name}（${detail.idNumberMasked}），证书 ${detail.certificateNumber}，${skillDecisionStatusLabels[detail.status]}，${formatYuan(detail.amountFen)} 元，${skillApplicationStateLabels[detail.state]}`,
      ...detail.trace.map((s) => `  ${s.passed === true ? '✓' : s.passed === false ? '✗' : '·'} ${s.text}（${s.legalBasis}）`),
    ].join('\n'),
  );
}

async function review(args: string[], outcome: 'approve' | 'return'): Promise<number> {
  const v = parseOptions(args, { id: { type: 'string' }, note: { type: 'string' } });
  const request = {
    applicationId: requiredId(v.id, 'id'),
    by: requiredText(v.user, 'user', '经办人或复核人姓名'),
    note: v.note,
    clock: commandClock(),
  };
  const result = await refusingAsCliError(() =>
    withStore(({ db }) => (outcome === 'approve' ? approveSkillApplication : returnSkillApplication)(db, request)),
  );
  return output(
    v.json,
    result,
    () =>
      `申请 ${result.applicationId}：${skillApplicationStateLabels[result.state]}` +
      (result.paymentId ? `，已生成发放款项 #${result.paymentId}` : '') +
      (result.paymentHeld ? `；暂不能支付：${result.paymentHeld}` : ''),
  );
}

async function pay(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const result = await withStore(({ db }) =>
    payApprovedSkillGrants(db, { by: requiredText(v.user, 'user', '经办人或复核人姓名'), clock: commandClock() }),
  );
  return output(v.json, result, () => `生成发放款项 ${result.paid} 笔，仍不能支付 ${result.held} 笔`);
}

async function certificate(args: string[]): Promise<number> {
  const v = parseOptions(args, { number: { type: 'string' }, 'id-number': { type: 'string' } });
  const found = await withStore(async ({ db }) => {
    const registry = importedCertificateRegistry(db, cipher());
    if (v.number) return [await registry.byNumber(v.number)].filter((c) => c !== undefined);
    if (v['id-number']) return registry.byIdNumber(v['id-number']);
    throw new CliError('请用 --number 或 --id-number 指定查询条件', 'give --number or --id-number');
  });
  return output(
    v.json,
    found,
    () =>
      found
        .map(
          (c) =>
            `${c.number}\t${c.occupationName ?? c.occupationCode}\t${c.level}级\t${c.issueDate}\t${c.issuingBody ?? ''}\t${c.verified ? '已核验' : '未核验'}`,
        )
        .join('\n') || '查询不到证书',
  );
}

export async function runSkill(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'apply':
      return apply(rest);
    case 'list':
      return list(rest);
    case 'show':
      return show(rest);
    case 'approve':
      return review(rest, 'approve');
    case 'return':
      return review(rest, 'return');
    case 'pay':
      return pay(rest);
    case 'certificate':
      return certificate(rest);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return 0;
    default:
      throw new CliError(`未知子命令：skill ${sub}\n${HELP}`, `unknown subcommand: skill ${sub}`);
  }
}
