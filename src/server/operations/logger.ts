// The server's logger: pino (Fastify's own) writing one JSON line per event. Request lines come from the operations
// hook (request id, route template, status, duration, acting account id); Fastify's own request logging is off,
// because it writes the raw URL. Whatever else is logged passes through the redaction below, so a password, an SMS
// code, an ID number, a phone or an account number in a logged object is written as [已隐藏].
import type { FastifyServerOptions } from 'fastify';

const SECRET_KEYS = [
  'password',
  'current',
  'next',
  'code',
  'token',
  'idNumber',
  'id_number',
  'phone',
  'mobile',
  'accountNo',
  'account_no',
  'account',
  'bankAccount',
  'creditCode',
  'cookie',
  'authorization',
  'x-csrf-token',
];

export const REDACTED = '[已隐藏]';

export function serverLogger(stream?: NodeJS.WritableStream): Pick<FastifyServerOptions, 'logger' | 'disableRequestLogging'> {
  return {
    disableRequestLogging: true,
    logger: {
      level: 'info',
      ...(stream && { stream }),
      redact: {
        paths: [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`), ...SECRET_KEYS.map((key) => `*.*.${key}`)],
        censor: REDACTED,
      },
      serializers: {
        req: (request: { id?: string; method?: string; routeOptions?: { url?: string } }) => ({
          id: request.id,
          method: request.method,
          route: request.routeOptions?.url,
        }),
      },
    },
  };
}
