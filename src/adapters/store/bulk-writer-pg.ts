// COPY FROM STDIN on a pg connection (pg-copy-streams), streaming the request's text chunks.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CopyRequest } from './copy-text.ts';

/** Runs the COPY and returns the number of rows written. */
export async function copyFromStdin(client: pg.PoolClient, request: CopyRequest): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${request.target} FROM STDIN`));
  await pipeline(Readable.from(request.chunks), stream);
  return stream.rowCount ?? 0;
}
