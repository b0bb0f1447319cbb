// Generates a population into an opened store in one transaction (a crash leaves nothing half-written) and moves the
// identity sequences past the ids it supplied.
import type { BulkWriter } from '../../domain/ports/bulk-writer.ts';
import { generatePopulation, type GenerateOptions, type GenerationCounts } from './generate-population.ts';

/** What the generator needs of a store (the Kysely store in src/adapters/store/ provides it). */
export interface GenerationTarget {
  bulkTransaction<T>(work: (bulk: BulkWriter) => Promise<T>): Promise<T>;
  resetIdentity(table: 'units' | 'persons'): Promise<void>;
}

export async function generateIntoStore(
  store: GenerationTarget,
  options: Omit<GenerateOptions, 'writer'>,
): Promise<GenerationCounts> {
  const counts = await store.bulkTransaction((writer) => generatePopulation({ ...options, writer }));
  await store.resetIdentity('units');
  await store.resetIdentity('persons');
  return counts;
}
