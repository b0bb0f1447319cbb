// The monthly benefit run (鲁人社发〔2024〕8号 第五条；第八条 优先保障保生活支出): every approved claim scheduled for the
// month, in chunks of persons. Each chunk — stops found in the data, the month's lines (one per person, month and
// purpose under a unique key), the ledger postings, the months marked paid and the run's cursor — is committed in one
// transaction, so a run killed anywhere resumes after its last chunk and pays nothing twice. The run's funds are the
// figure given for it, else the funds available (fund/funds-available.ts: the payout account's balance once money
// arriving is recorded, else the dated parameter), fixed when the run opens. When they do not cover a line it waits
// with its reason and is released when money arrives (release-waiting-lines.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { benefitWaitReasons } from '../../domain/vocabulary/benefit.ts';
import { isValidPeriod, type Period } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { allocateByPriority } from '../../policy/benefit/living-guarantee-priority.ts';
import { Refusal } from '../../domain/refusal.ts';
import { fundsAvailable, type FundsAvailable } from '../fund/funds-available.ts';
import { regionScope } from '../screening/region-scope.ts';
import { markMonthsPaid } from './months-paid.ts';
import { monthLines } from './month-lines.ts';
import { payLines } from './pay-lines.ts';
import { applyDataStops } from './stops.ts';

type Trx = Transaction<Database>;

export interface BenefitRunProgress {
  done: number;
  total: number;
}

export interface BenefitRunRequest {
  period: Period;
  /** The city whose fund pays (its districts' claims). */
  regionCode: string;
  /** Funds available to this run; absent: the payout account's balance, else the dated parameter. */
  availableFen?: Fen;
  by: string;
  params: ParameterStore;
  clock: Clock;
  chunkSize?: number;
  onProgress?: (progress: BenefitRunProgress) => void | Promise<void>;
  /** Stop after this many chunks (to resume later). */
  maxChunks?: number;
}

export interface BenefitRunSummary {
  runId: number;
  period: Period;
  status: 'running' | 'finished';
  recipients: number;
  lineCount: number;
  waitingCount: number;
  stoppedCount: number;
  totalFen: Fen;
  spentFen: Fen;
  /** The funds the run was given when it opened. */
  availableFen: Fen | null;
}

async function openRun(db: Kysely<Database>, request: BenefitRunRequest, availableFen: Fen): Promise<number> {
  const row = await db
    .insertInto('benefit_runs')
    .values({
      period: request.period,
      region_code: request.regionCode,
      status: 'running',
      available_fen: availableFen,
      started_by: request.by,
      started_at: request.clock.now(),
    })
    .onConflict((oc) => oc.columns(['period', 'region_code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  return (
    await db
      .selectFrom('benefit_runs')
      .select('id')
      .where('period', '=', request.period)
      .where('region_code', '=', request.regionCode)
      .executeTakeFirstOrThrow()
  ).id;
}

interface Due {
  claimId: number;
  personId: number;
  firstPeriod: Period;
  monthlyFen: Fen;
  regionCode: string;
}

/** One chunk in one transaction; false when nothing was left. */
async function runChunk(
  trx: Trx,
  runId: number,
  scope: string[],
  request: BenefitRunRequest,
  chunkSize: number,
): Promise<boolean> {
  const { period, params, by } = request;
  const at = request.clock.now();
  const run = await trx.selectFrom('benefit_runs').selectAll().where('id', '=', runId).forUpdate().executeTakeFirstOrThrow();
  const due: Due[] = await trx
    .selectFrom('benefit_months as m')
    .innerJoin('benefit_claims as c', 'c.id', 'm.claim_id')
    .select([
      'm.claim_id as claimId',
      'm.person_id as personId',
      'c.first_period as firstPeriod',
      'c.monthly_fen as monthlyFen',
      'c.region_code as regionCode',
    ])
    .where('m.period', '=', period)
    .where('m.status', '=', 'scheduled')
    .where('c.status', '=', 'approved')
    .where('c.region_code', 'in', scope)
    .where('m.person_id', '>', run.cursor_person)
    .orderBy('m.person_id')
    .limit(chunkSize)
    .execute();
  if (!due.length) {
    await trx.updateTable('benefit_runs').set({ status: 'finished', finished_at: at }).where('id', '=', runId).execute();
    return false;
  }
  const stopped = await applyDataStops(trx, due, period, by, at);
  const paying = due.filter((d) => !stopped.has(d.claimId));
  const lines = paying.flatMap((d) => monthLines(params, period, d.monthlyFen).map((line) => ({ due: d, line })));
  const available = run.available_fen === null ? Number.MAX_SAFE_INTEGER : run.available_fen - run.spent_fen;
  const decided = lines.flatMap((l, i) =>
    l.line.waitReason ? [] : [{ key: i, priority: 'living_guarantee' as const, amountFen: l.line.amountFen }],
  );
  const short = new Set(allocateByPriority(decided, available).waiting);
  const rows = lines.map(({ due: d, line }, i) => ({
    d,
    line,
    waitReason: line.waitReason ?? (short.has(i) ? benefitWaitReasons.fundsShort : undefined),
  }));
  const inserted = await payLines(
    trx,
    rows.map(({ d, line, waitReason }) => ({
      claimId: d.claimId,
      personId: d.personId,
      regionCode: d.regionCode,
      purpose: line.purpose,
      amountFen: line.amountFen,
      waitReason,
    })),
    { runId, period, by, at },
  );
  const paidBenefit = new Set(inserted.filter((r) => r.purpose === 'benefit' && r.status !== 'waiting').map((r) => r.claimId));
  await markMonthsPaid(trx, period, [...paidBenefit], by, at);
  const spent = inserted.filter((r) => r.status !== 'waiting').reduce((sum, r) => sum + r.amountFen, 0);
  await trx
    .updateTable('benefit_runs')
    .set((eb) => ({
      cursor_person: due[due.length - 1]!.personId,
      recipients: eb('recipients', '+', paidBenefit.size),
      line_count: eb('line_count', '+', inserted.length),
      waiting_count: eb('waiting_count', '+', inserted.filter((r) => r.status === 'waiting').length),
      stopped_count: eb('stopped_count', '+', stopped.size),
      total_fen: eb('total_fen', '+', spent),
      spent_fen: eb('spent_fen', '+', spent),
    }))
    .where('id', '=', runId)
    .execute();
  return true;
}

export async function runBenefitMonth(
  db: Kysely<Database>,
  request: BenefitRunRequest,
): Promise<BenefitRunSummary & { funds: FundsAvailable }> {
  if (!isValidPeriod(request.period)) throw new Refusal('INVALID', '发放月份须为 YYYY-MM');
  const scope = await regionScope(db, request.regionCode);
  const funds = await fundsAvailable(db, request.params, { givenFen: request.availableFen, today: request.clock.today() });
  const runId = await openRun(db, request, funds.availableFen);
  const chunkSize = request.chunkSize ?? 1000;
  const total = await countDue(db, request.period, scope);
  let done = 0;
  for (let chunks = 0; request.maxChunks === undefined || chunks < request.maxChunks; chunks++) {
    const more = await db.transaction().execute((trx) => runChunk(trx, runId, scope, request, chunkSize));
    if (!more) break;
    done = Math.min(done + chunkSize, total);
    await request.onProgress?.({ done, total });
  }
  return { ...(await runSummary(db, runId)), funds };
}

async function countDue(db: Kysely<Database>, period: Period, scope: string[]): Promise<number> {
  const row = await db
    .selectFrom('benefit_months as m')
    .innerJoin('benefit_claims as c', 'c.id', 'm.claim_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.period', '=', period)
    .where('m.status', '=', 'scheduled')
    .where('c.status', '=', 'approved')
    .where('c.region_code', 'in', scope)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function runSummary(db: Kysely<Database>, runId: number): Promise<BenefitRunSummary> {
  const r = await db.selectFrom('benefit_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  return {
    runId,
    period: r.period,
    status: r.status,
    recipients: r.recipients,
    lineCount: r.line_count,
    waitingCount: r.waiting_count,
    stoppedCount: r.stopped_count,
    totalFen: r.total_fen,
    spentFen: r.spent_fen,
    availableFen: r.available_fen,
  };
}
