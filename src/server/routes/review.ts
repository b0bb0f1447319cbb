// Staff API of the maker-checker review (鲁人社发〔2024〕8号 第八条): propose a batch, approve or return it, resolve a
// case that needs review, and read a case's history. The acting member of staff is the signed-in one.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { caseHistory } from '../../services/review/case-history.ts';
import { listBatches, type BatchStatus } from '../../services/review/list-batches.ts';
import { proposeBatch } from '../../services/review/propose-batch.ts';
import { resolveCase } from '../../services/review/resolve-case.ts';
import { approveBatch, returnBatch } from '../../services/review/review-batch.ts';
import { idParam, refusals, roundParam, sendRefusal } from '../route-helpers.ts';
import { CASE_STAFF, staff } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, proposalRegions, touched, unitInUrl } from '../security/scopes.ts';

export interface ReviewRouteOptions {
  store: Store;
  clock: Clock;
  params?: ParameterStore;
}

interface ProposeBody {
  round: string; unitIds?: number[]; regionCode?: string; size?: 'large' | 'medium' | 'small' | 'micro'; maxAmountFen?: number; note?: string;
}
interface ReviewBody { note?: string }
interface ResolveBody { overrides: Record<string, unknown>; note: string }

export async function reviewRoutes(app: FastifyInstance, options: ReviewRouteOptions): Promise<void> {
  const { db } = options.store;
  const { clock } = options;
  const tags = ['review'];

  app.get<{ Querystring: { round?: string; status?: BatchStatus } }>('/review/batches', {
    config: staff(CASE_STAFF),
    schema: {
      summary: '复核批次列表', tags,
      querystring: { type: 'object', properties: { round: roundParam, status: { type: 'string', enum: ['proposed', 'approved', 'returned'] } }, additionalProperties: false },
    },
  }, async (request) => listBatches(db, request.query));

  app.post<{ Body: ProposeBody }>('/review/batches', {
    config: staff(['case_worker'], proposalRegions),
    schema: {
      summary: '经办人提交复核批次（指定单位，或按地区、规模、金额上限筛选符合条件的案件）', tags,
      body: {
        type: 'object', required: ['round'], additionalProperties: false,
        properties: {
          round: roundParam,
          unitIds: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1 },
          regionCode: { type: 'string', pattern: '^[0-9]{6}$' },
          size: { type: 'string', enum: ['large', 'medium', 'small', 'micro'] },
          maxAmountFen: { type: 'integer', minimum: 0 },
          note: { type: 'string' },
        },
      },
      response: refusals,
    },
  }, async (request, reply) => {
    const { round, unitIds, regionCode, size, maxAmountFen, note } = request.body;
    try {
      const batch = await proposeBatch(db, { round, unitIds, filter: { regionCode, size, maxAmountFen }, actor: actorOf(request), note, clock });
      return reply.status(201).send(batch);
    } catch (error) {
      return sendRefusal(reply, error);
    }
  });

  for (const [outcome, review, summary] of [
    ['approve', approveBatch, '复核人通过复核批次（不得为提交人本人）'],
    ['return', returnBatch, '复核人退回复核批次（须填写退回意见），案件回到待人工复核'],
  ] as const) {
    app.post<{ Params: { id: string }; Body: ReviewBody }>(`/review/batches/:id/${outcome}`, {
      config: staff(['reviewer'], byParam('id', touched.regionsOfReviewBatch)),
      schema: {
        summary, tags,
        params: { type: 'object', properties: { id: idParam }, required: ['id'] },
        body: { type: 'object', required: outcome === 'return' ? ['note'] : [], additionalProperties: false, properties: { note: { type: 'string' } } },
        response: refusals,
      },
    }, async (request, reply) => {
      try {
        return await review(db, { batchId: Number(request.params.id), actor: actorOf(request), note: request.body?.note, clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    });
  }

  const caseParams = { type: 'object', properties: { round: roundParam, unitId: idParam }, required: ['round', 'unitId'] } as const;

  app.post<{ Params: { round: string; unitId: string }; Body: ResolveBody }>('/review/cases/:round/:unitId/resolve', {
    config: staff(['case_worker'], unitInUrl),
    schema: {
      summary: '经办人补录或更正单位数据（如企业规模）并重新判定案件', tags,
      params: caseParams,
      body: {
        type: 'object', required: ['overrides', 'note'], additionalProperties: false,
        properties: { overrides: { type: 'object', description: '按输入字段路径补录，如 {"unit.size": "small"}' }, note: { type: 'string', minLength: 1 } },
      },
      response: refusals,
    },
  }, async (request, reply) => {
    const { overrides, note } = request.body;
    try {
      return await resolveCase(db, {
        round: request.params.round, unitId: Number(request.params.unitId), actor: actorOf(request), overrides, note, clock, params: options.params,
      });
    } catch (error) {
      return sendRefusal(reply, error);
    }
  });

  app.get<{ Params: { round: string; unitId: string } }>('/review/cases/:round/:unitId/history', {
    config: staff(CASE_STAFF, unitInUrl),
    schema: { summary: '案件变更记录（谁、何时、由何状态到何状态、变更前后）', tags, params: caseParams },
  }, async (request) => caseHistory(db, request.params.round, Number(request.params.unitId)));
}
