// Screening runs over HTTP (register with prefix /api/v1): start a run (it continues in the background, in this
// process), follow its progress and summary, compare two runs, and read the round's current decisions (filtered and
// paged, or every matching one as an .xlsx).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { XLSX_TYPE, fail, sendWrittenFile } from '../replies.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { refundRound } from '../../services/rounds.ts';
import { exportDecisionsXlsx } from '../../services/screening/export-decisions.ts';
import { listRoundDecisions, unitRoundDecision, type DecisionCriteria } from '../../services/screening/round-decisions.ts';
import { diffRuns } from '../../services/screening/run-diff.ts';
import { RunNotFoundError, runSummary } from '../../services/screening/run-summary.ts';
import { continueScreeningRun, createScreeningRun } from '../../services/screening/screening-run.ts';
import { CASE_STAFF, staff, wholeDataSet } from '../security/access.ts';
import { regionFilter, unitInUrl } from '../security/scopes.ts';
import { sendRefusal } from '../route-helpers.ts';
import { actorOf } from '../security/request-identity.ts';
import { recordExport } from '../../services/audit/record-export.ts';
import { refusals } from '../schemas/common.ts';
import {
  decisionDetail,
  decisionFilters,
  decisionListQuery,
  decisionPage,
  diffParams,
  roundParams,
  runDiff,
  runParams,
  runView,
  startRunBody,
  startedRun,
  unitDecisionParams,
} from '../schemas/screening.ts';
import { withZod } from '../zod-routes.ts';

export interface ScreeningRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
}

const MAX_PAGE_SIZE = 500;

/** The criteria of the query, or a Chinese refusal when the amount range is empty. */
function criteriaOf(query: z.infer<typeof decisionFilters>): DecisionCriteria | string {
  const { status, region, reason, size } = query;
  const minAmountFen = query.minAmountFen === undefined ? undefined : Number(query.minAmountFen);
  const maxAmountFen = query.maxAmountFen === undefined ? undefined : Number(query.maxAmountFen);
  if (minAmountFen !== undefined && maxAmountFen !== undefined && minAmountFen > maxAmountFen) return '最低金额不能高于最高金额';
  return { status, region, reason, size, minAmountFen, maxAmountFen };
}

export async function screeningRoutes(plugin: FastifyInstance, options: ScreeningRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { store, clock, params } = options;
  const { db } = store;
  /** Runs continuing in the background; the server waits for them before it closes the store. */
  const running = new Map<number, Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(running.values());
  });

  app.post(
    '/rounds/:round/screenings',
    {
      config: staff(['case_worker'], regionFilter('body', 'region')),
      schema: {
        summary: '发起免申即享筛查（后台运行）',
        tags: ['screening'],
        params: roundParams,
        body: startRunBody,
        response: { 202: startedRun, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const runId = await createScreeningRun(db, {
          round: request.params.round,
          asOf: request.body?.asOf,
          region: request.body?.region,
          clock,
          params,
          createdBy: actorOf(request).name,
        });
        const work = continueScreeningRun(store, runId, { clock, params })
          .catch((error: unknown) => request.log.error({ err: error, runId }, '筛查批次中断'))
          .finally(() => running.delete(runId));
        running.set(runId, work);
        return reply.status(202).send({ runId, status: 'running', href: `/api/v1/screenings/${runId}` });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/screenings/:id',
    {
      config: staff(CASE_STAFF),
      schema: {
        summary: '筛查批次的进度与汇总',
        tags: ['screening'],
        params: runParams,
        response: { 200: runView, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const summary = await runSummary(db, Number(request.params.id));
        const { run } = summary;
        const percent = run.total_units > 0 ? Math.floor((run.processed_units * 100) / run.total_units) : 100;
        return {
          runId: run.id,
          status: run.status,
          error: run.error,
          progress: { done: run.processed_units, total: run.total_units, percent },
          summary,
        };
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/screenings/:a/diff/:b',
    {
      config: staff(CASE_STAFF, wholeDataSet),
      schema: {
        summary: '比较两个筛查批次：状态或金额变化的单位及原因',
        tags: ['screening'],
        params: diffParams,
        response: { 200: runDiff, ...refusals },
      },
    },
    async (request, reply) => {
      const [a, b] = [Number(request.params.a), Number(request.params.b)];
      const found = await db.selectFrom('screening_runs').select('id').where('id', 'in', [a, b]).execute();
      const missing = [a, b].find((id) => !found.some((r) => r.id === id));
      if (missing !== undefined) return sendRefusal(reply, new RunNotFoundError(missing));
      return diffRuns(db, a, b);
    },
  );

  app.get(
    '/rounds/:round/decisions',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '本年度各单位当前的筛查结论（按结论、地区、原因、规模、金额筛选，分页，统一社会信用代码已脱敏）',
        tags: ['screening'],
        params: roundParams,
        querystring: decisionListQuery,
        response: { 200: decisionPage, ...refusals },
      },
    },
    async (request, reply) => {
      const page = Number(request.query.page ?? 1);
      const pageSize = Number(request.query.pageSize ?? 50);
      if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        return fail(reply, 400, 'BAD_REQUEST', `页码须 ≥ 1，每页条数须在 1～${MAX_PAGE_SIZE} 之间`);
      }
      const criteria = criteriaOf(request.query);
      if (typeof criteria === 'string') return fail(reply, 400, 'BAD_REQUEST', criteria);
      try {
        refundRound(request.params.round);
        const { total, items } = await listRoundDecisions(db, request.params.round, { ...criteria, page, pageSize });
        return { round: request.params.round, page, pageSize, total, items };
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/rounds/:round/decisions/export',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '导出筛选出的全部筛查结论（.xlsx，中文表头，统一社会信用代码已脱敏）',
        tags: ['screening'],
        params: roundParams,
        querystring: decisionFilters,
      },
    },
    async (request, reply) => {
      const criteria = criteriaOf(request.query);
      if (typeof criteria === 'string') return fail(reply, 400, 'BAD_REQUEST', criteria);
      const { round: year } = request.params;
      try {
        refundRound(year);
        const fileName = `${year}年度稳岗返还决定.xlsx`;
        return await sendWrittenFile(reply, fileName, XLSX_TYPE, async (path) => {
          await exportDecisionsXlsx(db, year, criteria, path);
          await recordExport(db, {
            actor: actorOf(request),
            subject: `refund_decisions:${year}`,
            fileName,
            detail: { ...request.query },
            clock,
          });
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/rounds/:round/units/:unitId/decision',
    {
      config: staff(CASE_STAFF, unitInUrl),
      schema: {
        summary: '单位当前的筛查结论及完整计算过程',
        tags: ['screening'],
        params: unitDecisionParams,
        response: { 200: decisionDetail, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        refundRound(request.params.round);
      } catch (error) {
        return sendRefusal(reply, error);
      }
      const detail = await unitRoundDecision(db, params, request.params.round, Number(request.params.unitId));
      if (!detail)
        return fail(reply, 404, 'NOT_FOUND', `${request.params.round} 年度没有单位 ${request.params.unitId} 的筛查结论`);
      return detail;
    },
  );
}
