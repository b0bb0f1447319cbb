// Staff API of the pilot spending register (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条): finance records a
// fund's sealed balance, its plan filing and the commitments against its cap, and spends or releases them; a second
// member of finance or a reviewer reviews the filing; auditors read. A fund is a city (or the province's own fund),
// named in the URL, which must lie within the caller's region. Schemas: src/server/schemas/fund.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { listBudgets, recordBudget } from '../../services/fund/pilot-budget.ts';
import { commitPilotSpending, releaseCommitment, spendCommitment } from '../../services/fund/pilot-commitments.ts';
import { recordPlan, reviewPlan } from '../../services/fund/pilot-plan.ts';
import { pilotRegister } from '../../services/fund/pilot-register.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import * as s from '../schemas/fund.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { regionFilter } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';

export interface FundRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
}

export const FINANCE = ['finance'] as const;
const PLAN_REVIEWERS = ['finance', 'reviewer'] as const;
export const READERS = ['finance', 'reviewer', 'auditor'] as const;
export const fundInUrl = regionFilter('params', 'region');

const fundKey = (p: { region: string; year: string }) => ({ regionCode: p.region, year: Number(p.year) });

export async function fundRoutes(plugin: FastifyInstance, options: FundRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock, params } = options;
  const tags = ['fund'];

  app.get(
    '/fund/pilot',
    {
      config: staff(READERS, wholeDataSet),
      schema: {
        summary: '扩大支出范围试点：各市（省本级）封定历史结余基金、支出额度、已承诺与已支出',
        tags,
        querystring: s.yearQuery,
        response: { 200: z.array(s.pilotBudget) },
      },
    },
    async (request) => listBudgets(db, request.query.year ? Number(request.query.year) : undefined),
  );

  app.post(
    '/fund/pilot',
    {
      config: staff(FINANCE, regionFilter('body', 'regionCode')),
      schema: {
        summary: '财务人员登记封定历史结余基金（截至上年12月31日），市级额度按参数比例向下取整到分',
        tags,
        body: s.budgetBody,
        response: { 201: s.pilotBudget, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await recordBudget(db, params, { ...request.body, actor: actorOf(request), clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/fund/pilot/:region/:year',
    {
      config: staff(READERS, fundInUrl),
      schema: {
        summary: '一个市（省本级）的试点支出台账：额度、剩余额度、备案、承诺与分项目合计',
        tags,
        params: s.fundParams,
        response: { 200: s.pilotRegister, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await pilotRegister(db, fundKey(request.params));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/fund/pilot/:region/:year/plans',
    {
      config: staff(FINANCE, fundInUrl),
      schema: {
        summary: '财务人员登记实施方案备案（备案日期、文号），待另一人复核',
        tags,
        params: s.fundParams,
        body: s.planBody,
        response: { 201: s.planFiling, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return reply
          .status(201)
          .send(await recordPlan(db, { ...fundKey(request.params), ...request.body, actor: actorOf(request), clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [outcome, summary, body] of [
    ['approve', '另一名财务人员或复核员确认实施方案备案（不得为登记人本人）', s.approvePlanBody],
    ['reject', '另一名财务人员或复核员驳回实施方案备案（须填写驳回意见）', s.rejectPlanBody],
  ] as const) {
    app.post(
      `/fund/pilot/:region/:year/plans/:id/${outcome}`,
      {
        config: staff(PLAN_REVIEWERS, fundInUrl),
        schema: { summary, tags, params: s.fundItemParams, body, response: { 200: s.planFiling, ...refusals } },
      },
      async (request, reply) => {
        try {
          return await reviewPlan(db, {
            ...fundKey(request.params),
            planId: Number(request.params.id),
            outcome,
            note: request.body?.note,
            actor: actorOf(request),
            clock,
          });
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.post(
    '/fund/pilot/:region/:year/commitments',
    {
      config: staff(FINANCE, fundInUrl),
      schema: {
        summary: '财务人员在支出额度内承诺一笔试点支出（超出额度或未备案时拒绝并说明原因）',
        tags,
        params: s.fundParams,
        body: s.commitBody,
        response: { 201: s.commitResult, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const commitment = { ...fundKey(request.params), ...request.body, actor: actorOf(request), clock };
        return reply.status(201).send(await commitPilotSpending(db, params, commitment));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [outcome, settle, summary, body] of [
    ['spend', spendCommitment, '财务人员登记承诺已支出（可少于承诺金额，余额退回额度），记入基金账务', s.spendBody],
    ['release', releaseCommitment, '财务人员释放承诺（须填写原因），金额退回额度', s.releaseBody],
  ] as const) {
    app.post(
      `/fund/pilot/:region/:year/commitments/:id/${outcome}`,
      {
        config: staff(FINANCE, fundInUrl),
        schema: { summary, tags, params: s.fundItemParams, body, response: { 200: s.commitResult, ...refusals } },
      },
      async (request, reply) => {
        const settlement = request.body as { spentFen?: number; note?: string } | undefined;
        try {
          return await settle(db, {
            ...fundKey(request.params),
            commitmentId: Number(request.params.id),
            spentFen: settlement?.spentFen,
            note: settlement?.note,
            actor: actorOf(request),
            clock,
          });
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }
}
