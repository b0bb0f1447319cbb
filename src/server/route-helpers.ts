// What every route shares: the one way a refusal is sent (`{ error: { code, message } }` with the status of its kind).
// Path and query parameters are zod schemas in schemas/common.ts.
import type { FastifyReply } from 'fastify';
import { asRefusal, type RefusalKind } from '../domain/refusal.ts';
import { fail } from './replies.ts';

const STATUS: Readonly<Record<RefusalKind, number>> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  TOO_MANY: 429,
};

/** Sends a refusal with its status; anything else is rethrown to the app's error handler. */
export function sendRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  const refusal = asRefusal(error);
  if (!refusal) throw error;
  return fail(reply, STATUS[refusal.kind], refusal.code, refusal.message);
}
