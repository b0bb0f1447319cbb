// A labour-dispatch unit's placements (鲁人社发〔2024〕8号 第三条): its own staff, and workers placed at user units —
// enterprises, and also government agencies and public institutions whose part is not refunded.
import type { OrgType } from '../../policy/core/input-fields.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { GenerationContext } from './context.ts';
import type { PersonSpell } from './people.ts';
import type { Rng } from './prng.ts';
import { planUnit, type UnitPlan } from './unit-plan.ts';
import { unitIdentity, type UnitIdentity } from './unit-record.ts';

export const PLACEMENT_COLUMNS = [
  'dispatch_unit_id',
  'person_id',
  'from_period',
  'to_period',
  'own_staff',
  'user_unit_credit_code',
  'user_unit_name',
  'user_unit_org_type',
  'region_code',
] as const;

/** Placements run to the end of the contract year when the worker is still employed. */
const OPEN_PLACEMENT_END = '2024-12';
const SHARE_OWN_STAFF = 0.25;
const SHARE_AT_AGENCIES = 0.15;
const SHARE_MOVED_IN_2023 = 0.2;
const SEARCH_LIMIT = 500;

type UserUnit = UnitIdentity & { orgType: OrgType };

const isAgency = (orgType: OrgType) => orgType === 'government_agency' || orgType === 'public_institution';

/** Another generated unit of the wanted kind, found by sampling (agencies and institutions are about 3.5%). */
function findUserUnit(ctx: GenerationContext, rng: Rng, dispatch: UnitPlan, agency: boolean): UserUnit | undefined {
  for (let tries = 0; tries < SEARCH_LIMIT; tries++) {
    const index = rng.int(0, ctx.spec.units - 1);
    if (index === dispatch.index) continue;
    const plan = planUnit(ctx, index);
    if (plan.laborDispatch || isAgency(plan.orgType) !== agency) continue;
    return { ...unitIdentity(ctx, plan), orgType: plan.orgType };
  }
  return undefined;
}

function pool(ctx: GenerationContext, rng: Rng, dispatch: UnitPlan, agency: boolean, size: number): UserUnit[] {
  const units: UserUnit[] = [];
  for (let i = 0; i < size; i++) {
    const found = findUserUnit(ctx, rng, dispatch, agency);
    if (found) units.push(found);
  }
  return units;
}

export function placementsOf(
  ctx: GenerationContext,
  rng: Rng,
  dispatch: UnitPlan,
  spells: readonly PersonSpell[],
): CellValue[][] {
  const agencies = pool(ctx, rng, dispatch, true, rng.int(1, 2));
  const enterprises = pool(ctx, rng, dispatch, false, rng.int(2, 8));
  const region = dispatch.region.code;
  const rows: CellValue[][] = [];
  const row = (s: PersonSpell, from: string, to: string, user: UserUnit | null) =>
    rows.push([
      dispatch.id,
      s.personId,
      from,
      to,
      user === null,
      user?.creditCode ?? null,
      user?.name ?? null,
      user?.orgType ?? null,
      region,
    ]);
  const pickUser = () => (agencies.length && rng.chance(SHARE_AT_AGENCIES) ? rng.pick(agencies) : rng.pick(enterprises));
  for (const spell of spells) {
    const to = spell.to ?? OPEN_PLACEMENT_END;
    if (enterprises.length === 0 || rng.chance(SHARE_OWN_STAFF)) {
      row(spell, spell.from, to, null);
      continue;
    }
    const moved = `2023-${String(rng.int(2, 12)).padStart(2, '0')}`;
    if (rng.chance(SHARE_MOVED_IN_2023) && moved > spell.from && moved <= to) {
      const first = pickUser();
      row(spell, spell.from, `2023-${String(Number(moved.slice(5)) - 1).padStart(2, '0')}`, first);
      row(spell, moved, to, pickUser());
    } else {
      row(spell, spell.from, to, pickUser());
    }
  }
  return rows;
}
