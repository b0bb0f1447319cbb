// What every route shares: the one way a refusal is sent (`{ error: { code, message } }` with the status of its kind)
// and the path and query parameters several areas take.
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

/** A record's number in a path or query: a positive integer of at most 15 digits. */
export const idParam = { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } as const;
/** A refund round: its year. */
export const roundParam = { type: 'string', pattern: '^[0-9]{4}$' } as const;

const errorResponse = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;
export const refusals = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse } as const;
