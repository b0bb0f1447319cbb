// COPY FROM '/dev/blob' on PGlite: the request's text chunks become the blob the server reads.

import type { PGlite } from '@electric-sql/pglite';
import type { CopyRequest } from './copy-text.ts';

/** Runs the COPY and returns the number of rows written. */
export async function copyFromBlob(pglite: PGlite, request: CopyRequest): Promise<number> {
  const result = await pglite.query(`COPY ${request.target} FROM '/dev/blob'`, [], {
    blob: new Blob([...request.chunks]),
  });
  return result.affectedRows ?? 0;
}
