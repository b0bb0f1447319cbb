// What staff and the person see of benefit claims (鲁人社发〔2024〕8号 第五条): the queue with filters (masked ID numbers
// only), and one claim with its decision trace, its monthly schedule and the lines paid for each month.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type {
  BenefitChannel,
  BenefitClaimStatus,
  BenefitLinePurpose,
  BenefitLineStatus,
  BenefitStopReason,
} from '../../domain/benefit.ts';
import type { TraceStep } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';

export interface ClaimFilter {
  status?: BenefitClaimStatus;
  decisionStatus?: 'eligible' | 'ineligible' | 'needs_review';
  regionCodes?: readonly string[];
  personId?: number;
  limit?: number;
}

export interface ClaimRow {
  claimId: number;
  personId: number;
  name: string;
  idNumberMasked: string;
  regionCode: string;
  claimDate: string;
  channel: BenefitChannel;
  status: BenefitClaimStatus;
  decisionStatus: 'eligible' | 'ineligible' | 'needs_review';
  reasons: string[];
  maxMonths: number;
  monthlyFen: Fen;
  firstPeriod: string;
  stopReason: BenefitStopReason | null;
  stoppedFrom: string | null;
}

export async function listClaims(db: Kysely<Database>, filter: ClaimFilter = {}): Promise<ClaimRow[]> {
  let query = db
    .selectFrom('benefit_claims as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.person_id',
      'p.name',
      'p.id_number_masked',
      'c.region_code',
      'c.claim_date',
      'c.channel',
      'c.status',
      'c.decision_status',
      'c.reasons',
      'c.max_months',
      'c.monthly_fen',
      'c.first_period',
      'c.stop_reason',
      'c.stopped_from',
    ])
    .orderBy('c.id', 'desc')
    .limit(filter.limit ?? 500);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.decisionStatus) query = query.where('c.decision_status', '=', filter.decisionStatus);
  if (filter.regionCodes) query = query.where('c.region_code', 'in', filter.regionCodes.length ? [...filter.regionCodes] : ['']);
  if (filter.personId !== undefined) query = query.where('c.person_id', '=', filter.personId);
  return (await query.execute()).map((r) => ({
    claimId: r.id,
    personId: r.person_id,
    name: r.name,
    idNumberMasked: r.id_number_masked,
    regionCode: r.region_code,
    claimDate: r.claim_date,
    channel: r.channel,
    status: r.status,
    decisionStatus: r.decision_status,
    reasons: r.reasons,
    maxMonths: r.max_months,
    monthlyFen: r.monthly_fen,
    firstPeriod: r.first_period,
    stopReason: r.stop_reason,
    stoppedFrom: r.stopped_from,
  }));
}

export interface ClaimDetail extends ClaimRow {
  trace: TraceStep[];
  submittedBy: string;
  reviewedBy: string | null;
  reviewNote: string | null;
  stopNote: string | null;
  schedule: {
    period: string;
    seq: number;
    status: 'scheduled' | 'paid' | 'stopped';
    lines: { purpose: BenefitLinePurpose; amountFen: Fen; status: BenefitLineStatus; waitReason: string | null }[];
  }[];
}

export async function claimDetail(db: Kysely<Database>, claimId: number): Promise<ClaimDetail | undefined> {
  const [row] = await db.selectFrom('benefit_claims').select('person_id').where('id', '=', claimId).execute();
  if (!row) return undefined;
  const base = (await listClaims(db, { personId: row.person_id })).find((c) => c.claimId === claimId)!;
  const claim = await db
    .selectFrom('benefit_claims')
    .select(['trace', 'submitted_by', 'reviewed_by', 'review_note', 'stop_note'])
    .where('id', '=', claimId)
    .executeTakeFirstOrThrow();
  const months = await db
    .selectFrom('benefit_months')
    .select(['period', 'seq', 'status'])
    .where('claim_id', '=', claimId)
    .orderBy('seq')
    .execute();
  const lines = await db
    .selectFrom('benefit_payments')
    .select(['period', 'purpose', 'amount_fen', 'status', 'wait_reason'])
    .where('claim_id', '=', claimId)
    .execute();
  return {
    ...base,
    trace: claim.trace as TraceStep[],
    submittedBy: claim.submitted_by,
    reviewedBy: claim.reviewed_by,
    reviewNote: claim.review_note,
    stopNote: claim.stop_note,
    schedule: months.map((m) => ({
      ...m,
      lines: lines
        .filter((l) => l.period === m.period)
        .map((l) => ({ purpose: l.purpose, amountFen: l.amount_fen, status: l.status, waitReason: l.wait_reason })),
    })),
  };
}
