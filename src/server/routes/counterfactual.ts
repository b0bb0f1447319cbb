// What would make a unit's refund decision eligible (鲁人社发〔2024〕8号 第二条 read backwards): for staff on the
// decision detail page, and for the signed-in unit in its own portal (the unit from the session, never from the URL).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { refundRound, UnknownRoundError } from '../../services/rounds.ts';
import { unitCounterfactual } from '../../services/simulation/unit-counterfactual.ts';
import { fail } from '../replies.ts';
import { refusals } from '../schemas/common.ts';
import { counterfactualAnswer, counterfactualParams, counterfactualQuery } from '../schemas/simulation.ts';
import { CASE_STAFF, staff } from '../security/access.ts';
import { unitOf } from '../security/request-identity.ts';
import { unitInUrl } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';

export interface CounterfactualRouteOptions {
  store: Store;
  params: ParameterStore;
}

const tags = ['simulation'];
const response = { 200: counterfactualAnswer, ...refusals };

export async function counterfactualRoutes(plugin: FastifyInstance, options: CounterfactualRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    params,
  } = options;

  async function answer(reply: FastifyReply, round: string, unitId: number) {
    try {
      refundRound(round);
    } catch (error) {
      if (error instanceof UnknownRoundError) return fail(reply, 404, 'UNKNOWN_ROUND', error.message);
      throw error;
    }
    const result = await unitCounterfactual(db, params, round, unitId);
    if (result === undefined) return fail(reply, 404, 'NOT_FOUND', `${round} 年度没有该单位的筛查结论`);
    return { eligible: result === null, ...(result ?? { status: 'eligible' as const, remedies: [], flipped: null }) };
  }

  app.get(
    '/rounds/:round/units/:unitId/counterfactual',
    {
      config: staff(CASE_STAFF, unitInUrl),
      schema: {
        summary: '单位怎样才能符合条件：每个不符合的条件的最小调整，及调整后重新判定的结果',
        tags,
        params: counterfactualParams,
        response,
      },
    },
    async (request, reply) => answer(reply, request.params.round, Number(request.params.unitId)),
  );

  app.get(
    '/unit/me/counterfactual',
    {
      config: { access: { unit: true } },
      schema: { summary: '本单位怎样才能符合稳岗返还条件（单位）', tags, querystring: counterfactualQuery, response },
    },
    async (request, reply) => answer(reply, request.query.round, unitOf(request).unitId),
  );
}
