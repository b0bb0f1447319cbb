// `wengang dispatch preview|submit|withdraw|show|template`: a labour-dispatch unit's application for the refund
// (鲁人社发〔2024〕8号 第三条) entered by a case worker from the unit's Excel upload.
import { resolve } from 'node:path';
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../adapters/crypto/sm-field-cipher.ts';
import { writeTemplate } from '../../adapters/files/write-xlsx.ts';
import { stateLabel } from '../../domain/refund-case.ts';
import { dispatchStatusLabels } from '../../domain/vocabulary/dispatch.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { paymentSheet, placementSheet } from '../../services/dispatch/application-sheets.ts';
import { previewDispatchApplication, type DispatchPreview } from '../../services/dispatch/decide-application.ts';
import {
  findDispatchApplication,
  findUnitApplication,
  type StoredApplication,
} from '../../services/dispatch/find-application.ts';
import { loadDispatchUpload } from '../../services/dispatch/load-upload.ts';
import { DispatchUploadError, problemText } from '../../services/dispatch/read-upload.ts';
import { storedWorkers } from '../../services/dispatch/stored-records.ts';
import { submitDispatchApplication, withdrawDispatchApplication } from '../../services/dispatch/submit-application.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import { settings } from '../../config/settings.ts';

const HELP = `用法：wengang dispatch <子命令> [参数] --user 姓名 --role 角色 [--json]
  preview  --round 2024 --unit ID (--file 派遣人员表.xlsx | --stored-placements) [--payments 缴费明细表.xlsx]   试算分配，不保存
  submit   --round 2024 --unit ID (--file 派遣人员表.xlsx | --stored-placements) [--payments 缴费明细表.xlsx]   提交申请并判定
  withdraw --application ID --note 说明      撤回申请（案件提交复核前），之后可重新申请
  show     (--application ID | --round 2024 --unit ID)
  template [--out 目录]                      生成派遣人员表和缴费明细表的 Excel 模板
个人缴费明细：系统中已有本单位的个人缴费明细时取自系统（派遣人员须填写公民身份号码），否则须用 --payments 上传。
`;

const APPLY_OPTIONS = {
  round: { type: 'string', default: '2024' },
  unit: { type: 'string' },
  file: { type: 'string' },
  payments: { type: 'string' },
  'stored-placements': { type: 'boolean' },
} as const;

function roleLabel(role: 'dispatch_unit' | 'user_unit'): string {
  return role === 'dispatch_unit' ? '派遣单位' : '用工单位';
}

function allocationLines(
  allocations: readonly {
    recipient: string;
    recipientName: string | null;
    role: 'dispatch_unit' | 'user_unit';
    baseFen: number;
    amountFen: number;
  }[],
): string[] {
  return allocations.map(
    (a) =>
      `  ${roleLabel(a.role)} ${a.recipientName ?? ''}（${a.recipient}）：缴费基数 ${formatYuan(a.baseFen)} 元，分配 ${formatYuan(a.amountFen)} 元`,
  );
}

function previewText(p: DispatchPreview, title: string): string {
  const status = p.status === 'eligible' ? '符合条件' : p.status === 'ineligible' ? '不符合条件' : '待人工复核';
  return [
    `${title}：${p.unitName}（单位 ${p.unitId}）${status}，返还合计 ${formatYuan(p.amountFen)} 元` +
      `（${p.workerCount} 名人员、${p.paymentCount} 条缴费记录，缴费明细${p.paymentsSource === 'store' ? '取自系统' : '取自上传文件'}）`,
    ...allocationLines(p.allocations),
    ...(p.excludedFen > 0 ? [`  派遣至机关事业单位的人员缴费 ${formatYuan(p.excludedFen)} 元，不予返还`] : []),
    ...(p.reasons.length ? [`  原因：${p.reasons.join('、')}`] : []),
  ].join('\n');
}

/** The application's workers and payments from the files (or the imported placements); an upload with problems is a CliError. */
async function applicationData(
  store: Store,
  v: { round: string; unit?: string; file?: string; payments?: string; 'stored-placements'?: boolean },
) {
  const unitId = requiredId(v.unit, 'unit');
  if (!v.file && !v['stored-placements']) {
    throw new CliError(
      '请用 --file 指定派遣人员表（或用 --stored-placements 使用已导入的派遣用工数据）',
      'give --file or --stored-placements',
    );
  }
  const cipher = new SmFieldCipher(keyRingFromEnv(settings()).keyRing);
  if (!v.file) {
    if (v.payments)
      throw new CliError('--stored-placements 时缴费明细取自系统，不能同时指定 --payments', '--payments needs --file');
    return { unitId, workers: await storedWorkers(store.db, unitId), paymentsFileIgnored: false };
  }
  const upload = await loadDispatchUpload(store.db, {
    round: v.round,
    unitId,
    placementsPath: resolve(v.file),
    paymentsPath: v.payments && resolve(v.payments),
    cipher,
  });
  return { unitId, ...upload };
}

async function apply(args: string[], mode: 'preview' | 'submit', json: { value?: boolean }): Promise<number> {
  const v = parseOptions(args, APPLY_OPTIONS);
  json.value = v.json;
  const actor = staffActor(v.user, v.role);
  const clock = commandClock();
  const { result, text, ignored } = await withStore(async (store) => {
    const { unitId, paymentsFileIgnored, ...data } = await applicationData(store, v);
    const request = { round: v.round, unitId, ...data };
    if (mode === 'preview') {
      const preview = await previewDispatchApplication(store.db, request);
      return { result: preview, text: previewText(preview, '试算（未保存）'), ignored: paymentsFileIgnored };
    }
    const submitted = await submitDispatchApplication(store.db, { ...request, actor, clock });
    const text = `${previewText(submitted, `申请 #${submitted.applicationId} 已判定`)}\n案件状态：${stateLabel(submitted.caseState)}`;
    return { result: submitted, text, ignored: paymentsFileIgnored };
  });
  if (ignored) process.stderr.write('注意：系统中已有本单位的个人缴费明细，上传的缴费明细表未使用\n');
  return output(v.json, result, () => text);
}

async function withdraw(args: string[]): Promise<number> {
  const v = parseOptions(args, { application: { type: 'string' }, note: { type: 'string' } });
  const actor = staffActor(v.user, v.role);
  const applicationId = requiredId(v.application, 'application');
  const note = requiredText(v.note, 'note', '撤回说明');
  const result = await withStore(({ db }) =>
    withdrawDispatchApplication(db, { applicationId, actor, note, clock: commandClock() }),
  );
  return output(v.json, result, () => `申请 #${applicationId} 已撤回，案件状态：${stateLabel(result.caseState)}；可重新提交申请`);
}

function storedText(a: StoredApplication): string {
  const status = dispatchStatusLabels[a.status];
  return [
    `申请 #${a.id}（${a.round} 年度）${a.unitName}：${status}，返还合计 ${formatYuan(a.amountFen)} 元，${a.workerCount} 名人员，提交人 ${a.submittedBy}`,
    ...allocationLines(a.allocations),
    ...(a.excludedFen > 0 ? [`  派遣至机关事业单位的人员缴费 ${formatYuan(a.excludedFen)} 元，不予返还`] : []),
  ].join('\n');
}

async function show(args: string[]): Promise<number> {
  const v = parseOptions(args, {
    application: { type: 'string' },
    round: { type: 'string', default: '2024' },
    unit: { type: 'string' },
  });
  const found = await withStore(({ db }) =>
    v.application
      ? findDispatchApplication(db, requiredId(v.application, 'application'))
      : findUnitApplication(db, v.round, requiredId(v.unit, 'unit')),
  );
  if (!found) throw new CliError('没有找到劳务派遣单位申请', 'no such dispatch application', 3);
  return output(v.json, found, () => storedText(found));
}

async function template(args: string[]): Promise<number> {
  const v = parseOptions(args, { out: { type: 'string' } });
  const dir = resolve(v.out ?? '.');
  const files = [
    [placementSheet, resolve(dir, '劳务派遣稳岗返还申请-派遣人员表.xlsx')],
    [paymentSheet, resolve(dir, '劳务派遣稳岗返还申请-缴费明细表.xlsx')],
  ] as const;
  for (const [spec, path] of files) await writeTemplate(spec as Parameters<typeof writeTemplate>[0], path);
  return output(
    v.json,
    { files: files.map(([, path]) => path) },
    () => `已生成模板：\n${files.map(([, path]) => `  ${path}`).join('\n')}`,
  );
}

function reportUpload(error: DispatchUploadError, json: boolean | undefined): number {
  if (json) process.stdout.write(`${JSON.stringify({ status: 'rejected', problems: error.problems }, null, 2)}\n`);
  else
    process.stderr.write(
      `申请材料有 ${error.problems.length} 处问题，未受理：\n${error.problems.map((p) => `  ${problemText(p)}`).join('\n')}\n`,
    );
  return 1;
}

export async function runDispatch(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help' || sub === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const json: { value?: boolean } = {};
  const commands: Record<string, (a: string[]) => Promise<number>> = {
    preview: (a) => apply(a, 'preview', json),
    submit: (a) => apply(a, 'submit', json),
    withdraw,
    show,
    template,
  };
  const command = commands[sub];
  if (!command) throw new CliError(`未知子命令：dispatch ${sub}\n${HELP}`, `unknown subcommand: dispatch ${sub}`);
  try {
    return await refusingAsCliError(() => command(rest));
  } catch (error) {
    if (error instanceof DispatchUploadError) return reportUpload(error, json.value);
    throw error;
  }
}
