// The Fastify application: one plugin per area, OpenAPI at /docs, errors in Chinese.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ParameterStore } from '../policy/core/parameters.ts';
import type { Store } from '../adapters/store/open-store.ts';
import type { Clock } from '../domain/ports/clock.ts';
import { systemClock } from '../domain/ports/clock.ts';
import type { FieldCipher } from '../domain/ports/field-cipher.ts';
import type { AuditAnchors } from '../domain/ports/audit-anchors.ts';
import { dataPath } from '../adapters/data-folder.ts';
import type { SmsProvider } from '../domain/ports/sms-provider.ts';
import { argon2PasswordHasher } from '../adapters/crypto/argon2-password-hasher.ts';
import type { PasswordHasher } from '../domain/ports/password-hasher.ts';
import { accountRoutes } from './routes/accounts.ts';
import { auditRoutes } from './routes/audit.ts';
import { bankRoutes } from './routes/bank.ts';
import { paymentRoutes } from './routes/payments.ts';
import { portalRoutes } from './routes/portal.ts';
import { confirmationRoutes } from './routes/confirmation.ts';
import { dispatchRoutes } from './routes/dispatch.ts';
import { evaluateRoutes } from './routes/evaluate.ts';
import { fundRoutes } from './routes/fund.ts';
import { fundReportRoutes } from './routes/fund-reports.ts';
import { riskRoutes } from './routes/risk.ts';
import { benefitRoutes } from './routes/benefit.ts';
import { importRoutes } from './routes/imports.ts';
import { noticeRoutes } from './routes/notice.ts';
import { regionRoutes } from './routes/regions.ts';
import { reviewRoutes } from './routes/review.ts';
import { roundRoutes } from './routes/round.ts';
import { webRoutes } from './routes/web.ts';
import { screeningRoutes } from './routes/screening.ts';
import { skillSubsidyRoutes } from './routes/skill-subsidy.ts';
import { sessionRoutes } from './routes/session.ts';
import { simulationRoutes } from './routes/simulation.ts';
import { BODY_LIMIT, bodyTooLarge } from './security/body-limits.ts';
import { registerGuard } from './security/guard.ts';
import { statusRoutes } from './routes/status.ts';
import { registerOperations } from './routes/operations.ts';
import { serverLogger } from './operations/logger.ts';
import { chineseValidationError } from './validation-errors.ts';
import { docsTransform } from './zod-routes.ts';
import { settings } from '../config/settings.ts';

export interface ServerOptions {
  params: ParameterStore;
  /** The agency's data; without it only the stateless evaluation contract is served. */
  store?: Store;
  clock?: Clock;
  /** Encrypts and decrypts personal data; needed with a store. */
  cipher?: FieldCipher;
  sms?: SmsProvider;
  /** Where the confirmation page is served, for the link in the SMS (default http://localhost:8080). */
  baseUrl?: string;
  /** Where rejected imports' error reports go (default: import-reports/ in the data folder). */
  importReportDir?: string;
  /** Structured JSON logs (pino) on standard output, or on the stream given (operations/logger.ts). */
  logger?: boolean | { stream: NodeJS.WritableStream };
  /** Addresses and CIDR blocks that may read /metrics (WENGANG_METRICS_ALLOW; loopback by default). */
  metricsAllow?: readonly string[];
  /** Staff passwords (default argon2id). */
  hasher?: PasswordHasher;
  /** Marks the session cookie Secure and sends HSTS: set when served over HTTPS (WENGANG_SECURE_COOKIES=1). */
  secureCookies?: boolean;
  /** The agency's jurisdiction: accounts scoped to it or above see the whole data set (WENGANG_AGENCY_REGION). */
  agencyRegion?: string;
  /**
   * Behind a reverse proxy: which proxies to believe about the client's address (WENGANG_TRUST_PROXY, e.g. `10.0.0.0/8`),
   * so rate limits and the audit log see the client rather than the proxy.
   */
  trustProxy?: string;
  /**
   * Evaluation batches up to 512 MB from every caller, not only signed-in staff: for an evaluation-only server on a
   * closed network (the benchmark). Off by default: anonymous bodies are limited to 1 MB (security/body-limits.ts).
   */
  openEvaluateBatches?: boolean;
  /** The audit chain's anchors outside the database (WENGANG_AUDIT_ANCHOR…), checked and extended by verification. */
  auditAnchors?: AuditAnchors;
  /** Told of every route as it is registered (the authorisation matrix test lists the API with it). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? serverLogger(options.logger === true ? undefined : options.logger.stream) : { logger: false }),
    bodyLimit: BODY_LIMIT,
    ...(options.trustProxy && { trustProxy: options.trustProxy }),
    // Never let validation rewrite a request: no type coercion, no defaults, no stripped fields.
    ajv: {
      customOptions: {
        coerceTypes: false,
        useDefaults: false,
        removeAdditional: false,
        allowUnionTypes: true,
        strictTypes: false,
      },
    },
    schemaErrorFormatter: chineseValidationError,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  await app.register(swagger, {
    openapi: {
      info: {
        title: '稳岗系统接口 (wengang API)',
        version: '1',
        description: '鲁人社发〔2024〕8号 失业保险援企稳岗政策经办接口',
      },
    },
    transform: docsTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') error = bodyTooLarge(request.routeOptions.bodyLimit ?? BODY_LIMIT);
    const status = error.statusCode ?? 500;
    const message =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? '请求体不是有效的 JSON / request body is not valid JSON'
        : status >= 500
          ? '服务器内部错误 / internal server error'
          : error.message;
    void reply.status(status).send({ error: { code: error.code ?? 'ERROR', message } });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url}` } });
  });
  const clock = options.clock ?? systemClock;
  const secureCookies = options.secureCookies ?? false;
  await registerGuard(app, { db: options.store?.db, clock, secureCookies, agencyRegion: options.agencyRegion });
  await registerOperations(app, { db: options.store?.db, params: options.params, metricsAllow: options.metricsAllow });
  await app.register(statusRoutes, { params: options.params });
  await app.register(evaluateRoutes, {
    prefix: '/api/v1',
    params: options.params,
    openBatches: options.openEvaluateBatches ?? false,
  });
  if (options.store) {
    if (!options.cipher) throw new Error('a server with a store needs a cipher for personal data');
    const area = { prefix: '/api/v1', store: options.store, clock, params: options.params };
    const hasher = options.hasher ?? argon2PasswordHasher;
    await app.register(sessionRoutes, { ...area, cipher: options.cipher, hasher, sms: options.sms, secureCookies });
    await app.register(accountRoutes, { ...area, hasher });
    await app.register(regionRoutes, area);
    await app.register(screeningRoutes, area);
    await app.register(reviewRoutes, area);
    await app.register(noticeRoutes, area);
    await app.register(confirmationRoutes, { ...area, cipher: options.cipher, provider: options.sms });
    await app.register(dispatchRoutes, { ...area, cipher: options.cipher });
    await app.register(portalRoutes, area);
    await app.register(paymentRoutes, area);
    await app.register(bankRoutes, { ...area, cipher: options.cipher });
    await app.register(fundRoutes, area);
    await app.register(fundReportRoutes, area);
    await app.register(skillSubsidyRoutes, { ...area, cipher: options.cipher });
    await app.register(riskRoutes, area);
    await app.register(simulationRoutes, { ...area, cipher: options.cipher });
    await app.register(benefitRoutes, { ...area, cipher: options.cipher });
    await app.register(importRoutes, {
      ...area,
      cipher: options.cipher,
      reportDir: options.importReportDir ?? dataPath(settings(), 'import-reports'),
    });
    await app.register(auditRoutes, { ...area, cipher: options.cipher, anchors: options.auditAnchors });
    await app.register(roundRoutes, {
      ...area,
      cipher: options.cipher,
      sms: options.sms,
      baseUrl: options.baseUrl ?? 'http://localhost:8080',
    });
  }
  // The browser pages last: they answer every path the API does not.
  await app.register(webRoutes);
  return app;
}
