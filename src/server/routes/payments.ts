// Staff API of payments (鲁人社发〔2024〕8号 第七条、第八条): create payments for confirmed refunds, list them with masked
// account numbers, propose a batch, authorise or reject it (a second finance officer), run it in the background and
// follow its progress. The acting member of staff is the signed-in one.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { createPaymentsForConfirmed } from '../../services/payments/create-payments.ts';
import { listPayments } from '../../services/payments/list-payments.ts';
import { assertFinance } from '../../services/payments/payment-actor.ts';
import {
  authorisePaymentBatch,
  listPaymentBatches,
  proposePaymentBatch,
  rejectPaymentBatch,
} from '../../services/payments/payment-batches.ts';
import { assertRunnable, paymentProgress, runPaymentBatch } from '../../services/payments/run-batch.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  authoriseBody,
  batchListQuery,
  batchParams,
  createBody,
  createdPayments,
  paymentBatch,
  paymentBatchSummary,
  paymentItem,
  paymentListQuery,
  paymentProgress as progressSchema,
  proposeBody,
  rejectBody,
} from '../schemas/payments.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, paymentSelection, touched } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';

export interface PaymentRouteOptions {
  store: Store;
  clock: Clock;
}

const FINANCE = ['finance'] as const;
const FINANCE_READERS = ['finance', 'auditor'] as const;
const batchRegions = byParam('id', touched.regionsOfPaymentBatch);

export async function paymentRoutes(plugin: FastifyInstance, options: PaymentRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock } = options;
  const tags = ['payments'];
  /** Batches being paid by this server, so a second request does not start a second run and closing waits for them. */
  const running = new Map<number, Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(running.values());
  });

  app.post(
    '/payments/create',
    {
      config: staff(FINANCE, wholeDataSet),
      schema: {
        summary: '为已确认的案件生成支付（每个单位、每个收款单位一笔；重复执行不会重复生成）',
        tags,
        body: createBody,
        response: { 201: createdPayments, ...refusals },
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

  app.get(
    '/payments',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: {
        summary: '支付明细（账号仅显示后四位）',
        tags,
        querystring: paymentListQuery,
        response: { 200: z.array(paymentItem) },
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

  app.get(
    '/payments/batches',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: {
        summary: '支付批次列表',
        tags,
        querystring: batchListQuery,
        response: { 200: z.array(paymentBatch) },
      },
    },
    async (request) => listPaymentBatches(db, request.query),
  );

  app.post(
    '/payments/batches',
    {
      config: staff(FINANCE, paymentSelection),
      schema: {
        summary: '财务人员提交支付批次（指定支付，或全部待支付款项）',
        tags,
        body: proposeBody,
        response: { 201: paymentBatchSummary, ...refusals },
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

  for (const [outcome, decide, body, summary] of [
    ['authorise', authorisePaymentBatch, authoriseBody, '另一名财务人员授权支付批次（不得为提交人本人）'],
    ['reject', rejectPaymentBatch, rejectBody, '另一名财务人员驳回支付批次（须填写驳回意见），款项回到待支付'],
  ] as const) {
    app.post(
      `/payments/batches/:id/${outcome}`,
      {
        config: staff(FINANCE, batchRegions),
        schema: {
          summary,
          tags,
          params: batchParams,
          body,
          response: { 200: paymentBatchSummary, ...refusals },
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

  app.post(
    '/payments/batches/:id/run',
    {
      config: staff(FINANCE, batchRegions),
      schema: {
        summary: '在后台执行已授权批次的支付（每笔只支付一次，可重复请求）；进度见 progress',
        tags,
        params: batchParams,
        response: { 202: progressSchema, ...refusals },
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

  app.get(
    '/payments/batches/:id/progress',
    {
      config: staff(FINANCE_READERS, batchRegions),
      schema: {
        summary: '支付批次进度（各状态笔数、尚待发送笔数、能否导出银行付款指令）',
        tags,
        params: batchParams,
        response: { 200: progressSchema, ...refusals },
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
