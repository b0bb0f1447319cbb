// Kysely's PostgreSQL dialect over one PGlite instance. PGlite has a single session, so the "pool" hands it to one
// holder at a time, in request order: a transaction keeps it until commit or rollback and other queries wait.

import type { PGlite, Results } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { copyFromBlob } from './bulk-writer-pglite.ts';
import { copyResult, CopyRequest } from './copy-text.ts';

export function pgliteDialect(pglite: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new SerialPool(pglite) });
}

class SerialPool implements PostgresPool {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise((resolve) => (release = resolve));
    await previous;
    return new SessionClient(this.pglite, release) as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#tail;
    await this.pglite.close();
  }
}

/** Only the `query(sql, parameters)` form: Kysely passes a cursor only to dialects configured with one. */
class SessionClient {
  #released = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<unknown>> {
    const copy = CopyRequest.from(parameters);
    if (copy) return copyResult(await copyFromBlob(this.pglite, copy));
    // Like pg: without parameters the simple protocol runs (a script of several statements is allowed).
    const result: Results | undefined =
      parameters.length === 0 ? (await this.pglite.exec(sql)).at(-1) : await this.pglite.query(sql, [...parameters]);
    return {
      command: (result?.command ?? '') as PostgresQueryResult<unknown>['command'],
      rowCount: result?.rowCount ?? result?.affectedRows ?? 0,
      rows: result?.rows ?? [],
    };
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.onRelease();
  }
}
