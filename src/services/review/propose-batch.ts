// Maker: a case worker proposes a batch of eligible cases for review (鲁人社发〔2024〕8号 第八条：健全审核机制).
// Labour-dispatch units are never screened onto the list: they apply themselves (第三条), and their case may be
// proposed once the application is decided (src/services/dispatch/).
import type { Kysely } from 'kysely';
import type { Database, EnterpriseSize } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { stateLabel } from '../../domain/refund-case.ts';
import { sumFen, type Fen } from '../../policy/core/money.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName, applyCaseTransition } from '../round/case-transitions.ts';
import { regionScope } from '../screening/region-scope.ts';
import { nameList } from './name-list.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface ProposeFilter {
  /** A region and everything under it (a district, a city, the province). */
  regionCode?: string;
  size?: EnterpriseSize;
  maxAmountFen?: Fen;
}

export interface ProposeBatch {
  round: string;
  /** Exactly these units; otherwise every eligible case matching `filter`. */
  unitIds?: readonly number[];
  filter?: ProposeFilter;
  actor: Actor;
  note?: string;
  clock: Clock;
}

export interface ProposedBatch {
  batchId: number;
  unitCount: number;
  totalFen: Fen;
}

type Db = Kysely<Database>;

function candidates(db: Db, round: string) {
  return db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
    .leftJoin('dispatch_applications as a', (join) =>
      join.onRef('a.round', '=', 'c.round').onRef('a.unit_id', '=', 'c.unit_id').on('a.status', '=', 'decided'),
    )
    .select(['c.unit_id', 'c.state', 'c.amount_fen', 'u.name', 'u.labor_dispatch', 'a.id as application_id'])
    .where('c.round', '=', round)
    .orderBy('c.unit_id');
}

/** The listed units' cases; refuses unknown units, dispatch units without a decided application and cases that are not eligible, naming each. */
async function listedCases(db: Db, round: string, unitIds: readonly number[]) {
  const rows = unitIds.length
    ? await candidates(db, round)
        .where('c.unit_id', 'in', [...unitIds])
        .execute()
    : [];
  const found = new Set(rows.map((r) => r.unit_id));
  const unknown = unitIds.filter((id) => !found.has(id));
  if (unknown.length) throw new Refusal('NOT_FOUND', `${round} 年度没有以下单位的案件：${nameList(unknown.map(String))}`);
  const dispatch = rows.filter((r) => r.labor_dispatch && r.application_id === null);
  if (dispatch.length) {
    throw new Refusal(
      'INVALID',
      `劳务派遣单位不适用免申即享，须主动申请且申请已判定（鲁人社发〔2024〕8号 第三条），才能列入复核批次：${nameList(dispatch.map((r) => r.name))}`,
    );
  }
  const notEligible = rows.filter((r) => r.state !== 'eligible');
  if (notEligible.length) {
    throw new Refusal(
      'CONFLICT',
      `以下单位的案件不是「${stateLabel('eligible')}」状态，不能提交复核：${nameList(notEligible.map((r) => `${r.name}（${stateLabel(r.state)}）`))}`,
    );
  }
  return rows;
}

async function filteredCases(db: Db, round: string, filter: ProposeFilter) {
  let query = candidates(db, round)
    .where('c.state', '=', 'eligible')
    .where((eb) => eb.or([eb('u.labor_dispatch', '=', false), eb('a.id', 'is not', null)]));
  const { regionCode, size, maxAmountFen } = filter;
  if (regionCode) query = query.where('c.region_code', 'in', await regionScope(db, regionCode));
  if (size) query = query.where('d.size', '=', size);
  if (maxAmountFen !== undefined) query = query.where('c.amount_fen', '<=', maxAmountFen);
  return query.execute();
}

/** Creates a review batch and moves each of its cases eligible → proposed, all in one transaction. */
export async function proposeBatch(db: Db, request: ProposeBatch): Promise<ProposedBatch> {
  const { round, actor, clock } = request;
  return db.transaction().execute(async (trx) => {
    const cases = request.unitIds
      ? await listedCases(trx, round, request.unitIds)
      : await filteredCases(trx, round, request.filter ?? {});
    if (!cases.length) throw new Refusal('INVALID', '没有符合条件、可提交复核的案件');
    const totalFen = sumFen(cases.map((c) => c.amount_fen));
    const at = clock.now();
    const batch = await trx
      .insertInto('review_batches')
      .values({
        round,
        status: 'proposed',
        unit_count: cases.length,
        total_fen: totalFen,
        note: request.note ?? null,
        proposed_by: actorName(actor),
        proposed_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of cases) {
      await applyCaseTransition(trx, {
        round,
        unitId: c.unit_id,
        action: 'propose',
        actor,
        note: request.note,
        patch: { batch_id: batch.id },
        expectedState: 'eligible',
        at,
      });
    }
    return { batchId: batch.id, unitCount: cases.length, totalFen };
  });
}
