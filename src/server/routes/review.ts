// Staff API of the maker-checker review (鲁人社发〔2024〕8号 第八条): propose a batch, approve or return it, resolve a
// case that needs review, and read a case's history. The acting member of staff is given as `user` and `role` in the
// body until sign-in arrives with the security issue.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Actor, StaffRole } from '../../domain/refund-case.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { caseHistory } from '../../services/review/case-history.ts';
import { listBatches, type BatchStatus } from '../../services/review/list-batches.ts';
import { proposeBatch } from '../../services/review/propose-batch.ts';
import { resolveCase } from '../../services/review/resolve-case.ts';
import { approveBatch, returnBatch } from '../../services/review/review-batch.ts';
import { asWorkflowError, type WorkflowErrorCode } from '../../services/review/workflow-error.ts';

export interface ReviewRouteOptions {
  store: Store;
  clock: Clock;
  params?: ParameterStore;
}

const STATUS: Record<WorkflowErrorCode, number> = { INVALID: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** Sends a workflow refusal as `{ error: { code, message } }` with its status; anything else goes to the app's handler. */
export function sendRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  const refusal = asWorkflowError(error);
  if (!refusal) throw error;
  return reply.status(STATUS[refusal.code]).send({ error: { code: refusal.code, message: refusal.message } });
}

/** The body fields naming the acting member of staff. */
export const staffFields = {
  user: { type: 'string', minLength: 1, description: '经办人姓名' },
  role: { type: 'string', enum: ['case_worker', 'reviewer', 'finance', 'auditor', 'administrator'], description: '角色' },
} as const;

export function staffOf(body: { user: string; role: string }): Actor {
  return { kind: 'staff', name: body.user, role: body.role as StaffRole };
}

export const idParam = { type: 'string', pattern: '^[1-9][0-9]{0,14}$' } as const;
const roundParam = { type: 'string', pattern: '^[0-9]{4}$' } as const;
const errorResponse = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;
export const refusals = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse } as const;

interface ProposeBody {
  round: string; unitIds?: number[]; regionCode?: string; size?: 'large' | 'medium' | 'small' | 'micro'; maxAmountFen?: number; note?: string;
  user: string; role: string;
}
interface ReviewBody { note?: string; user: string; role: string }
interface ResolveBody { overrides: Record<string, unknown>; note: string; user: string; role: string }

export async function reviewRoutes(app: FastifyInstance, options: ReviewRouteOptions): Promise<void> {
  const { db } = options.store;
  const { clock } = options;
  const tags = ['review'];

  app.get<{ Querystring: { round?: string; status?: BatchStatus } }>('/review/batches', {
    schema: {
      summary: '复核批次列表', tags,
      querystring: { type: 'object', properties: { round: roundParam, status: { type: 'string', enum: ['proposed', 'approved', 'returned'] } }, additionalProperties: false },
    },
  }, async (request) => listBatches(db, request.query));

  app.post<{ Body: ProposeBody }>('/review/batches', {
    schema: {
      summary: '经办人提交复核批次（指定单位，或按地区、规模、金额上限筛选符合条件的案件）', tags,
      body: {
        type: 'object', required: ['round', 'user', 'role'], additionalProperties: false,
        properties: {
          round: roundParam,
          unitIds: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1 },
          regionCode: { type: 'string', pattern: '^[0-9]{6}$' },
          size: { type: 'string', enum: ['large', 'medium', 'small', 'micro'] },
          maxAmountFen: { type: 'integer', minimum: 0 },
          note: { type: 'string' },
          ...staffFields,
        },
      },
      response: refusals,
    },
  }, async (request, reply) => {
    const { round, unitIds, regionCode, size, maxAmountFen, note } = request.body;
    try {
      const batch = await proposeBatch(db, { round, unitIds, filter: { regionCode, size, maxAmountFen }, actor: staffOf(request.body), note, clock });
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
      schema: {
        summary, tags,
        params: { type: 'object', properties: { id: idParam }, required: ['id'] },
        body: { type: 'object', required: ['user', 'role', ...(outcome === 'return' ? ['note'] : [])], additionalProperties: false, properties: { note: { type: 'string' }, ...staffFields } },
        response: refusals,
      },
    }, async (request, reply) => {
      try {
        return await review(db, { batchId: Number(request.params.id), actor: staffOf(request.body), note: request.body.note, clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    });
  }

  const caseParams = { type: 'object', properties: { round: roundParam, unitId: idParam }, required: ['round', 'unitId'] } as const;

  app.post<{ Params: { round: string; unitId: string }; Body: ResolveBody }>('/review/cases/:round/:unitId/resolve', {
    schema: {
      summary: '经办人补录或更正单位数据（如企业规模）并重新判定案件', tags,
      params: caseParams,
      body: {
        type: 'object', required: ['overrides', 'note', 'user', 'role'], additionalProperties: false,
        properties: { overrides: { type: 'object', description: '按输入字段路径补录，如 {"unit.size": "small"}' }, note: { type: 'string', minLength: 1 }, ...staffFields },
      },
      response: refusals,
    },
  }, async (request, reply) => {
    const { overrides, note } = request.body;
    try {
      return await resolveCase(db, {
        round: request.params.round, unitId: Number(request.params.unitId), actor: staffOf(request.body), overrides, note, clock, params: options.params,
      });
    } catch (error) {
      return sendRefusal(reply, error);
    }
  });

  app.get<{ Params: { round: string; unitId: string } }>('/review/cases/:round/:unitId/history', {
    schema: { summary: '案件变更记录（谁、何时、由何状态到何状态、变更前后）', tags, params: caseParams },
  }, async (request) => caseHistory(db, request.params.round, Number(request.params.unitId)));
}
