// Stopping benefit (失业保险条例 第十五条；社会保险法 第五十一条；鲁人社发〔2024〕8号 第五条): from the comparison feeds
// (pension, death, imprisonment), from contributions a new unit pays for the person (re-employment), by a case
// worker, by a transfer out, or when the months are used up. A stop is dated (the first month no longer paid); the
// months from then on are marked stopped and are never paid, and the benefit period the skill subsidy reads ends.
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { BenefitStopReason } from '../../domain/benefit.ts';
import { benefitStopReasonLabels } from '../../domain/vocabulary/benefit.ts';
import { addDays, firstDayOf, periodOf, type Period } from '../../policy/core/dates.ts';
import { earliestStop, type StopFact } from '../../policy/benefit/stop-conditions.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';

type Trx = Transaction<Database>;

export interface ClaimToCheck {
  claimId: number;
  personId: number;
  firstPeriod: Period;
}

/** The stop facts of these claims' persons: status events, and contributions after the separation from another unit or a later month. */
async function stopFacts(trx: Trx, claims: readonly ClaimToCheck[]): Promise<Map<number, StopFact[]>> {
  const facts = new Map<number, StopFact[]>(claims.map((c) => [c.personId, []]));
  if (!claims.length) return facts;
  const personIds = claims.map((c) => c.personId);
  const events = await trx
    .selectFrom('person_status_events')
    .select(['person_id', 'kind', 'event_date'])
    .where('person_id', 'in', personIds)
    .execute();
  for (const e of events) facts.get(e.person_id)!.push({ kind: e.kind, date: e.event_date });
  const work = await trx
    .selectFrom('benefit_claims as c')
    .innerJoin('person_contributions as pc', 'pc.person_id', 'c.person_id')
    .leftJoin('unemployment_registrations as r', (j) =>
      j.onRef('r.person_id', '=', 'c.person_id').on('r.separated_on', '<=', sql.ref('c.claim_date')),
    )
    .select(['c.person_id', sql<string>`min(pc.period)`.as('period')])
    .where(
      'c.id',
      'in',
      claims.map((c) => c.claimId),
    )
    .whereRef('pc.period', '>=', 'c.first_period')
    .where((eb) =>
      eb.or([
        eb('r.unit_id', 'is', null),
        eb('pc.unit_id', '<>', eb.ref('r.unit_id')),
        eb('pc.period', '>', sql<string>`to_char(r.separated_on, 'YYYY-MM')`),
      ]),
    )
    .groupBy('c.person_id')
    .execute();
  for (const w of work) facts.get(w.person_id)!.push({ kind: 'reemployed', date: firstDayOf(w.period) });
  return facts;
}

export interface StopRequest {
  claimId: number;
  reason: BenefitStopReason;
  stoppedFrom: Period;
  by: string;
  note?: string;
  at: Date;
}

/** Stops an approved claim from a month on; returns the number of scheduled months stopped. */
export async function stopClaim(trx: Trx, request: StopRequest): Promise<number> {
  const { claimId, reason, stoppedFrom, by, at } = request;
  const claim = await trx
    .updateTable('benefit_claims')
    .set({
      status: reason === 'exhausted' ? 'ended' : 'stopped',
      stop_reason: reason,
      stopped_from: stoppedFrom,
      stop_note: request.note ?? null,
      stopped_by: by,
      stopped_at: at,
    })
    .where('id', '=', claimId)
    .where('status', '=', 'approved')
    .returning(['person_id', 'first_period'])
    .executeTakeFirst();
  if (!claim) return 0;
  const stopped = await trx
    .updateTable('benefit_months')
    .set({ status: 'stopped' })
    .where('claim_id', '=', claimId)
    .where('period', '>=', stoppedFrom)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  const end = addDays(firstDayOf(stoppedFrom), -1);
  await trx
    .updateTable('benefit_periods')
    .set({ to_date: end < firstDayOf(claim.first_period) ? firstDayOf(claim.first_period) : end })
    .where('person_id', '=', claim.person_id)
    .where('from_date', '=', firstDayOf(claim.first_period))
    .execute();
  await appendAudit(trx, {
    actor: by,
    action: 'benefit_claim.stop',
    subject: auditSubject.person(claim.person_id),
    at,
    detail: { claimId, reason, label: benefitStopReasonLabels[reason], stoppedFrom, ...(request.note && { note: request.note }) },
  });
  return Number(stopped.numUpdatedRows);
}

/** Checks the claims against the stop facts and stops those with a stop on or before `period`; returns the stopped claim ids. */
export async function applyDataStops(
  trx: Trx,
  claims: readonly ClaimToCheck[],
  period: Period,
  by: string,
  at: Date,
): Promise<Set<number>> {
  const facts = await stopFacts(trx, claims);
  const stopped = new Set<number>();
  for (const claim of claims) {
    const stop = earliestStop(facts.get(claim.personId) ?? [], claim.firstPeriod);
    if (!stop || stop.stoppedFrom > period) continue;
    await stopClaim(trx, {
      claimId: claim.claimId,
      reason: stop.kind,
      stoppedFrom: stop.stoppedFrom < claim.firstPeriod ? claim.firstPeriod : stop.stoppedFrom,
      by,
      at,
      note: `${benefitStopReasonLabels[stop.kind]}（${stop.date}，${stop.legalBasis}）`,
    });
    stopped.add(claim.claimId);
  }
  return stopped;
}

/** Checks every approved claim (e.g. after a comparison feed is imported), as of today's month. */
export async function applyDataStopsToAll(trx: Trx, today: string, by: string, at: Date): Promise<number> {
  const claims = await trx
    .selectFrom('benefit_claims')
    .select(['id as claimId', 'person_id as personId', 'first_period as firstPeriod'])
    .where('status', '=', 'approved')
    .execute();
  return (await applyDataStops(trx, claims, periodOf(today), by, at)).size;
}
