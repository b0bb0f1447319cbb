// A second person checks each skill-subsidy decision (鲁人社发〔2024〕8号 第八条：健全审核机制): approve — an eligible
// grant is recorded among the person's subsidies and paid to their social security card account under the key
// (grant, purpose, person), a refusal becomes final — or return it with a note (a decision that needs review can
// only be returned: the data must be put right and the person apply again). Everything in one transaction with its
// audit entry; the submitter cannot review their own application (also a database CHECK).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { SkillApplicationState } from '../../adapters/store/schema-skill-subsidy.ts';
import { assertDifferentPerson } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { skillApplicationStateLabels } from '../../domain/vocabulary/skill-subsidy.ts';
import { yearOf } from '../../policy/core/dates.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { createPersonPayment } from '../payments/create-person-payment.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface SkillReviewRequest {
  applicationId: number;
  /** The reviewer's name. */
  by: string;
  /** Required when returning. */
  note?: string;
  clock: Clock;
}

export interface SkillReviewResult {
  applicationId: number;
  state: SkillApplicationState;
  paymentId: number | null;
  /** Why an approved grant could not be paid yet (e.g. no social security card account). */
  paymentHeld?: string;
}

type Trx = Transaction<Database>;

/** The grant's payment (once per person, occupation and level); a held payment is retried by payApprovedSkillGrants. */
async function payGrant(
  trx: Trx,
  application: {
    id: number;
    person_id: number;
    occupation_code: string;
    level: number;
    amount_fen: number;
    application_date: string;
  },
  by: string,
  at: Date,
) {
  const result = await createPersonPayment(trx, {
    purpose: 'skill_subsidy',
    decision: `skill-grant:${application.occupation_code}:${application.level}`,
    personId: application.person_id,
    amountFen: application.amount_fen,
    round: String(yearOf(application.application_date)),
    by,
    at,
  });
  if ('held' in result) return { paymentId: null, paymentHeld: result.held };
  await trx
    .updateTable('skill_subsidy_applications')
    .set({ payment_id: result.paymentId })
    .where('id', '=', application.id)
    .execute();
  return { paymentId: result.paymentId };
}

async function review(
  db: Kysely<Database>,
  request: SkillReviewRequest,
  outcome: 'approve' | 'return',
): Promise<SkillReviewResult> {
  const note = request.note?.trim() || null;
  if (outcome === 'return' && !note) throw new Refusal('INVALID', '退回申请须填写退回意见');
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const application = await trx
      .selectFrom('skill_subsidy_applications')
      .selectAll()
      .where('id', '=', request.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!application) throw new Refusal('NOT_FOUND', `技能提升补贴申请 ${request.applicationId} 不存在`);
    if (application.state !== 'submitted') {
      throw new Refusal(
        'CONFLICT',
        `技能提升补贴申请 ${request.applicationId} ${skillApplicationStateLabels[application.state]}，不能再次审核`,
      );
    }
    assertDifferentPerson(application.submitted_by, request.by);
    if (outcome === 'approve' && application.status === 'needs_review') {
      throw new Refusal('CONFLICT', '该申请的判定结果为需人工核实，请核实数据后退回，由申请人重新申请');
    }
    const at = request.clock.now();
    const state: SkillApplicationState = outcome === 'approve' ? 'approved' : 'returned';
    await trx
      .updateTable('skill_subsidy_applications')
      .set({ state, reviewed_by: request.by, reviewed_at: at, review_note: note })
      .where('id', '=', application.id)
      .execute();
    let paid: { paymentId: number | null; paymentHeld?: string } = { paymentId: null };
    if (state === 'approved' && application.status === 'eligible') {
      await trx
        .insertInto('subsidy_grants')
        .values({
          person_id: application.person_id,
          type: 'skill_subsidy',
          occupation_code: application.occupation_code,
          level: application.level,
          granted_on: request.clock.today(),
          amount_fen: application.amount_fen,
          region_code: application.region_code,
          created_by: request.by,
          created_at: at,
        })
        .execute();
      paid = await payGrant(trx, application, request.by, at);
    }
    await appendAudit(trx, {
      actor: request.by,
      action: `skill_subsidy.${outcome}`,
      subject: `skill_subsidy_application:${application.id}`,
      at,
      detail: { ...(note && { note }), status: application.status, amountFen: application.amount_fen, paymentId: paid.paymentId },
    });
    return { applicationId: application.id, state, ...paid };
  });
}

export function approveSkillApplication(db: Kysely<Database>, request: SkillReviewRequest): Promise<SkillReviewResult> {
  return review(db, request, 'approve');
}

export function returnSkillApplication(db: Kysely<Database>, request: SkillReviewRequest): Promise<SkillReviewResult> {
  return review(db, request, 'return');
}

/** Pays every approved eligible grant still without a payment (held before, e.g. the account was registered since). */
export async function payApprovedSkillGrants(
  db: Kysely<Database>,
  request: { by: string; clock: Clock },
): Promise<{ paid: number; held: number }> {
  const waiting = await db
    .selectFrom('skill_subsidy_applications')
    .select('id')
    .where('state', '=', 'approved')
    .where('status', '=', 'eligible')
    .where('payment_id', 'is', null)
    .orderBy('id')
    .execute();
  let paid = 0;
  for (const { id } of waiting) {
    const result = await db.transaction().execute(async (trx) => {
      const application = await trx
        .selectFrom('skill_subsidy_applications')
        .selectAll()
        .where('id', '=', id)
        .where('payment_id', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      return application ? payGrant(trx, application, request.by, request.clock.now()) : { paymentId: null };
    });
    if (result.paymentId !== null) paid += 1;
  }
  return { paid, held: waiting.length - paid };
}
