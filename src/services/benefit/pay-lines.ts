// Writes one chunk's benefit-month lines (鲁人社发〔2024〕8号 第五条) under their unique (person, month, purpose) key and
// pays them through the one payment machinery: the benefit and the price subsidy become payments to the person's
// social security card (commitment posted with them); medical insurance on the person's behalf goes to the medical
// fund and is posted to the ledger (drawn from the payout account when that is in use). A payment the machinery
// holds (no card account) leaves its line waiting with why. A chunk's lines are written, paid and posted set-based:
// a handful of statements whatever the chunk's size.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { BenefitLinePurpose, BenefitLineStatus } from '../../domain/benefit.ts';
import type { PersonPaymentPurpose } from '../../domain/payment-purposes.ts';
import { benefitLinePurposeLabels } from '../../domain/vocabulary/benefit.ts';
import type { Period } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import { postLivingGuaranteeMany } from '../ledger/post.ts';
import { postPayoutLineReleases } from '../ledger/post-payout.ts';
import { createPersonPayments, type PersonPaymentResult } from '../payments/create-person-payment.ts';

export interface LineToPay {
  claimId: number;
  personId: number;
  regionCode: string;
  purpose: BenefitLinePurpose;
  amountFen: Fen;
  waitReason?: string;
}

export interface PaidLine {
  id: number;
  claimId: number;
  purpose: BenefitLinePurpose;
  amountFen: Fen;
  status: BenefitLineStatus;
}

const paymentPurposeOf: Readonly<Record<Exclude<BenefitLinePurpose, 'medical_on_behalf'>, PersonPaymentPurpose>> = {
  benefit: 'unemployment_benefit',
  price_subsidy: 'price_subsidy',
};

export async function payLines(
  trx: Transaction<Database>,
  lines: readonly LineToPay[],
  context: { runId: number | null; period: Period; by: string; at: Date },
): Promise<PaidLine[]> {
  const { runId, period, by, at } = context;
  if (!lines.length) return [];
  const inserted = await trx
    .insertInto('benefit_payments')
    .values(
      lines.map((l) => ({
        idempotency_key: `benefit:${l.personId}:${period}:${l.purpose}`,
        claim_id: l.claimId,
        person_id: l.personId,
        period,
        purpose: l.purpose,
        amount_fen: l.amountFen,
        status: l.waitReason
          ? ('waiting' as const)
          : l.purpose === 'medical_on_behalf'
            ? ('posted' as const)
            : ('payable' as const),
        wait_reason: l.waitReason ?? null,
        run_id: runId,
        region_code: l.regionCode,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['person_id', 'period', 'purpose']).doNothing())
    .returning(['id', 'claim_id', 'person_id', 'purpose', 'amount_fen', 'status'])
    .execute();
  return settleLines(
    trx,
    inserted.map((r) => ({ ...r, amountFen: r.amount_fen, claimId: r.claim_id, personId: r.person_id })),
    { period, by, at },
  );
}

/** Pays lines already written as payable or posted (a run's, or waiting ones released); returns their final status. */
export async function settleLines(
  trx: Transaction<Database>,
  rows: readonly {
    id: number;
    claimId: number;
    personId: number;
    purpose: BenefitLinePurpose;
    amountFen: Fen;
    status: BenefitLineStatus;
  }[],
  context: { period: Period; by: string; at: Date },
): Promise<PaidLine[]> {
  const { period, by, at } = context;
  const posted = rows.filter((r) => r.status === 'posted').map((r) => ({ benefitPaymentId: r.id, amountFen: r.amountFen, r }));
  await postLivingGuaranteeMany(
    trx,
    posted.map(({ r, ...line }) => ({ ...line, memo: `${period} ${benefitLinePurposeLabels[r.purpose]}` })),
    by,
    at,
  );
  await postPayoutLineReleases(trx, posted, by, at);
  const toPay = rows.filter((r) => r.status === 'payable' && r.purpose !== 'medical_on_behalf');
  const paid = await createPersonPayments(
    trx,
    toPay.map((row) => ({
      purpose: paymentPurposeOf[row.purpose as keyof typeof paymentPurposeOf],
      decision: `benefit-claim:${row.claimId}:${period}`,
      personId: row.personId,
      amountFen: row.amountFen,
      round: period.slice(0, 4),
      by,
      at,
    })),
  );
  const outcome = new Map(toPay.map((row, i) => [row.id, paid[i]!]));
  await recordOutcomes(trx, [...outcome], at);
  return rows.map((row) => {
    const result = outcome.get(row.id);
    const status = result && 'held' in result ? ('waiting' as const) : row.status;
    return { id: row.id, claimId: row.claimId, purpose: row.purpose, amountFen: row.amountFen, status };
  });
}

/** Links each line to its payment, or leaves it waiting with why the machinery held it: one statement each. */
async function recordOutcomes(trx: Transaction<Database>, outcomes: [number, PersonPaymentResult][], at: Date): Promise<void> {
  const linked = outcomes.flatMap(([id, r]) => ('held' in r ? [] : [sql`(${id}::bigint, ${r.paymentId}::bigint)`]));
  if (linked.length) {
    await sql`UPDATE benefit_payments b SET payment_id = v.payment_id, updated_at = ${at}
      FROM (VALUES ${sql.join(linked)}) AS v(id, payment_id) WHERE b.id = v.id`.execute(trx);
  }
  const held = outcomes.flatMap(([id, r]) => ('held' in r ? [sql`(${id}::bigint, ${r.held}::text)`] : []));
  if (held.length) {
    await sql`UPDATE benefit_payments b SET status = 'waiting', wait_reason = v.reason, updated_at = ${at}
      FROM (VALUES ${sql.join(held)}) AS v(id, reason) WHERE b.id = v.id`.execute(trx);
  }
}
