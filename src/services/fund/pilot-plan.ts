// The implementation plan's filing (备案) with the provincial HR and finance departments (鲁人社发〔2024〕8号 第六条):
// finance records the filing date and document number, a second person (finance or a reviewer) reviews it against
// the filed document. Only a reviewed filing lets commitments be made, from its filing date on.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FundPilotPlansTable } from '../../adapters/store/schema-fund.ts';
import type { PlanStatus } from '../../domain/vocabulary/fund.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { assertDifferentPerson, type Actor } from '../../domain/refund-case.ts';
import { isValidDate, type IsoDate } from '../../policy/core/dates.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName } from '../round/case-transitions.ts';
import { assertFundRecorder, assertPlanReviewer } from './fund-actor.ts';
import { findBudget, type FundKey } from './pilot-budget.ts';

export interface PlanFiling extends FundKey {
  id: number;
  filedOn: IsoDate;
  documentNo: string;
  status: PlanStatus;
  recordedBy: string;
  recordedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

export function planView(row: Selectable<FundPilotPlansTable>): PlanFiling {
  return {
    id: row.id,
    regionCode: row.region_code,
    year: row.year,
    filedOn: row.filed_on,
    documentNo: row.document_no,
    status: row.status,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
  };
}

export interface RecordPlan extends FundKey {
  filedOn: IsoDate;
  documentNo: string;
  actor: Actor;
  clock: Clock;
}

export async function recordPlan(db: Kysely<Database>, request: RecordPlan): Promise<PlanFiling> {
  const { regionCode, year, actor, clock } = request;
  assertFundRecorder(actor);
  const documentNo = request.documentNo.trim();
  if (!documentNo) throw new Refusal('INVALID', '请填写备案文号');
  if (!isValidDate(request.filedOn)) throw new Refusal('INVALID', `备案日期 ${request.filedOn} 不是有效日期`);
  return db.transaction().execute(async (trx) => {
    const budget = await findBudget(trx, request);
    if (budget.level !== 'city') throw new Refusal('INVALID', '省本级项目从省本级历史结余中列支，无须登记市级实施方案备案');
    const inserted = await trx
      .insertInto('fund_pilot_plans')
      .values({
        region_code: regionCode,
        year,
        filed_on: request.filedOn,
        document_no: documentNo,
        status: 'recorded',
        recorded_by: actorName(actor),
        recorded_at: clock.now(),
      })
      .onConflict((oc) => oc.columns(['region_code', 'year']).where('status', '<>', 'rejected').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted)
      throw new Refusal('CONFLICT', `${regionCode} ${year} 年度的实施方案备案已登记（待复核或已备案），不能重复登记`);
    await recordAudit(trx, {
      actor,
      action: 'fund_pilot.record_plan',
      subject: auditSubject.pilotFund(regionCode, year),
      clock,
      detail: { planId: inserted.id, filedOn: request.filedOn, documentNo },
    });
    return planView(inserted);
  });
}

export interface ReviewPlan extends FundKey {
  planId: number;
  outcome: 'approve' | 'reject';
  /** Required when rejecting. */
  note?: string;
  actor: Actor;
  clock: Clock;
}

/** A second person confirms (or rejects, with a note) the recorded filing. */
export async function reviewPlan(db: Kysely<Database>, request: ReviewPlan): Promise<PlanFiling> {
  const { planId, outcome, actor, clock } = request;
  assertPlanReviewer(actor);
  const note = request.note?.trim() || null;
  if (outcome === 'reject' && !note) throw new Refusal('INVALID', '驳回实施方案备案须填写驳回意见');
  return db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('fund_pilot_plans')
      .selectAll()
      .where('id', '=', planId)
      .where('region_code', '=', request.regionCode)
      .where('year', '=', request.year)
      .forUpdate()
      .executeTakeFirst();
    if (!plan) throw new Refusal('NOT_FOUND', `${request.regionCode} ${request.year} 年度没有编号为 ${planId} 的实施方案备案`);
    if (plan.status !== 'recorded') throw new Refusal('CONFLICT', `实施方案备案 #${planId} 已复核，不能再次复核`);
    const by = actorName(actor);
    assertDifferentPerson(plan.recorded_by, by);
    const updated = await trx
      .updateTable('fund_pilot_plans')
      .set({
        status: outcome === 'approve' ? 'reviewed' : 'rejected',
        reviewed_by: by,
        reviewed_at: clock.now(),
        review_note: note,
      })
      .where('id', '=', planId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: `fund_pilot.${outcome}_plan`,
      subject: auditSubject.pilotFund(plan.region_code, plan.year),
      clock,
      detail: { planId, documentNo: plan.document_no, ...(note && { note }) },
    });
    return planView(updated);
  });
}

export async function listPlans(db: Kysely<Database>, key: FundKey): Promise<PlanFiling[]> {
  const rows = await db
    .selectFrom('fund_pilot_plans')
    .selectAll()
    .where('region_code', '=', key.regionCode)
    .where('year', '=', key.year)
    .orderBy('id')
    .execute();
  return rows.map(planView);
}
