// The city's pilot spending cap (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条) beside a what-if run: the cap
// from the fund's sealed balance at the ratio in force under the baseline and under the reform (a reform may change
// the ratio too), what is already committed, the headroom left, and whether the run's total fits it.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { yearOf, type IsoDate } from '../../policy/core/dates.ts';
import { applyCapFloor, type Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { spendingCapParameters } from '../../policy/spending-cap.ts';

export interface CapSide {
  capRatioBp: number | null;
  capFen: Fen | null;
  remainingFen: Fen | null;
  /** The side's total refund within the remaining headroom. */
  fits: boolean | null;
}

export interface CapCheck {
  regionCode: string;
  regionName: string;
  year: number;
  sealedBalanceFen: Fen;
  committedFen: Fen;
  baseline: CapSide;
  reform: CapSide;
}

/** The city a run belongs to: its region's city, or the only city with a pilot budget when the run covers everything. */
async function cityOf(
  db: Kysely<Database>,
  regionCode: string | null,
  year: number,
): Promise<{ code: string; name: string } | null> {
  const regions = await db.selectFrom('regions').select(['code', 'name', 'parent_code', 'kind']).execute();
  if (regionCode === null) {
    const funded = await db
      .selectFrom('fund_pilot_budgets')
      .select('region_code')
      .where('level', '=', 'city')
      .where('year', '=', year)
      .execute();
    return funded.length === 1 ? (regions.find((r) => r.code === funded[0]!.region_code) ?? null) : null;
  }
  let region = regions.find((r) => r.code === regionCode);
  while (region && region.kind !== 'city') region = regions.find((r) => r.code === region!.parent_code);
  return region ?? null;
}

function side(sealedBalanceFen: Fen, committedFen: Fen, params: ParameterStore, year: number, totalFen: Fen): CapSide {
  const ratio = params.at(spendingCapParameters, 'capRatioBp', `${year}-01-01`);
  if (!ratio) return { capRatioBp: null, capFen: null, remainingFen: null, fits: null };
  const capFen = applyCapFloor(sealedBalanceFen, ratio.value);
  const remainingFen = Math.max(0, capFen - committedFen);
  return { capRatioBp: ratio.value, capFen, remainingFen, fits: totalFen <= remainingFen };
}

/** null when the run's city has no pilot budget recorded for the year (nothing to hold the total against). */
export async function capCheck(
  db: Kysely<Database>,
  run: { regionCode: string | null; asOf: IsoDate; baselineFen: Fen; reformFen: Fen },
  params: { baseline: ParameterStore; reform: ParameterStore },
): Promise<CapCheck | null> {
  const year = yearOf(run.asOf);
  const city = await cityOf(db, run.regionCode, year);
  if (!city) return null;
  const budget = await db
    .selectFrom('fund_pilot_budgets')
    .selectAll()
    .where('region_code', '=', city.code)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!budget) return null;
  const { sealed_balance_fen: sealed, committed_fen: committed } = budget;
  return {
    regionCode: city.code,
    regionName: city.name,
    year,
    sealedBalanceFen: sealed,
    committedFen: committed,
    baseline: side(sealed, committed, params.baseline, year, run.baselineFen),
    reform: side(sealed, committed, params.reform, year, run.reformFen),
  };
}
