// Confirmation API (鲁人社发〔2024〕8号 第七条：经其确认后发放). For the unit, through the token link of its SMS:
//   GET  /confirm/:token        the unit, amount and masked pay-to account
//   POST /confirm/:token/code   texts a one-time code to the unit's mobile
//   POST /confirm/:token        {code} confirms
// For staff: GET /rounds/:round/unconfirmed (notified, not yet confirmed) and GET /sms/outbox?status= (message
// bodies are left out: they carry the confirmation links). Register with { prefix: '/api/v1' }.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { confirm, showConfirmation, startConfirmation } from '../../services/confirm/confirm.ts';
import { deliverDueSms } from '../../services/notify/outbox.ts';
import type { SmsProvider } from '../../domain/ports/sms-provider.ts';
import { unconfirmedUnits } from '../../services/notify/unconfirmed.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { refundRound } from '../../services/rounds.ts';
import { PUBLIC, staff, wholeDataSet } from '../security/access.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  codeBody,
  codeSent,
  confirmationView,
  confirmed,
  outboxQuery,
  outboxRow,
  tokenParams,
  unconfirmedUnit,
} from '../schemas/confirmation.ts';
import { roundParams } from '../schemas/screening.ts';
import { withZod } from '../zod-routes.ts';

export interface ConfirmationRouteOptions {
  store: Store;
  clock: Clock;
  cipher: FieldCipher;
  /** When given, a requested code is delivered before the response; otherwise it waits for `wengang notify deliver`. */
  provider?: SmsProvider;
}

export async function confirmationRoutes(plugin: FastifyInstance, options: ConfirmationRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    clock,
    cipher,
    provider,
  } = options;
  const tags = ['confirmation'];

  app.get(
    '/confirm/:token',
    {
      config: { access: PUBLIC },
      schema: {
        summary: '查看待确认的稳岗返还（单位）',
        tags,
        params: tokenParams,
        response: { 200: confirmationView, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await showConfirmation(db, { token: request.params.token, clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/confirm/:token/code',
    {
      config: { access: PUBLIC, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        summary: '发送确认验证码到单位手机（单位）',
        tags,
        params: tokenParams,
        response: { 200: codeSent, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const view = await startConfirmation(db, { token: request.params.token, clock, cipher });
        if (provider) await deliverDueSms({ db, provider, cipher, clock, limit: 10 });
        return { ...view, codeSentTo: view.phoneMasked };
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/confirm/:token',
    {
      config: { access: PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: '以短信验证码确认稳岗返还（单位）',
        tags,
        params: tokenParams,
        body: codeBody,
        response: { 200: confirmed, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await confirm(db, { token: request.params.token, code: request.body.code, clock, cipher });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/rounds/:round/unconfirmed',
    {
      config: staff(['case_worker', 'reviewer', 'auditor'], wholeDataSet),
      schema: {
        summary: '已告知未确认的单位（经办）',
        tags,
        params: roundParams,
        response: { 200: z.array(unconfirmedUnit), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await unconfirmedUnits(db, { round: refundRound(request.params.round).round, clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/sms/outbox',
    {
      config: staff(['case_worker', 'reviewer', 'auditor'], wholeDataSet),
      schema: {
        summary: '短信发件箱（经办）',
        tags,
        querystring: outboxQuery,
        response: { 200: z.array(outboxRow) },
      },
    },
    async (request) => {
      let query = db
        .selectFrom('sms_outbox')
        .select([
          'id',
          'idempotency_key',
          'round',
          'unit_id',
          'phone_masked',
          'template',
          'status',
          'attempts',
          'next_attempt_at',
          'provider',
          'provider_message_id',
          'last_error',
          'created_at',
          'sent_at',
        ])
        .orderBy('id', 'desc')
        .limit(Math.min(Number(request.query.limit ?? 100), 1000));
      if (request.query.status) query = query.where('status', '=', request.query.status);
      return query.execute();
    },
  );
}
