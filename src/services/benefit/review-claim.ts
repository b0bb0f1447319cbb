// Maker-checker on benefit claims (鲁人社发〔2024〕8号 第八条：健全审核机制): a reviewer other than the submitter
// approves an eligible claim — which lays out its monthly schedule — or returns it with a note. Only an eligible
// decision can be approved, so no approval pays more than the rule allows.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { assertDifferentPerson } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { benefitClaimStatusLabels } from '../../domain/vocabulary/benefit.ts';
import { addDays, addPeriods, firstDayOf } from '../../policy/core/dates.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface ReviewClaim {
  claimId: number;
  outcome: 'approve' | 'return';
  by: string;
  note?: string;
  clock: Clock;
}

export async function reviewBenefitClaim(
  db: Kysely<Database>,
  request: ReviewClaim,
): Promise<{ claimId: number; status: 'approved' | 'returned'; months: number }> {
  const { claimId, outcome, by, clock } = request;
  const note = request.note?.trim() || null;
  if (outcome === 'return' && !note) throw new Refusal('INVALID', '退回申领须填写退回意见');
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const claim = await trx.selectFrom('benefit_claims').selectAll().where('id', '=', claimId).forUpdate().executeTakeFirst();
    if (!claim) throw new Refusal('NOT_FOUND', `失业保险金申领 ${claimId} 不存在`);
    if (claim.status !== 'submitted')
      throw new Refusal('CONFLICT', `申领 ${claimId} ${benefitClaimStatusLabels[claim.status]}，不能复核`);
    assertDifferentPerson(claim.submitted_by, by);
    if (outcome === 'approve' && (claim.decision_status !== 'eligible' || claim.max_months <= 0)) {
      throw new Refusal('CONFLICT', '判定结果不是“符合”，不能核准发放；请补正数据后重新申领，或退回');
    }
    const status = outcome === 'approve' ? 'approved' : 'returned';
    await trx
      .updateTable('benefit_claims')
      .set({ status, reviewed_by: by, reviewed_at: clock.now(), review_note: note })
      .where('id', '=', claimId)
      .execute();
    const months = outcome === 'approve' ? claim.max_months : 0;
    if (months > 0) {
      await trx
        .insertInto('benefit_months')
        .values(
          Array.from({ length: months }, (_, i) => ({
            claim_id: claimId,
            person_id: claim.person_id,
            period: addPeriods(claim.first_period, i),
            seq: i + 1,
            status: 'scheduled' as const,
          })),
        )
        .execute();
      await trx
        .insertInto('benefit_periods')
        .values({
          person_id: claim.person_id,
          from_date: firstDayOf(claim.first_period),
          to_date: addDays(firstDayOf(addPeriods(claim.first_period, months)), -1),
          region_code: claim.region_code,
        })
        .onConflict((oc) => oc.columns(['person_id', 'from_date']).doUpdateSet((eb) => ({ to_date: eb.ref('excluded.to_date') })))
        .execute();
    }
    await appendAudit(trx, {
      actor: by,
      action: `benefit_claim.${outcome}`,
      subject: auditSubject.person(claim.person_id),
      at: clock.now(),
      detail: { claimId, months, ...(note && { note }) },
    });
    return { claimId, status, months };
  });
}
