// Generates a population into an opened store and moves the identity sequences past the ids it supplied, either in
// one transaction (`wengang generate`: a crash leaves nothing half-written) or one transaction per chunk of units
// (the benchmarks' large populations: an interrupted run leaves whole chunks, and the next run continues after the
// last unit written, with the rows an uninterrupted run gives for the same seed and scale).
import type { BulkWriter } from '../../domain/ports/bulk-writer.ts';
import { generatePopulation, type GenerateSettings, type GenerationCounts } from './generate-population.ts';

/** What the generator needs of a store (the Kysely store in src/adapters/store/ provides it). */
export interface GenerationTarget {
  bulkTransaction<T>(work: (bulk: BulkWriter) => Promise<T>): Promise<T>;
  resetIdentity(table: 'units' | 'persons'): Promise<void>;
  /** How many rows the table holds (for units: how far an earlier run got). */
  countRows(table: 'units'): Promise<number>;
}

async function resetIdentities(store: GenerationTarget): Promise<void> {
  await store.resetIdentity('units');
  await store.resetIdentity('persons');
}

export async function generateIntoStore(store: GenerationTarget, options: GenerateSettings): Promise<GenerationCounts> {
  const counts = await store.bulkTransaction((writer) => generatePopulation({ ...options, writer }));
  await resetIdentities(store);
  return counts;
}

/** Chunk by chunk, after the units already in the store; counts are of the rows this call wrote. */
export async function resumeIntoStore(store: GenerationTarget, options: GenerateSettings): Promise<GenerationCounts> {
  const resumeFrom = await store.countRows('units');
  const counts = await generatePopulation({ ...options, resumeFrom, chunkTransaction: (work) => store.bulkTransaction(work) });
  await resetIdentities(store);
  return counts;
}
