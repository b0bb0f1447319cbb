// Staff API of payments (鲁人社发〔2024〕8号 第七条、第八条): create payments for confirmed refunds, list them with masked
// account numbers, propose a batch, authorise or reject it (a second finance officer), run it in the background and
// follow its progress. The acting member of staff is the signed-in one.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { PaymentStatus } from '../../adapters/store/schema-payments.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { createPaymentsForConfirmed } from '../../services/payments/create-payments.ts';
import { listPayments } from '../../services/payments/list-payments.ts';
import { paymentStatusLabel } from '../../domain/vocabulary/payments.ts';
import { assertFinance } from '../../services/payments/payment-actor.ts';
import {
  authorisePaymentBatch,
  batchStatusLabel,
  listPaymentBatches,
  proposePaymentBatch,
  rejectPaymentBatch,
  type PaymentBatchStatus,
} from '../../services/payments/payment-batches.ts';
import { assertRunnable, paymentProgress, runPaymentBatch } from '../../services/payments/run-batch.ts';
import { idParam, refusals, roundParam, sendRefusal } from '../route-helpers.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, paymentSelection, touched } from '../security/scopes.ts';

export interface PaymentRouteOptions {
  store: Store;
  clock: Clock;
}

const batchParams = { type: 'object', properties: { id: idParam }, required: ['id'] } as const;
const FINANCE = ['finance'] as const;
const FINANCE_READERS = ['finance', 'auditor'] as const;
const batchRegions = byParam('id', touched.regionsOfPaymentBatch);

export async function paymentRoutes(app: FastifyInstance, options: PaymentRouteOptions): Promise<void> {
  const { db } = options.store;
  const { clock } = options;
  const tags = ['payments'];
  /** Batches being paid by this server, so a second request does not start a second run and closing waits for them. */
  const running = new Map<number, Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(running.values());
  });

  app.post<{ Body: { round: string } }>(
    '/payments/create',
    {
      config: staff(FINANCE, wholeDataSet),
      schema: {
        summary: '为已确认的案件生成支付（每个单位、每个收款单位一笔；重复执行不会重复生成）',
        tags,
        body: { type: 'object', required: ['round'], additionalProperties: false, properties: { round: roundParam } },
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        const created = await createPaymentsForConfirmed(db, { round: request.body.round, clock, actor: actorOf(request) });
        return reply.status(201).send(created);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get<{ Querystring: { round?: string; status?: PaymentStatus; batchId?: string; limit?: string; offset?: string } }>(
    '/payments',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: {
        summary: '支付明细（账号仅显示后四位）',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            round: roundParam,
            status: { type: 'string', enum: Object.keys(paymentStatusLabel) },
            batchId: idParam,
            limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
            offset: { type: 'string', pattern: '^[0-9]{1,9}$' },
          },
        },
      },
    },
    async (request) => {
      const { round, status, batchId, limit, offset } = request.query;
      return listPayments(db, {
        round,
        status,
        batchId: batchId ? Number(batchId) : undefined,
        limit: limit ? Number(limit) : undefined,
        offset: offset ? Number(offset) : undefined,
      });
    },
  );

  app.get<{ Querystring: { round?: string; status?: PaymentBatchStatus } }>(
    '/payments/batches',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: {
        summary: '支付批次列表',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { round: roundParam, status: { type: 'string', enum: Object.keys(batchStatusLabel) } },
        },
      },
    },
    async (request) => listPaymentBatches(db, request.query),
  );

  app.post<{ Body: { round: string; paymentIds?: number[]; note?: string } }>(
    '/payments/batches',
    {
      config: staff(FINANCE, paymentSelection),
      schema: {
        summary: '财务人员提交支付批次（指定支付，或全部待支付款项）',
        tags,
        body: {
          type: 'object',
          required: ['round'],
          additionalProperties: false,
          properties: {
            round: roundParam,
            paymentIds: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1 },
            note: { type: 'string' },
          },
        },
        response: refusals,
      },
    },
    async (request, reply) => {
      const { round, paymentIds, note } = request.body;
      try {
        return reply.status(201).send(await proposePaymentBatch(db, { round, paymentIds, note, actor: actorOf(request), clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [outcome, decide, summary] of [
    ['authorise', authorisePaymentBatch, '另一名财务人员授权支付批次（不得为提交人本人）'],
    ['reject', rejectPaymentBatch, '另一名财务人员驳回支付批次（须填写驳回意见），款项回到待支付'],
  ] as const) {
    app.post<{ Params: { id: string }; Body: { note?: string } | undefined }>(
      `/payments/batches/:id/${outcome}`,
      {
        config: staff(FINANCE, batchRegions),
        schema: {
          summary,
          tags,
          params: batchParams,
          body: {
            type: 'object',
            required: outcome === 'reject' ? ['note'] : [],
            additionalProperties: false,
            properties: { note: { type: 'string' } },
          },
          response: refusals,
        },
      },
      async (request, reply) => {
        try {
          return await decide(db, {
            batchId: Number(request.params.id),
            actor: actorOf(request),
            note: request.body?.note,
            clock,
          });
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.post<{ Params: { id: string } }>(
    '/payments/batches/:id/run',
    {
      config: staff(FINANCE, batchRegions),
      schema: {
        summary: '在后台执行已授权批次的支付（每笔只支付一次，可重复请求）；进度见 progress',
        tags,
        params: batchParams,
        response: refusals,
      },
    },
    async (request, reply) => {
      const batchId = Number(request.params.id);
      try {
        const actor = actorOf(request);
        assertFinance(actor);
        await assertRunnable(db, batchId);
        if (!running.has(batchId)) {
          const run = runPaymentBatch(db, { batchId, clock, workerId: `api/${actor.name}` })
            .catch((error: unknown) => app.log.error({ err: error, batchId }, '支付批次执行失败'))
            .finally(() => running.delete(batchId));
          running.set(batchId, run);
        }
        return reply.status(202).send({ ...(await paymentProgress(db, batchId)), running: true });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    '/payments/batches/:id/progress',
    {
      config: staff(FINANCE_READERS, batchRegions),
      schema: {
        summary: '支付批次进度（各状态笔数、尚待发送笔数、能否导出银行付款指令）',
        tags,
        params: batchParams,
        response: refusals,
      },
    },
    async (request, reply) => {
      const batchId = Number(request.params.id);
      try {
        return { ...(await paymentProgress(db, batchId)), running: running.has(batchId) };
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
