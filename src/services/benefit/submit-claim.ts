// A benefit claim with the ID number only (鲁人社发〔2024〕8号 第五条、第七条): from the person portal, a case worker's
// entry screen or the API. The claim is decided at once by the `unemployment-benefit` rule from the store's facts
// and waits for a reviewer. One open claim per person, whichever channel or district it comes from (a unique index).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { BenefitChannel } from '../../domain/benefit.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Decision } from '../../policy/core/decision.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { evaluateUnemploymentBenefit } from '../../policy/unemployment-benefit.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { Refusal } from '../../domain/refusal.ts';
import { claimInput, readClaimFacts, type ClaimFacts } from './claim-facts.ts';

export interface SubmitClaim {
  /** The person: by id (portal session) or by ID number (case worker, API). */
  person: { personId: number } | { idNumber: string; cipher: FieldCipher };
  channel: BenefitChannel;
  /** Who submitted, as written in the record (a staff name, or 个人:<id>). */
  by: string;
  claimDate?: string;
  params: ParameterStore;
  clock: Clock;
}

export interface SubmittedClaim {
  claimId: number;
  decision: Decision;
}

/** The rule's decision, or needs_review when the store holds no separation record to decide from (never "voluntary"). */
function decide(facts: ClaimFacts, params: ParameterStore): Decision {
  const decision = evaluateUnemploymentBenefit(claimInput(facts, `benefit:${facts.personId}:${facts.claimDate}`), params);
  if (facts.registration) return decision;
  return {
    ...decision,
    status: 'needs_review',
    amountFen: 0,
    reasons: ['NO_SEPARATION_RECORD'],
    trace: [
      ...decision.trace.filter((t) => t.step !== 'involuntary' && t.step !== 'registeredUnemployed'),
      {
        step: 'separation',
        value: null,
        passed: null,
        legalBasis: '失业保险条例 第十四条',
        text: '数据库中没有离职及失业登记记录：缺少离职原因和失业登记，需人工复核',
      },
    ],
  };
}

export async function submitBenefitClaim(db: Kysely<Database>, request: SubmitClaim): Promise<SubmittedClaim> {
  const { params, clock } = request;
  const claimDate = request.claimDate ?? clock.today();
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    let personId: number;
    if ('personId' in request.person) personId = request.person.personId;
    else {
      const { idNumber, cipher } = request.person;
      const found = await trx
        .selectFrom('persons')
        .select('id')
        .where('id_number_index', '=', cipher.blindIndex(idNumber.trim().toUpperCase()))
        .executeTakeFirst();
      if (!found) throw new Refusal('NOT_FOUND', '没有该公民身份号码的参保记录，请到最后参保地经办机构核实');
      personId = found.id;
    }
    const facts = await readClaimFacts(trx, personId, claimDate);
    if (!facts) throw new Refusal('NOT_FOUND', '没有该人员的参保记录');
    const decision = decide(facts, params);
    const input = claimInput(facts, `benefit:${personId}:${claimDate}`);
    const inserted = await trx
      .insertInto('benefit_claims')
      .values({
        person_id: personId,
        claim_date: claimDate,
        channel: request.channel,
        status: 'submitted',
        decision_status: decision.status,
        reasons: JSON.stringify(decision.reasons),
        trace: JSON.stringify(decision.trace),
        input: JSON.stringify(input),
        policy_version: params.version,
        contribution_months: input.contributionMonths,
        carried_over_months: input.carriedOverMonths ?? 0,
        max_months: decision.status === 'eligible' ? Number(decision.maxMonths ?? 0) : 0,
        monthly_fen: decision.amountFen,
        first_period: facts.firstPeriod,
        transfer_in_id: facts.transferIn?.id ?? null,
        submitted_by: request.by,
        submitted_at: clock.now(),
        region_code: facts.regionCode,
      })
      .onConflict((oc) => oc.column('person_id').where('status', 'in', ['submitted', 'approved']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new Refusal('CONFLICT', '该人员已有待复核或发放中的失业保险金申领，不能重复申领');
    await appendAudit(trx, {
      actor: request.by,
      action: 'benefit_claim.submit',
      subject: auditSubject.person(personId),
      at: clock.now(),
      detail: { claimId: inserted.id, channel: request.channel, status: decision.status },
    });
    return { claimId: inserted.id, decision };
  });
}
