// 鲁人社发〔2024〕8号 第三条: a labour-dispatch unit applies for the refund and is judged as a whole (own staff and
// dispatched workers together, same conditions as 第二条); the refund of each dispatched worker's contributions goes
// in full to the user unit that employed the worker that month, nothing is refunded for workers placed at government
// agencies or public institutions, and the dispatch unit keeps the part for its own staff and unplaced months. The
// worker payments are the unit's own payments broken down: when they do not add up to its base, a person reviews the
// sheet (第八条 fund security), and the allocations never add up to more than the unit's base × ratio.
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { fen, flag, isoDate, orgType, period, text } from './core/input-fields.ts';
import { applyRatioHalfUp, applyRatioWithinCeiling, formatYuan, sumFen, type BasisPoints, type Fen } from './core/money.ts';
import { formatBpPercent } from './core/ratio.ts';
import type { ParameterInForce, ParameterStore } from './core/parameters.ts';
import type { RuleDefinition } from './core/rule.ts';
import { countsTowardBase, type BaseWindow } from './refund/refund-base.ts';
import { refundInput, shape } from './refund/refund-input.ts';
import { assessRefundUnit, noRefundText, PUBLIC_SECTOR_ORG_TYPES } from './refund/unit-eligibility.ts';

const RULE = 'dispatch-allocation';
const ARTICLE = '鲁人社发〔2024〕8号 第三条';

const workerId = z.union([text, z.number()], { message: '劳动者编号须为文本或数字' });

const placement = z.object({
  from: period,
  to: period,
  userUnit: z.object({ creditCode: text, name: text.nullish(), orgType }),
});

export const dispatchAllocationInput = refundInput.extend({
  workers: z.array(
    z.object({ workerId, ownStaff: flag.nullish(), placements: z.array(placement).nullish() }),
    shape('须为劳动者数组'),
  ),
  workerPayments: z.array(z.object({ workerId, period, paidOn: isoDate, amountFen: fen }), shape('须为劳动者缴费记录数组')),
});
export type DispatchAllocationInput = z.infer<typeof dispatchAllocationInput>;

type Role = 'dispatch_unit' | 'user_unit';

export interface Allocation {
  recipient: string;
  role: Role;
  baseFen: Fen;
  amountFen: Fen;
}

interface Share {
  recipient: string;
  role: Role;
  name: string | null;
  payments: Fen[];
}

/** Splits the workers' base-year contributions between the user units, the dispatch unit and the excluded part. */
function splitWorkerBase(input: DispatchAllocationInput, window: BaseWindow): { shares: Share[]; excludedFen: Fen } {
  const workers = new Map(input.workers.map((w) => [String(w.workerId), w]));
  const shares = new Map<string, Share>();
  const excluded: Fen[] = [];
  for (const payment of input.workerPayments.filter((p) => countsTowardBase(p, window))) {
    const worker = workers.get(String(payment.workerId));
    const placed =
      worker && !worker.ownStaff
        ? (worker.placements ?? []).find((p) => p.from <= payment.period && payment.period <= p.to)
        : undefined;
    if (placed && PUBLIC_SECTOR_ORG_TYPES.has(placed.userUnit.orgType)) {
      excluded.push(payment.amountFen);
      continue;
    }
    const target = placed
      ? { recipient: placed.userUnit.creditCode, role: 'user_unit' as const, name: placed.userUnit.name ?? null }
      : { recipient: input.unit.creditCode, role: 'dispatch_unit' as const, name: input.unit.name ?? null };
    const key = `${target.role}:${target.recipient}`;
    const share = shares.get(key) ?? { ...target, payments: [] };
    share.payments.push(payment.amountFen);
    shares.set(key, share);
  }
  return { shares: [...shares.values()], excludedFen: sumFen(excluded) };
}

function byRecipient(a: Pick<Share, 'recipient' | 'role'>, b: Pick<Share, 'recipient' | 'role'>): number {
  if (a.recipient !== b.recipient) return a.recipient < b.recipient ? -1 : 1;
  return a.role < b.role ? -1 : a.role > b.role ? 1 : 0;
}

function allocationText(
  share: Share,
  baseFen: Fen,
  amountFen: Fen,
  ratio: ParameterInForce<BasisPoints> | undefined,
  checks: Checklist,
): string {
  const who =
    share.role === 'user_unit'
      ? `用工单位${share.name ? ` ${share.name}` : ''}（${share.recipient}）：被派遣劳动者缴费`
      : `劳务派遣单位${share.name ? ` ${share.name}` : ''}（${share.recipient}）：自有员工及未派遣期间缴费`;
  if (checks.status() !== 'eligible' || !ratio) return `${who} ${formatYuan(baseFen)} 元，${noRefundText(checks)}`;
  const to = share.role === 'user_unit' ? '全额拨付用工单位' : '由劳务派遣单位享受';
  return `${who} ${formatYuan(baseFen)} 元 × ${formatBpPercent(ratio.value)} = ${formatYuan(amountFen)} 元，${to}`;
}

/** The workers' bases (excluded placements included) must add up to the unit's own base; otherwise a person looks. */
function checkWorkerPayments(checks: Checklist, unitBaseFen: Fen, workerBaseFen: Fen): void {
  if (workerBaseFen === unitBaseFen) {
    checks.check({
      step: 'workerPayments',
      value: workerBaseFen,
      threshold: unitBaseFen,
      passed: true,
      reason: 'WORKER_PAYMENTS_MISMATCH',
      legalBasis: ARTICLE,
      text: `劳动者缴费明细合计 ${formatYuan(workerBaseFen)} 元与单位实缴返还基数 ${formatYuan(unitBaseFen)} 元一致`,
    });
    return;
  }
  checks.review({
    step: 'workerPayments',
    value: workerBaseFen,
    reason: 'WORKER_PAYMENTS_MISMATCH',
    legalBasis: '鲁人社发〔2024〕8号 第三条、第八条',
    text:
      `劳动者缴费明细合计 ${formatYuan(workerBaseFen)} 元${workerBaseFen > unitBaseFen ? '多于' : '少于'}单位实缴返还基数 ${formatYuan(unitBaseFen)} 元，` +
      '明细须为单位实缴费款的分解，暂不分配，须人工复核',
  });
}

export function evaluateDispatchAllocation(input: DispatchAllocationInput, params: ParameterStore) {
  const checks = new Checklist(ARTICLE);
  const { ratio, baseWindow, fields } = assessRefundUnit(input, params, checks);
  const { shares, excludedFen } = splitWorkerBase(input, baseWindow);
  const listed = shares
    .map((share) => ({ share, baseFen: sumFen(share.payments) }))
    .filter(({ baseFen }) => baseFen > 0)
    .sort((a, b) => byRecipient(a.share, b.share));
  checkWorkerPayments(checks, fields.baseFen, sumFen([excludedFen, ...listed.map((l) => l.baseFen)]));
  const payable = checks.status() === 'eligible' && ratio;
  const amounts = payable
    ? applyRatioWithinCeiling(
        listed.map((l) => l.baseFen),
        ratio.value,
        applyRatioHalfUp(fields.baseFen, ratio.value),
      )
    : listed.map(() => 0);
  const allocations: Allocation[] = listed.map(({ share, baseFen }, i) => {
    const amountFen = amounts[i]!;
    checks.note({
      step: `allocation.${share.recipient}`,
      value: amountFen,
      legalBasis: ARTICLE,
      text: allocationText(share, baseFen, amountFen, ratio, checks),
    });
    return { recipient: share.recipient, role: share.role, baseFen, amountFen };
  });
  if (payable && allocations.some((a) => a.amountFen !== applyRatioHalfUp(a.baseFen, ratio.value))) {
    checks.note({
      step: 'roundingAdjusted',
      value: true,
      legalBasis: ARTICLE,
      text: `各分配金额分别四舍五入后合计超过单位返还总额 ${formatYuan(applyRatioHalfUp(fields.baseFen, ratio.value))} 元，已按尾数大小逐分调减`,
    });
  }
  if (excludedFen > 0) {
    checks.note({
      step: 'excludedBase',
      value: excludedFen,
      legalBasis: ARTICLE,
      text: `派遣至机关事业单位的劳动者缴费 ${formatYuan(excludedFen)} 元，不在稳岗返还政策覆盖范围，不予返还`,
    });
  }
  const amountFen = sumFen(allocations.map((a) => a.amountFen));
  checks.note({
    step: 'amount',
    value: amountFen,
    legalBasis: ARTICLE,
    text: `返还金额合计 ${formatYuan(amountFen)} 元（各分配金额之和）`,
  });
  return checks.decide(input.id, RULE, amountFen, { ...fields, allocations, excludedBaseFen: excludedFen });
}

export const dispatchAllocationRule: RuleDefinition<DispatchAllocationInput> = {
  name: RULE,
  title: '劳务派遣单位稳岗返还分配',
  article: ARTICLE,
  input: dispatchAllocationInput,
  evaluate: evaluateDispatchAllocation,
};
