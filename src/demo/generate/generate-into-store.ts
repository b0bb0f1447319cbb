// Generates a population into an opened store, one transaction per chunk of units: an interrupted run leaves whole
// chunks, and the next run continues after the last unit written (the same seed and scale give the same rows as one
// uninterrupted run). Afterwards the identity sequences move past the ids it supplied.
import type { BulkWriter } from '../../domain/ports/bulk-writer.ts';
import { generatePopulation, type GenerateSettings, type GenerationCounts } from './generate-population.ts';

/** What the generator needs of a store (the Kysely store in src/adapters/store/ provides it). */
export interface GenerationTarget {
  bulkTransaction<T>(work: (bulk: BulkWriter) => Promise<T>): Promise<T>;
  resetIdentity(table: 'units' | 'persons'): Promise<void>;
  /** How many rows the table holds (for units: how far an earlier run got). */
  countRows(table: 'units'): Promise<number>;
}

/** Counts are of the rows this call wrote (a resumed run leaves out what the earlier run wrote). */
export async function generateIntoStore(store: GenerationTarget, options: GenerateSettings): Promise<GenerationCounts> {
  const resumeFrom = await store.countRows('units');
  const counts = await generatePopulation({ ...options, resumeFrom, chunkTransaction: (work) => store.bulkTransaction(work) });
  await store.resetIdentity('units');
  await store.resetIdentity('persons');
  return counts;
}
