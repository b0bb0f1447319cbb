// Operations endpoints, outside /api/v1 and without a session: GET /healthz (the process answers), GET /readyz (the
// database answers, migrations are current, parameters are loaded — 503 otherwise, for a load balancer), and GET
// /metrics in Prometheus text format, answered only to the addresses configured (WENGANG_METRICS_ALLOW; loopback by
// default). Registered on the root instance, so its hooks count and log every request: one JSON line per request
// with its id, route template (never the URL itself, which can carry a token), status, duration and acting account.
// The three routes themselves sit in a plugin of their own, so their zod schemas stay theirs.
import { BlockList, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../adapters/store/schema.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { serverMetrics } from '../operations/metrics.ts';
import { readiness } from '../operations/readiness.ts';
import { fail } from '../replies.ts';
import { refusals } from '../schemas/common.ts';
import { liveness, readiness as readinessSchema } from '../schemas/operations.ts';
import { PUBLIC } from '../security/access.ts';
import { withZod } from '../zod-routes.ts';

export interface OperationsOptions {
  db?: Kysely<Database>;
  params: ParameterStore;
  /** Addresses and CIDR blocks allowed to read /metrics (default loopback only). */
  metricsAllow?: readonly string[];
}

const LOOPBACK = ['127.0.0.1', '::1'];
const SIGN_IN_ROUTES = new Set(['/api/v1/session/staff', '/api/v1/session/unit', '/api/v1/session/person']);

function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address!) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

function allowed(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  return mapped ? list.check(mapped, 'ipv4') : list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
}

/** The acting account as logs name it: kind and id only, never a name, ID number or credit code. */
function actingAccount(request: FastifyRequest): string | undefined {
  const identity = request.identity;
  if (!identity) return undefined;
  switch (identity.kind) {
    case 'staff':
      return `staff:${identity.accountId}`;
    case 'unit':
      return `unit:${identity.unitId}`;
    case 'person':
      return `person:${identity.personId}`;
  }
}

export async function registerOperations(app: FastifyInstance, options: OperationsOptions): Promise<void> {
  const metrics = serverMetrics(options.db);
  const metricsAllow = allowList(options.metricsAllow?.length ? options.metricsAllow : LOOPBACK);

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    const status = reply.statusCode;
    const seconds = reply.elapsedTime / 1000;
    metrics.requests.inc({ method: request.method, route, status: String(status) });
    metrics.latency.observe({ method: request.method, route }, seconds);
    if (request.method === 'POST' && SIGN_IN_ROUTES.has(route) && status >= 400) metrics.failedSignIns.inc();
    request.log.info(
      { route, method: request.method, status, durationMs: Math.round(reply.elapsedTime), accountId: actingAccount(request) },
      'request',
    );
  });

  await app.register(async (plugin) => operationRoutes(plugin, options, metrics, metricsAllow));
}

function operationRoutes(
  plugin: FastifyInstance,
  options: OperationsOptions,
  metrics: ReturnType<typeof serverMetrics>,
  metricsAllow: BlockList,
): void {
  const app = withZod(plugin);
  const tags = ['operations'];
  app.get(
    '/healthz',
    { config: { access: PUBLIC }, schema: { summary: '存活检查（进程在运行）', tags, response: { 200: liveness } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: PUBLIC },
      schema: {
        summary: '就绪检查（数据库、迁移、政策参数）',
        tags,
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const checks = await readiness(options.db, options.params);
      const ready = checks.every((check) => check.ok);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Prometheus 监控指标（仅允许配置的地址访问）',
        tags,
        response: { 200: z.string().describe('Prometheus 文本格式'), 403: refusals[403] },
      },
    },
    async (request, reply) => {
      if (!allowed(metricsAllow, request.ip))
        return fail(reply, 403, 'FORBIDDEN', '监控指标只允许从配置的地址访问（WENGANG_METRICS_ALLOW）');
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}
