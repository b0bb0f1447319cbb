// A benefit month paid (鲁人社发〔2024〕8号 第五条): the claims' scheduled months for the period become paid, and a
// claim whose last month that was ends as exhausted from the next month. Used by the monthly run and by releasing
// lines that waited for money, so a month is marked the same way whichever paid it.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { addPeriods, type Period } from '../../policy/core/dates.ts';
import { stopClaim } from './stops.ts';

export async function markMonthsPaid(
  trx: Transaction<Database>,
  period: Period,
  claimIds: readonly number[],
  by: string,
  at: Date,
): Promise<void> {
  if (!claimIds.length) return;
  const paid = await trx
    .updateTable('benefit_months as m')
    .from('benefit_claims as c')
    .set({ status: 'paid' })
    .whereRef('c.id', '=', 'm.claim_id')
    .where('m.period', '=', period)
    .where('m.claim_id', 'in', [...claimIds])
    .where('m.status', '=', 'scheduled')
    .returning(['m.claim_id as claimId', 'm.seq', 'c.max_months as maxMonths'])
    .execute();
  for (const m of paid) {
    if (m.seq < m.maxMonths) continue;
    await stopClaim(trx, {
      claimId: m.claimId,
      reason: 'exhausted',
      stoppedFrom: addPeriods(period, 1),
      by,
      at,
      note: `第 ${m.seq} 个月已发放，领取期限已满`,
    });
  }
}
