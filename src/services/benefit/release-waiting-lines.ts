// Benefit lines that waited for money (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): when money arrives, the monthly
// run's lines left waiting because its funds fell short — benefit, medical insurance on behalf, price subsidy, in that
// order, oldest first — are paid from what the payout account holds beyond the living-guarantee payments already
// queued ahead of them. A released line is paid exactly as the run would have paid it (pay-lines.ts); its month is
// marked paid. Lines the money does not cover keep waiting with their reason. Runs inside the arrival's transaction,
// under the audit lock, so a line is released once.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { benefitLinePurposes } from '../../domain/benefit.ts';
import { benefitWaitReasons } from '../../domain/vocabulary/benefit.ts';
import type { IsoDate, Period } from '../../policy/core/dates.ts';
import { sumFen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { allocateByPriority } from '../../policy/benefit/living-guarantee-priority.ts';
import { fundsAvailable } from '../fund/funds-available.ts';
import { priorityOf } from '../payments/paying-order.ts';
import { markMonthsPaid } from './months-paid.ts';
import { settleLines, type PaidLine } from './pay-lines.ts';

export interface ReleasedLines {
  paid: PaidLine[];
  /** The payment rounds the released lines' payments belong to (for the payment run that follows). */
  rounds: string[];
  stillWaiting: number;
}

const lineRank = (purpose: string): number => benefitLinePurposes.indexOf(purpose as (typeof benefitLinePurposes)[number]);

export async function releaseWaitingLines(
  trx: Transaction<Database>,
  request: { params: ParameterStore; today: IsoDate; by: string; at: Date },
): Promise<ReleasedLines> {
  const { by, at } = request;
  const waiting = await trx
    .selectFrom('benefit_payments')
    .select(['id', 'claim_id', 'person_id', 'period', 'purpose', 'amount_fen'])
    .where('status', '=', 'waiting')
    .where('wait_reason', '=', benefitWaitReasons.fundsShort)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (!waiting.length) return { paid: [], rounds: [], stillWaiting: 0 };
  const funds = await fundsAvailable(trx, request.params, { today: request.today });
  const queued = await trx.selectFrom('payments').select(['purpose', 'amount_fen']).where('status', '=', 'pending').execute();
  const ahead = sumFen(queued.filter((p) => priorityOf(p.purpose) === 'living_guarantee').map((p) => p.amount_fen));
  const ordered = [...waiting].sort((a, b) => lineRank(a.purpose) - lineRank(b.purpose) || a.id - b.id);
  const allocation = allocateByPriority(
    ordered.map((l) => ({ key: l.id, priority: 'living_guarantee' as const, amountFen: l.amount_fen })),
    Math.max(funds.availableFen - ahead, 0),
  );
  const released = new Set(allocation.paid);
  const lines = ordered.filter((l) => released.has(l.id));
  const paid: PaidLine[] = [];
  for (const period of [...new Set(lines.map((l) => l.period))]) {
    const rows = await trx
      .updateTable('benefit_payments')
      .set((eb) => ({
        status: eb
          .case()
          .when('purpose', '=', 'medical_on_behalf')
          .then('posted' as const)
          .else('payable' as const)
          .end(),
        wait_reason: null,
        updated_at: at,
      }))
      .where(
        'id',
        'in',
        lines.filter((l) => l.period === period).map((l) => l.id),
      )
      .returning(['id', 'claim_id', 'person_id', 'purpose', 'amount_fen', 'status'])
      .execute();
    const settled = await settleLines(
      trx,
      rows.map((r) => ({ ...r, claimId: r.claim_id, personId: r.person_id, amountFen: r.amount_fen })),
      { period: period as Period, by, at },
    );
    const benefitPaid = settled.filter((l) => l.purpose === 'benefit' && l.status !== 'waiting').map((l) => l.claimId);
    await markMonthsPaid(trx, period as Period, benefitPaid, by, at);
    paid.push(...settled);
  }
  return {
    paid,
    rounds: [...new Set(lines.filter((l) => l.purpose !== 'medical_on_behalf').map((l) => l.period.slice(0, 4)))],
    stillWaiting: waiting.length - lines.length,
  };
}
