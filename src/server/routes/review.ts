// Staff API of the maker-checker review (鲁人社发〔2024〕8号 第八条): propose a batch, approve or return it, resolve a
// case that needs review, and read a case's history. The acting member of staff is the signed-in one.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { caseHistory } from '../../services/review/case-history.ts';
import { listBatches } from '../../services/review/list-batches.ts';
import { proposeBatch } from '../../services/review/propose-batch.ts';
import { resolveCase } from '../../services/review/resolve-case.ts';
import { approveBatch, returnBatch } from '../../services/review/review-batch.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  approveBody,
  batchListQuery,
  batchParams,
  caseEvent,
  caseParams,
  proposeBody,
  proposedBatch,
  resolveBody,
  resolvedCase,
  returnBody,
  reviewBatch,
  reviewedBatch,
} from '../schemas/review.ts';
import { withZod } from '../zod-routes.ts';
import { CASE_STAFF, staff } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, proposalRegions, touched, unitInUrl } from '../security/scopes.ts';

export interface ReviewRouteOptions {
  store: Store;
  clock: Clock;
  params?: ParameterStore;
}

export async function reviewRoutes(plugin: FastifyInstance, options: ReviewRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock } = options;
  const tags = ['review'];

  app.get(
    '/review/batches',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '复核批次列表', tags, querystring: batchListQuery, response: { 200: z.array(reviewBatch) } },
    },
    async (request) => listBatches(db, request.query),
  );

  app.post(
    '/review/batches',
    {
      config: staff(['case_worker'], proposalRegions),
      schema: {
        summary: '经办人提交复核批次（指定单位，或按地区、规模、金额上限筛选符合条件的案件）',
        tags,
        body: proposeBody,
        response: { 201: proposedBatch, ...refusals },
      },
    },
    async (request, reply) => {
      const { round, unitIds, regionCode, size, maxAmountFen, note } = request.body;
      try {
        const batch = await proposeBatch(db, {
          round,
          unitIds,
          filter: { regionCode, size, maxAmountFen },
          actor: actorOf(request),
          note,
          clock,
        });
        return reply.status(201).send(batch);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [outcome, review, summary, body] of [
    ['approve', approveBatch, '复核人通过复核批次（不得为提交人本人）', approveBody],
    ['return', returnBatch, '复核人退回复核批次（须填写退回意见），案件回到待人工复核', returnBody],
  ] as const) {
    app.post(
      `/review/batches/:id/${outcome}`,
      {
        config: staff(['reviewer'], byParam('id', touched.regionsOfReviewBatch)),
        schema: { summary, tags, params: batchParams, body, response: { 200: reviewedBatch, ...refusals } },
      },
      async (request, reply) => {
        try {
          return await review(db, {
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
    '/review/cases/:round/:unitId/resolve',
    {
      config: staff(['case_worker'], unitInUrl),
      schema: {
        summary: '经办人补录或更正单位数据（如企业规模）并重新判定案件',
        tags,
        params: caseParams,
        body: resolveBody,
        response: { 200: resolvedCase, ...refusals },
      },
    },
    async (request, reply) => {
      const { overrides, note } = request.body;
      try {
        return await resolveCase(db, {
          round: request.params.round,
          unitId: Number(request.params.unitId),
          actor: actorOf(request),
          overrides,
          note,
          clock,
          params: options.params,
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/review/cases/:round/:unitId/history',
    {
      config: staff(CASE_STAFF, unitInUrl),
      schema: {
        summary: '案件变更记录（谁、何时、由何状态到何状态、变更前后）',
        tags,
        params: caseParams,
        response: { 200: z.array(caseEvent) },
      },
    },
    async (request) => caseHistory(db, request.params.round, Number(request.params.unitId)),
  );
}
