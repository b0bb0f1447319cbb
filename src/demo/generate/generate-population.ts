// `generatePopulation`: a deterministic synthetic population (units, their ledger, people and their records) for a
// demo, a city or a province, streamed through the BulkWriter port in chunks so memory stays flat.
import { setImmediate } from 'node:timers/promises';
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

export interface GenerateSettings {
  scale: ScaleName | ScaleSpec;
  /** A non-negative safe integer; the same seed gives the same rows (ciphertexts aside: they use random IVs). */
  seed: number;
  cipher: FieldCipher;
  /** Contribution rates, size standard and subsidy amounts the data follows. */
  params: ParameterStore;
  /** Called after each chunk for `units` and `persons`. */
  onProgress?: (table: 'units' | 'persons', done: number, total: number) => void;
  /**
   * Units 0…resumeFrom−1 were written by an earlier, interrupted run: they are replayed for the person numbers and ID
   * numbers they take, not written, so the rows that follow are the ones an uninterrupted run writes.
   */
  resumeFrom?: number;
}

/** Where the rows go: one writer for everything, or a transaction per chunk of units, each committed before the next. */
export type ChunkTransaction = (work: (writer: BulkWriter) => Promise<void>) => Promise<void>;
export type GenerateOptions = GenerateSettings & ({ writer: BulkWriter } | { chunkTransaction: ChunkTransaction });

/** Units per chunk, and the buffered rows at which a chunk is written early (a few large units with people). */
const CHUNK_UNITS = 1_000;
const FLUSH_ROWS = 200_000;
/** While a chunk is written, generation gives the event loop a turn every this many units. */
const YIELD_UNITS = 20;

class TableBuffer {
  private rows = new Map<GeneratedTable, CellValue[][]>();
  private pending = 0;
  private writing: Promise<void> = Promise.resolve();
  /** A chunk is being written: generation yields now and then so its rows reach the database meanwhile. */
  busy = false;
  readonly counts = Object.fromEntries(GENERATED_TABLES.map((t) => [t, 0])) as GenerationCounts;

  constructor(private readonly transaction: ChunkTransaction) {}

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

  /**
   * Hands the buffered chunk to the writer once the previous chunk is written, and returns without waiting for it:
   * the next chunk is generated while this one is written (chunks still commit one after another, in order).
   */
  async flush(): Promise<void> {
    await this.drain();
    const chunk = this.rows;
    this.rows = new Map();
    this.pending = 0;
    this.writing = this.write(chunk).finally(() => (this.busy = false));
    this.writing.catch(() => {}); // rethrown by the next flush or drain
    this.busy = true;
  }

  /** Waits for the chunk being written. */
  drain(): Promise<void> {
    return this.writing;
  }

  private async write(chunk: Map<GeneratedTable, CellValue[][]>): Promise<void> {
    await this.transaction(async (writer) => {
      for (const table of GENERATED_TABLES) {
        const rows = chunk.get(table);
        if (rows?.length) await writer.copyRows(table, COLUMNS[table], rows);
      }
    });
    for (const [table, rows] of chunk) this.counts[table] += rows.length;
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
  const writer = 'writer' in options ? options.writer : undefined;
  const out = new TableBuffer(
    writer ? (work) => work(writer) : (options as { chunkTransaction: ChunkTransaction }).chunkTransaction,
  );
  const resumeFrom = options.resumeFrom ?? 0;
  let nextPersonId = 1;

  for (let i = 0; i < spec.units; i++) {
    if (out.busy && i % YIELD_UNITS === 0) await setImmediate();
    const plan = planUnit(ctx, i);
    const withPeople = hasPeople(plan, share);
    if (i < resumeFrom) {
      // Written already: only the people's numbers and ID numbers carry over to the units that follow.
      if (withPeople) {
        unitOf(ctx, plan, true, nextPersonId, ids, cipher);
        nextPersonId += plan.persons;
      }
      continue;
    }
    for (const [table, rows] of unitOf(ctx, plan, withPeople, nextPersonId, ids, cipher)) out.add(table, rows);
    if (withPeople) nextPersonId += plan.persons;

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
  await out.drain();
  return out.counts;
}

/** One unit's rows, table by table: its record, flags and ledger, and its people when `withPeople`. */
function unitOf(
  ctx: GenerationContext,
  plan: UnitPlan,
  withPeople: boolean,
  firstPersonId: number,
  ids: IdNumberAllocator,
  cipher: FieldCipher,
): [GeneratedTable, CellValue[][]][] {
  const unit = unitRows(ctx, plan, unitIdentity(ctx, plan), cipher);
  const ledgerRng = ctx.rng(Stream.ledger, plan.index);
  const staffing = staffingOf(plan, ledgerRng);
  const averageBase = unitAverageBaseFen(ledgerRng, plan);
  const peopleRng = ctx.rng(Stream.people, plan.index);
  const monthlyFen = withPeople
    ? Array.from({ length: plan.persons }, () => monthlyContributionFen(ctx, personBaseFen(peopleRng, averageBase)))
    : [];
  const perHead = monthlyContributionFen(ctx, averageBase);
  const dues = withPeople ? duesOf(staffing, (p) => monthlyFen[p]!) : staffing.counts.map((n) => n * perHead);
  const payments = paymentsOf(ledgerRng, plan, staffing, dues);
  const tables: [GeneratedTable, CellValue[][]][] = [
    ['units', [unit.unit]],
    ['unit_flags', unit.flags],
    ['unit_contribution_months', contributionMonthRows(plan, staffing, dues)],
    ['unit_payments', payments.rows],
    ['unit_headcounts', headcountRows(plan, staffing)],
  ];
  if (!withPeople) return tables;
  const { rows, spells } = peopleOf({
    ctx,
    plan,
    staffing,
    settledOn: payments.settledOn,
    monthlyFen,
    firstPersonId,
    ids,
    cipher,
    rng: peopleRng,
  });
  for (const [table, list] of Object.entries(rows)) tables.push([table as GeneratedTable, list]);
  if (plan.laborDispatch) tables.push(['dispatch_placements', placementsOf(ctx, peopleRng, plan, spells)]);
  return tables;
}
