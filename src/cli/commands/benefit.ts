// `wengang benefit …`: unemployment-benefit casework (鲁人社发〔2024〕8号 第五条、第七条、第八条) — claims with the ID
// number only, review by a second person, the monthly run, stops, transfers and living-guarantee-first batches.
import { keyRingFromEnv } from '../../adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../adapters/crypto/sm-field-cipher.ts';
import { writeCsv } from '../../adapters/files/write-csv.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { benefitClaimStatuses, type BenefitClaimStatus } from '../../domain/benefit.ts';
import {
  benefitClaimStatusLabels,
  benefitLinePurposeLabels,
  benefitMonthStatusLabels,
  benefitReasonLabels,
  benefitStopReasonLabels,
} from '../../domain/vocabulary/benefit.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { claimDetail, listClaims } from '../../services/benefit/claim-views.ts';
import { proposeWithinFunds } from '../../services/benefit/living-guarantee-first.ts';
import { payRunText } from '../pay-run-text.ts';
import { stopClaimByHand } from '../../services/benefit/manual-stop.ts';
import { runBenefitMonth } from '../../services/benefit/monthly-run.ts';
import { reviewBenefitClaim } from '../../services/benefit/review-claim.ts';
import { submitBenefitClaim } from '../../services/benefit/submit-claim.ts';
import { transferFileRows, transferOut } from '../../services/benefit/transfers.ts';
import { transferHeaders } from '../../services/imports/kinds/benefit-transfers.ts';
import { actorName } from '../../services/round/case-transitions.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredId, requiredText } from '../command-support.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';
import { settings } from '../../config/settings.ts';

const HELP = `用法：wengang benefit <子命令> [参数] [--user 姓名 --role 角色] [--json]
  claim    --id-number 身份证号 [--on 日期]            窗口受理失业保险金申领（仅凭身份证号，经办员）
  list     [--status ${benefitClaimStatuses.join('|')}]   申领列表
  show     --claim 编号                                 申领详情：判定过程、按月发放计划
  approve|return --claim 编号 [--note 意见]             复核（另一名复核员；退回须填意见）
  run      --month 2024-06 --region 371000 [--available-fen 分] [--chunk-size 人数]   按月发放（可中断续跑；未指定可用资金时取支出户余额或参数额度）
  stop     --claim 编号 --from 2024-08 --note 原因       停发（经办员）
  transfer-out --person 编号 --to 转入地 --on 日期        失业保险关系转出
  transfer-export --transfers 1,2 --place 本地名称 --out 文件.csv   导出转移记录（含完整身份证号，记入审计）
  pay      [--round 2024] [--available-fen 分]           按保生活支出优先原则在可用资金内提交支付批次（财务人员；
                                                       不填可用资金时取支出户账面余额，未登记到账时取参数额度）
`;

const cipher = () => new SmFieldCipher(keyRingFromEnv(settings()).keyRing);

export async function runBenefit(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const clock = commandClock();
  const params = projectParameters();
  const v = parseOptions(rest, {
    'id-number': { type: 'string' },
    on: { type: 'string' },
    status: { type: 'string' },
    claim: { type: 'string' },
    note: { type: 'string' },
    month: { type: 'string' },
    region: { type: 'string' },
    'available-fen': { type: 'string' },
    'chunk-size': { type: 'string' },
    from: { type: 'string' },
    person: { type: 'string' },
    to: { type: 'string' },
    transfers: { type: 'string' },
    place: { type: 'string' },
    out: { type: 'string' },
    round: { type: 'string' },
  });
  const by = () => actorName(staffActor(v.user, v.role));
  const available = v['available-fen'] === undefined ? undefined : Number(v['available-fen']);
  switch (sub) {
    case 'claim': {
      const result = await refusingAsCliError(() =>
        withStore(({ db }) =>
          submitBenefitClaim(db, {
            person: { idNumber: requiredText(v['id-number'], 'id-number', '公民身份号码'), cipher: cipher() },
            channel: 'case_worker',
            by: by(),
            claimDate: v.on,
            params,
            clock,
          }),
        ),
      );
      const d = result.decision;
      return output(
        v.json,
        result,
        () =>
          `已受理申领 ${result.claimId}：${d.status === 'eligible' ? `符合，最长 ${String(d.maxMonths)} 个月，每月 ${formatYuan(d.amountFen)} 元` : d.reasons.map((r) => benefitReasonLabels[r] ?? r).join('、')}；待复核`,
      );
    }
    case 'list': {
      const status = v.status as BenefitClaimStatus | undefined;
      const rows = await withStore(({ db }) => listClaims(db, { status }));
      return output(
        v.json,
        rows,
        () =>
          rows
            .map(
              (r) =>
                `${r.claimId}\t${r.name}\t${r.idNumberMasked}\t${benefitClaimStatusLabels[r.status]}\t${r.maxMonths} 个月\t${formatYuan(r.monthlyFen)} 元`,
            )
            .join('\n') || '没有申领',
      );
    }
    case 'show': {
      const detail = await withStore(({ db }) => claimDetail(db, requiredId(v.claim, 'claim')));
      if (!detail) throw new CliError('没有这个申领', 'no such claim');
      return output(v.json, detail, () =>
        [
          `${detail.name}（${detail.idNumberMasked}）申领 ${detail.claimId}：${benefitClaimStatusLabels[detail.status]}${detail.stopReason ? `，${benefitStopReasonLabels[detail.stopReason]}（自 ${detail.stoppedFrom}）` : ''}`,
          ...detail.trace.map(
            (t) => `  ${t.passed === false ? '✗' : t.passed === null ? '?' : '✓'} ${t.text}（${t.legalBasis}）`,
          ),
          ...detail.schedule.map(
            (m) =>
              `  ${m.period} 第${m.seq}个月 ${benefitMonthStatusLabels[m.status]} ${m.lines.map((l) => `${benefitLinePurposeLabels[l.purpose]} ${formatYuan(l.amountFen)} 元`).join('，')}`,
          ),
        ].join('\n'),
      );
    }
    case 'approve':
    case 'return': {
      const result = await refusingAsCliError(() =>
        withStore(({ db }) =>
          reviewBenefitClaim(db, { claimId: requiredId(v.claim, 'claim'), outcome: sub, note: v.note, by: by(), clock }),
        ),
      );
      return output(v.json, result, () => (result.status === 'approved' ? `已核准，发放 ${result.months} 个月` : '已退回'));
    }
    case 'run': {
      const summary = await refusingAsCliError(() =>
        withStore(({ db }) =>
          runBenefitMonth(db, {
            period: requiredText(v.month, 'month', '发放月份'),
            regionCode: requiredText(v.region, 'region', '统筹地区代码'),
            availableFen: available,
            by: by(),
            params,
            clock,
            chunkSize: v['chunk-size'] ? Number(v['chunk-size']) : undefined,
            onProgress: ({ done, total }) => {
              process.stderr.write(`${done}/${total}\n`);
            },
          }),
        ),
      );
      return output(
        v.json,
        summary,
        () =>
          `${summary.period} 发放：可用资金 ${formatYuan(summary.availableFen ?? summary.funds.availableFen)} 元（${summary.funds.sourceLabel}），${summary.recipients} 人，${summary.lineCount} 笔，合计 ${formatYuan(summary.totalFen)} 元；暂缓 ${summary.waitingCount} 笔，停发 ${summary.stoppedCount} 人`,
      );
    }
    case 'stop': {
      const result = await refusingAsCliError(() =>
        withStore(({ db }) =>
          stopClaimByHand(db, {
            claimId: requiredId(v.claim, 'claim'),
            stoppedFrom: requiredText(v.from, 'from', '停发起始月份'),
            note: requiredText(v.note, 'note', '停发原因'),
            by: by(),
            clock,
          }),
        ),
      );
      return output(v.json, result, () => `已停发 ${result.stoppedMonths} 个月`);
    }
    case 'transfer-out': {
      const record = await refusingAsCliError(() =>
        withStore(({ db }) =>
          transferOut(db, {
            personId: requiredId(v.person, 'person'),
            counterpart: requiredText(v.to, 'to', '转入地'),
            transferredOn: requiredText(v.on, 'on', '转移日期'),
            by: by(),
            clock,
          }),
        ),
      );
      return output(
        v.json,
        record,
        () =>
          `已转出（记录 ${record.transferId}）：累计缴费 ${record.insuredMonths} 个月，已领 ${record.usedMonths} 个月，剩余 ${record.remainingMonths} 个月`,
      );
    }
    case 'transfer-export': {
      const ids = requiredText(v.transfers, 'transfers', '转移记录编号').split(',').map(Number);
      const out = requiredText(v.out, 'out', '输出文件');
      const rows = await withStore(({ db }) =>
        transferFileRows(db, {
          transferIds: ids,
          cipher: cipher(),
          placeName: requiredText(v.place, 'place', '本地名称'),
          by: by(),
          clock,
        }),
      );
      await writeCsv(out, transferHeaders, rows);
      return output(v.json, { file: out, rows: rows.length }, () => `已导出 ${rows.length} 条转移记录到 ${out}`);
    }
    case 'pay': {
      const result = await refusingAsCliError(() =>
        withStore(({ db }) =>
          proposeWithinFunds(db, {
            rounds: v.round === undefined ? undefined : [v.round],
            availableFen: available,
            params,
            actor: staffActor(v.user, v.role),
            clock,
          }),
        ),
      );
      return output(v.json, result, () => payRunText(result));
    }
    default:
      process.stdout.write(HELP);
      return sub === undefined || sub === 'help' ? 0 : 2;
  }
}
