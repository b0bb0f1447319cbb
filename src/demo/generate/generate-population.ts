// `generatePopulation`: a deterministic synthetic population (units, their ledger, people and their records) for a
// demo, a city or a province, streamed through the BulkWriter port in chunks so memory stays flat.
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { BulkWriter, CellValue } from '../../domain/ports/bulk-writer.ts';
import { DEMO_PEOPLE_COUNT, demoPeopleRows, REGISTRATION_COLUMNS } from './demo-people.ts';
import { createContext, Stream, type GenerationContext } from './context.ts';
import { placementsOf, PLACEMENT_COLUMNS } from './dispatch.ts';
import { IdNumberAllocator } from './identifiers.ts';
import {
  CONTRIBUTION_MONTH_COLUMNS,
  contributionMonthRows,
  duesOf,
  HEADCOUNT_COLUMNS,
  headcountRows,
  monthlyContributionFen,
  personBaseFen,
  staffingOf,
  unitAverageBaseFen,
} from './ledger.ts';
import { PAYMENT_COLUMNS, paymentsOf } from './payments.ts';
import {
  BENEFIT_COLUMNS,
  CERTIFICATE_COLUMNS,
  GRANT_COLUMNS,
  PERSON_COLUMNS,
  PERSON_CONTRIBUTION_COLUMNS,
  peopleOf,
  SPELL_COLUMNS,
} from './people.ts';
import { SCALES, type ScaleName, type ScaleSpec } from './scales.ts';
import { planUnit, type UnitPlan } from './unit-plan.ts';
import { UNIT_COLUMNS, UNIT_FLAG_COLUMNS, unitIdentity, unitRows } from './unit-record.ts';

/** Tables in the order their foreign keys allow writing them. */
const COLUMNS = {
  units: UNIT_COLUMNS,
  unit_flags: UNIT_FLAG_COLUMNS,
  persons: PERSON_COLUMNS,
  insurance_spells: SPELL_COLUMNS,
  unit_contribution_months: CONTRIBUTION_MONTH_COLUMNS,
  unit_payments: PAYMENT_COLUMNS,
  unit_headcounts: HEADCOUNT_COLUMNS,
  person_contributions: PERSON_CONTRIBUTION_COLUMNS,
  dispatch_placements: PLACEMENT_COLUMNS,
  certificates: CERTIFICATE_COLUMNS,
  subsidy_grants: GRANT_COLUMNS,
  benefit_periods: BENEFIT_COLUMNS,
  unemployment_registrations: REGISTRATION_COLUMNS,
} as const satisfies Record<string, readonly string[]>;

export type GeneratedTable = keyof typeof COLUMNS;
export const GENERATED_TABLES = Object.keys(COLUMNS) as GeneratedTable[];
export type GenerationCounts = Record<GeneratedTable, number>;

export interface GenerateOptions {
  scale: ScaleName | ScaleSpec;
  /** A non-negative safe integer; the same seed gives the same rows (ciphertexts aside: they use random IVs). */
  seed: number;
  writer: BulkWriter;
  cipher: FieldCipher;
  /** Contribution rates, size standard and subsidy amounts the data follows. */
  params: ParameterStore;
  /** Called after each chunk for `units` and `persons`. */
  onProgress?: (table: 'units' | 'persons', done: number, total: number) => void;
}

/** Units per chunk, and the buffered rows at which a chunk is written early (a few large units with people). */
const CHUNK_UNITS = 1_000;
const FLUSH_ROWS = 200_000;

class TableBuffer {
  private rows = new Map<GeneratedTable, CellValue[][]>();
  private pending = 0;
  readonly counts = Object.fromEntries(GENERATED_TABLES.map((t) => [t, 0])) as GenerationCounts;

  constructor(private readonly writer: BulkWriter) {}

  add(table: GeneratedTable, rows: readonly CellValue[][]): void {
    if (rows.length === 0) return;
    let list = this.rows.get(table);
    if (!list) this.rows.set(table, (list = []));
    for (const row of rows) list.push(row);
    this.pending += rows.length;
  }

  get buffered(): number {
    return this.pending;
  }

  async flush(): Promise<void> {
    for (const table of GENERATED_TABLES) {
      const rows = this.rows.get(table);
      if (!rows?.length) continue;
      await this.writer.copyRows(table, COLUMNS[table], rows);
      this.counts[table] += rows.length;
    }
    this.rows = new Map();
    this.pending = 0;
  }
}

function hasPeople(plan: UnitPlan, share: number): boolean {
  return plan.laborDispatch || plan.peopleDraw < share;
}

/** The share of units whose people are generated: fixed, or what brings the people to about the target. */
function peopleShare(ctx: GenerationContext): number {
  const people = ctx.spec.people;
  if ('unitShare' in people) return people.unitShare;
  let dispatch = 0;
  let others = 0;
  for (let i = 0; i < ctx.spec.units; i++) {
    const plan = planUnit(ctx, i);
    if (plan.laborDispatch) dispatch += plan.persons;
    else others += plan.persons;
  }
  return others === 0 ? 0 : Math.min(1, Math.max(0, (people.persons - dispatch) / others));
}

function countPersons(ctx: GenerationContext, share: number): number {
  let total = 0;
  for (let i = 0; i < ctx.spec.units; i++) {
    const plan = planUnit(ctx, i);
    if (hasPeople(plan, share)) total += plan.persons;
  }
  return total;
}

export async function generatePopulation(options: GenerateOptions): Promise<GenerationCounts> {
  const { seed, cipher } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const spec = typeof options.scale === 'string' ? SCALES[options.scale] : options.scale;
  const ctx = createContext(spec, seed, options.params);
  const share = peopleShare(ctx);
  const personsTotal = countPersons(ctx, share) + (spec.demoPeople ? DEMO_PEOPLE_COUNT : 0);
  const ids = new IdNumberAllocator();
  const out = new TableBuffer(options.writer);
  let nextPersonId = 1;

  for (let i = 0; i < spec.units; i++) {
    const plan = planUnit(ctx, i);
    const unit = unitRows(ctx, plan, unitIdentity(ctx, plan), cipher);
    out.add('units', [unit.unit]);
    out.add('unit_flags', unit.flags);

    const ledgerRng = ctx.rng(Stream.ledger, i);
    const staffing = staffingOf(plan, ledgerRng);
    const averageBase = unitAverageBaseFen(ledgerRng, plan);
    const withPeople = hasPeople(plan, share);
    const peopleRng = ctx.rng(Stream.people, i);
    const monthlyFen = withPeople
      ? Array.from({ length: plan.persons }, () => monthlyContributionFen(ctx, personBaseFen(peopleRng, averageBase)))
      : [];
    const perHead = monthlyContributionFen(ctx, averageBase);
    const dues = withPeople ? duesOf(staffing, (p) => monthlyFen[p]!) : staffing.counts.map((n) => n * perHead);
    const payments = paymentsOf(ledgerRng, plan, staffing, dues);
    out.add('unit_contribution_months', contributionMonthRows(plan, staffing, dues));
    out.add('unit_payments', payments.rows);
    out.add('unit_headcounts', headcountRows(plan, staffing));

    if (withPeople) {
      const { rows, spells } = peopleOf({
        ctx,
        plan,
        staffing,
        settledOn: payments.settledOn,
        monthlyFen,
        firstPersonId: nextPersonId,
        ids,
        cipher,
        rng: peopleRng,
      });
      for (const [table, list] of Object.entries(rows)) out.add(table as GeneratedTable, list);
      if (plan.laborDispatch) out.add('dispatch_placements', placementsOf(ctx, peopleRng, plan, spells));
      nextPersonId += plan.persons;
    }

    const last = i === spec.units - 1;
    if (last && spec.demoPeople) {
      for (const [table, list] of Object.entries(demoPeopleRows(ctx, nextPersonId, cipher)))
        out.add(table as GeneratedTable, list);
      nextPersonId += DEMO_PEOPLE_COUNT;
    }
    if (last || (i + 1) % CHUNK_UNITS === 0 || out.buffered >= FLUSH_ROWS) {
      await out.flush();
      options.onProgress?.('units', i + 1, spec.units);
      options.onProgress?.('persons', nextPersonId - 1, personsTotal);
    }
  }
  return out.counts;
}
