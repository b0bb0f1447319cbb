// The risk-hit queue and one hit's detail: who it is about (masked), the rule, the evidence, the work done on it and
// whether it holds payments now. Regions limit what a staff member sees (their scope), as everywhere else.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import {
  riskRuleLabels,
  type RiskHitStatus,
  type RiskRuleCode,
  type RiskSeverity,
  type RiskStage,
} from '../../domain/vocabulary/risk.ts';
import type { Fen } from '../../policy/core/money.ts';
import { Refusal } from '../../domain/refusal.ts';
import { regionAndDistricts } from '../scope/region-and-districts.ts';
import { riskRules } from './rules/index.ts';

export interface HitFilter {
  status?: RiskHitStatus;
  ruleCode?: string;
  /** Only hits in these regions (a staff member's scope); all when absent. */
  regionCodes?: readonly string[];
  /** Only hits of this region and the districts under it (a district account names its own). */
  withinRegion?: string;
  limit?: number;
}

export interface HitView {
  id: number;
  ruleCode: string;
  stage: RiskStage;
  severity: RiskSeverity;
  status: RiskHitStatus;
  regionCode: string;
  regionName: string;
  subjectKind: 'unit' | 'person';
  /** The unit's credit code or the person's masked ID number. */
  subjectKey: string;
  subjectName: string;
  paymentId: number | null;
  amountFen: Fen | null;
  hold: boolean;
  evidence: Record<string, unknown>;
  proposal: 'clear' | 'confirm' | null;
  proposalNote: string | null;
  proposedBy: string | null;
  decidedBy: string | null;
  recoveryFen: Fen | null;
  repaidFen: Fen;
  foundAt: Date;
}

function hitQuery(db: Kysely<Database>) {
  return db
    .selectFrom('risk_hits as h')
    .innerJoin('regions as r', 'r.code', 'h.region_code')
    .leftJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('persons as p', 'p.id', 'h.person_id')
    .select([
      'h.id',
      'h.rule_code',
      'h.stage',
      'h.severity',
      'h.status',
      'h.region_code',
      'r.name as region_name',
      'h.payment_id',
      'h.amount_fen',
      'h.hold',
      'h.evidence',
      'h.proposal',
      'h.proposal_note',
      'h.proposed_by',
      'h.decided_by',
      'h.recovery_fen',
      'h.repaid_fen',
      'h.created_at',
      'u.credit_code',
      'u.name as unit_name',
      'p.id_number_masked',
      'p.name as person_name',
    ]);
}

/** Whether a hit holds its subject's payments now: a holding rule's hit until it is cleared or recovered. */
export function holdsNow(hold: boolean, status: RiskHitStatus): boolean {
  return hold && ['open', 'proposed', 'confirmed'].includes(status);
}

type Row = Awaited<ReturnType<ReturnType<typeof hitQuery>['executeTakeFirstOrThrow']>>;

function viewOf(r: Row): HitView {
  const isUnit = r.credit_code !== null;
  return {
    id: r.id,
    ruleCode: r.rule_code,
    stage: r.stage,
    severity: r.severity,
    status: r.status,
    regionCode: r.region_code,
    regionName: r.region_name,
    subjectKind: isUnit ? 'unit' : 'person',
    subjectKey: (isUnit ? r.credit_code : r.id_number_masked) ?? '',
    subjectName: (isUnit ? r.unit_name : r.person_name) ?? '',
    paymentId: r.payment_id,
    amountFen: r.amount_fen,
    hold: holdsNow(r.hold, r.status),
    evidence: r.evidence as Record<string, unknown>,
    proposal: r.proposal,
    proposalNote: r.proposal_note,
    proposedBy: r.proposed_by,
    decidedBy: r.decided_by,
    recoveryFen: r.recovery_fen,
    repaidFen: r.repaid_fen,
    foundAt: r.created_at,
  };
}

export async function listHits(db: Kysely<Database>, filter: HitFilter = {}): Promise<HitView[]> {
  let query = hitQuery(db)
    .orderBy(sql`CASE h.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`)
    .orderBy('h.id')
    .limit(filter.limit ?? 500);
  if (filter.status) query = query.where('h.status', '=', filter.status);
  if (filter.ruleCode) query = query.where('h.rule_code', '=', filter.ruleCode);
  if (filter.withinRegion)
    query = query.where(sql<boolean>`${sql.ref('h.region_code')} IN ${regionAndDistricts(filter.withinRegion)}`);
  if (filter.regionCodes) query = query.where('h.region_code', 'in', filter.regionCodes.length ? [...filter.regionCodes] : ['']);
  return (await query.execute()).map(viewOf);
}

export async function hitDetail(
  db: Kysely<Database>,
  hitId: number,
  regionCodes?: readonly string[],
): Promise<
  HitView & {
    ruleText: { label: string; explanation: string; legalBasis: string } | null;
    repayments: { seq: number; amountFen: Fen; receivedOn: string; reference: string; recordedBy: string }[];
  }
> {
  const row = await hitQuery(db).where('h.id', '=', hitId).executeTakeFirst();
  if (!row || (regionCodes && !regionCodes.includes(row.region_code)))
    throw new Refusal('NOT_FOUND', `风险疑点 #${hitId} 不存在`);
  const repayments = await db.selectFrom('risk_repayments').selectAll().where('hit_id', '=', hitId).orderBy('seq').execute();
  const rule = riskRules.get(row.rule_code as RiskRuleCode);
  return {
    ...viewOf(row),
    ruleText: rule ? { label: riskRuleLabels[rule.code], explanation: rule.explanation, legalBasis: rule.legalBasis } : null,
    repayments: repayments.map((r) => ({
      seq: r.seq,
      amountFen: r.amount_fen,
      receivedOn: r.received_on,
      reference: r.reference,
      recordedBy: r.recorded_by,
    })),
  };
}
