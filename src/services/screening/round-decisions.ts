// The round's current decisions: for each unit's case, the decision it stands on (a later regional run may have
// re-decided some units). Filtered by status, region, reason, size and amount; listed page by page with masked credit
// codes, or read through in unit order for an export; one unit's with its full trace (rebuilt: decision-trace.ts).
import { sql, type Kysely } from 'kysely';
import type { Database, EnterpriseSize } from '../../adapters/store/schema.ts';
import type { Status } from '../../policy/core/decision.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { maskCreditCode } from '../../domain/masking.ts';
import { stateLabel, type RefundCaseState } from '../../domain/refund-case.ts';
import { decisionTrace, type DecisionTrace } from './decision-trace.ts';
import { regionScope } from './region-scope.ts';

export interface DecisionCriteria {
  status?: Status;
  /** The region and every area under it. */
  region?: string;
  reason?: string;
  size?: EnterpriseSize;
  /** Inclusive bounds of the decided amount. */
  minAmountFen?: Fen;
  maxAmountFen?: Fen;
}

export interface DecisionFilter extends DecisionCriteria {
  page: number;
  pageSize: number;
}

export interface DecisionListItem {
  unitId: number;
  unitName: string;
  creditCodeMasked: string;
  regionCode: string;
  caseState: RefundCaseState;
  caseStateLabel: string;
  runId: number;
  status: Status;
  amountFen: Fen;
  amountYuan: string;
  reasons: string[];
  size: string | null;
  layoffRate: string | null;
}

export interface UnitDecisionDetail extends DecisionListItem, DecisionTrace {
  baseFen: Fen;
  ratioBp: number | null;
  sizeClass: string | null;
  fullMonths: number | null;
  layoffs: number | null;
  payTo: string | null;
  asOf: string;
  inputHash: string;
  policyVersion: string;
}

function caseDecisions(db: Kysely<Database>, round: string) {
  return db
    .selectFrom('refund_cases as c')
    .innerJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .where('c.round', '=', round);
}

type Row = {
  unit_id: number;
  name: string;
  credit_code: string;
  region_code: string;
  state: RefundCaseState;
  run_id: number;
  status: Status;
  amount_fen: Fen;
  reasons: string[];
  size: string | null;
  layoff_rate: string | null;
};

function listItem(r: Row): DecisionListItem {
  return {
    unitId: r.unit_id,
    unitName: r.name,
    creditCodeMasked: maskCreditCode(r.credit_code),
    regionCode: r.region_code,
    caseState: r.state,
    caseStateLabel: stateLabel(r.state),
    runId: r.run_id,
    status: r.status,
    amountFen: r.amount_fen,
    amountYuan: formatYuan(r.amount_fen),
    reasons: r.reasons,
    size: r.size,
    layoffRate: r.layoff_rate,
  };
}

const LIST_COLUMNS = [
  'c.unit_id',
  'u.name',
  'u.credit_code',
  'c.region_code',
  'c.state',
  'c.run_id',
  'd.status',
  'd.amount_fen',
  'd.reasons',
  'd.size',
  'd.layoff_rate',
] as const;

async function matching(db: Kysely<Database>, round: string, criteria: DecisionCriteria) {
  let q = caseDecisions(db, round);
  if (criteria.status) q = q.where('d.status', '=', criteria.status);
  if (criteria.region) q = q.where('c.region_code', 'in', await regionScope(db, criteria.region));
  if (criteria.reason) q = q.where(sql<boolean>`d.reasons @> jsonb_build_array(${criteria.reason}::text)`);
  if (criteria.size) q = q.where('d.size', '=', criteria.size);
  if (criteria.minAmountFen !== undefined) q = q.where('d.amount_fen', '>=', criteria.minAmountFen);
  if (criteria.maxAmountFen !== undefined) q = q.where('d.amount_fen', '<=', criteria.maxAmountFen);
  return q;
}

/** How many of the round's decisions match. */
export async function countRoundDecisions(db: Kysely<Database>, round: string, criteria: DecisionCriteria): Promise<number> {
  const q = await matching(db, round, criteria);
  return Number((await q.select(sql<number>`count(*)::bigint`.as('n')).executeTakeFirstOrThrow()).n);
}

export async function listRoundDecisions(
  db: Kysely<Database>,
  round: string,
  filter: DecisionFilter,
): Promise<{ total: number; items: DecisionListItem[] }> {
  const q = await matching(db, round, filter);
  const [count, rows] = await Promise.all([
    q.select(sql<number>`count(*)::bigint`.as('n')).executeTakeFirstOrThrow(),
    q
      .select(LIST_COLUMNS)
      .orderBy('c.unit_id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), items: rows.map(listItem) };
}

/** Every matching decision in unit order, read in keyset chunks so memory stays flat however many rows match. */
export async function* eachRoundDecision(
  db: Kysely<Database>,
  round: string,
  criteria: DecisionCriteria,
  chunkSize = 2_000,
): AsyncGenerator<DecisionListItem> {
  const q = await matching(db, round, criteria);
  let after = 0;
  for (;;) {
    const rows = await q.select(LIST_COLUMNS).where('c.unit_id', '>', after).orderBy('c.unit_id').limit(chunkSize).execute();
    for (const row of rows) yield listItem(row);
    if (rows.length < chunkSize) return;
    after = rows[rows.length - 1]!.unit_id;
  }
}

/**
 * The decision a unit's case stands on, with its trace (rebuilt with `params` when the run did not store it);
 * undefined when the unit has no case in the round.
 */
export async function unitRoundDecision(
  db: Kysely<Database>,
  params: ParameterStore,
  round: string,
  unitId: number,
): Promise<UnitDecisionDetail | undefined> {
  const r = await caseDecisions(db, round)
    .innerJoin('screening_runs as r', 'r.id', 'c.run_id')
    .select([
      ...LIST_COLUMNS,
      'd.base_fen',
      'd.ratio_bp',
      'd.size_class',
      'd.full_months',
      'd.layoffs',
      'd.pay_to',
      'd.input_hash',
      'd.policy_version',
      'd.trace',
      'r.as_of',
    ])
    .where('c.unit_id', '=', unitId)
    .executeTakeFirst();
  if (!r) return undefined;
  const trace = await decisionTrace(db, params, {
    round,
    asOf: r.as_of,
    unitId,
    trace: r.trace,
    inputHash: r.input_hash,
    policyVersion: r.policy_version,
    stored: {
      status: r.status,
      amountFen: r.amount_fen,
      baseFen: r.base_fen,
      fullMonths: r.full_months,
      layoffs: r.layoffs,
      ratioBp: r.ratio_bp,
      payTo: r.pay_to,
    },
  });
  return {
    ...listItem(r),
    baseFen: r.base_fen,
    ratioBp: r.ratio_bp,
    sizeClass: r.size_class,
    fullMonths: r.full_months,
    layoffs: r.layoffs,
    payTo: r.pay_to,
    asOf: r.as_of,
    inputHash: r.input_hash,
    policyVersion: r.policy_version,
    ...trace,
  };
}
