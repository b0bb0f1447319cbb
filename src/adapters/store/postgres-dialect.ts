// Kysely's PostgreSQL dialect over a pg pool with the store's type parsers, whose clients also carry out COPY.

import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { copyFromStdin } from './bulk-writer-pg.ts';
import { copyResult, CopyRequest } from './copy-text.ts';
import { pgTypes } from './type-parsers.ts';

export function postgresDialect(databaseUrl: string): PostgresDialect {
  // Dates are read as ISO text (type-parsers.ts, the screening's ledger text): every connection asks for ISO, whatever
  // DateStyle the server, the database or the role sets.
  const pool = new pg.Pool({ connectionString: databaseUrl, types: pgTypes, options: '-c DateStyle=ISO,YMD' });
  // An idle client that loses its server is dropped by the pool; the next query connects again.
  pool.on('error', () => {});
  return new PostgresDialect({ pool: new CopyingPool(pool) });
}

class CopyingPool implements PostgresPool {
  readonly #clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  constructor(private readonly pool: pg.Pool) {}

  async connect(): Promise<PostgresPoolClient> {
    const client = await this.pool.connect();
    let wrapped = this.#clients.get(client);
    if (!wrapped) {
      wrapped = new CopyingClient(client) as unknown as PostgresPoolClient;
      this.#clients.set(client, wrapped);
    }
    return wrapped;
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}

/** Only the `query(sql, parameters)` form: Kysely passes a cursor only to dialects configured with one. */
class CopyingClient {
  constructor(private readonly client: pg.PoolClient) {}

  async query(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<unknown>> {
    const copy = CopyRequest.from(parameters);
    if (!copy) return (await this.client.query(sql, [...parameters])) as PostgresQueryResult<unknown>;
    return copyResult(await copyFromStdin(this.client, copy));
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}
