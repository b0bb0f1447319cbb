// The screening runs of a round (or of all rounds), newest last.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

export async function listRuns(db: Kysely<Database>, round?: string) {
  let query = db.selectFrom('screening_runs').selectAll().orderBy('id');
  if (round) query = query.where('round', '=', round);
  return query.execute();
}
