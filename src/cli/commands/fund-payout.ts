// `wengang fund arrival|funds`: the fund's payout account (鲁人社发〔2024〕8号 第八条：优先保障保生活支出) — record money
// arriving (what waited for money is then batched, living guarantee first) and show what the next payment run may
// spend, from which source, and what waits.
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { paymentPurposeLabels } from '../../domain/vocabulary/payment-purposes.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { payoutPosition, recordFundArrival } from '../../services/fund/fund-arrivals.ts';
import { CliError } from '../cli-error.ts';
import { commandClock, output, parseOptions, refusingAsCliError, requiredText } from '../command-support.ts';
import { payRunText } from '../pay-run-text.ts';
import { staffActor } from '../staff-actor.ts';
import { withStore } from '../with-store.ts';

export const payoutHelp = `  arrival  --amount-fen 分 --document 拨款凭证号 --source 资金来源   登记资金到账（财务人员），随即按保生活优先支付排队款项
  funds                                                        支出户可用资金及其来源、排队等待资金的支付
`;

export async function arrival(args: string[]): Promise<number> {
  const v = parseOptions(args, { 'amount-fen': { type: 'string' }, document: { type: 'string' }, source: { type: 'string' } });
  const amount = v['amount-fen'];
  if (!amount || !/^[1-9]\d{0,15}$/.test(amount))
    throw new CliError('请用 --amount-fen 填写到账金额（整数，单位：分）', 'give --amount-fen as an integer amount of fen');
  const request = {
    amountFen: Number(amount),
    documentNo: requiredText(v.document, 'document', '拨款凭证号'),
    source: requiredText(v.source, 'source', '资金来源'),
    actor: staffActor(v.user, v.role),
    clock: commandClock(),
    params: projectParameters(),
  };
  const result = await refusingAsCliError(() => withStore(({ db }) => recordFundArrival(db, request)));
  return output(
    v.json,
    result,
    () =>
      `${result.posted ? '已登记资金到账' : '该凭证号的资金到账此前已登记，未重复入账'}；` +
      `排队的保生活发放 ${result.lines.releasedCount} 笔已发放（${formatYuan(result.lines.releasedFen)} 元），仍排队 ${result.lines.stillWaiting} 笔；` +
      payRunText(result.run),
  );
}

export async function funds(args: string[]): Promise<number> {
  const v = parseOptions(args, {});
  const clock = commandClock();
  const result = await refusingAsCliError(() => withStore(({ db }) => payoutPosition(db, projectParameters(), clock.today())));
  return output(v.json, result, () =>
    [
      `可用资金 ${formatYuan(result.funds.availableFen)} 元（${result.funds.sourceLabel}）；排队 ${result.waiting.length} 笔，合计 ${formatYuan(result.waitingFen)} 元`,
      ...result.waiting.map(
        (w) => `  #${w.paymentId} ${w.round} ${paymentPurposeLabels[w.purpose]} ${formatYuan(w.amountFen)} 元：${w.reason}`,
      ),
    ].join('\n'),
  );
}
