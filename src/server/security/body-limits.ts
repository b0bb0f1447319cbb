// How large a request body may be. Every route takes at most BODY_LIMIT (1 MB: forms and JSON); an anonymous caller
// can therefore never make the server buffer more. The evaluation batches (POST /api/v1/evaluate/<rule> with an
// array of cases) take up to BATCH_BODY_LIMIT from signed-in staff only. Uploads (imports, bank return files,
// dispatch applications) are multipart and streamed to disk by their routes under their own file-size limits, behind
// a staff or unit session; the limits here do not apply to them. A body over the limit is refused with 413 as soon
// as its declared length (or, without one, the bytes received) passes the limit, before the rest is read.
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyRequest, RouteShorthandOptions } from 'fastify';

export const BODY_LIMIT = 1024 * 1024;
/** A batch of 100,000 refund cases is a few hundred megabytes of JSON. */
export const BATCH_BODY_LIMIT = 512 * 1024 * 1024;

export function bodyLimitText(limit: number): string {
  return `${Math.round(limit / 1024 / 1024)} MB`;
}

export function bodyTooLarge(limit: number): Error & { statusCode: number; code: string } {
  return Object.assign(new Error(`请求体超过 ${bodyLimitText(limit)} 的上限，请减少数据量或分批提交 / request body too large`), {
    statusCode: 413,
    code: 'BODY_TOO_LARGE',
  });
}

/** Passes the bytes through and fails with 413 once more than `limit` have come. */
class CappedBody extends Transform {
  private received = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    done(this.received > this.limit ? bodyTooLarge(this.limit) : null, chunk);
  }
}

/**
 * Route options for a body that may be large for signed-in staff only (the evaluation batches); `open` gives every
 * caller the large limit (an evaluation-only server on a closed network, e.g. the benchmark).
 */
export function staffBatchBody(open = false): Pick<RouteShorthandOptions, 'bodyLimit' | 'preParsing'> {
  return {
    bodyLimit: BATCH_BODY_LIMIT,
    preParsing: async (request: FastifyRequest, _reply, payload) => {
      if (open || request.identity?.kind === 'staff') return payload;
      if (Number(request.headers['content-length']) > BODY_LIMIT) throw bodyTooLarge(BODY_LIMIT);
      return payload.pipe(new CappedBody(BODY_LIMIT));
    },
  };
}
