// Staff API of risk control and targeted push (鲁人社发〔2024〕8号 第八条、第九条): the rule catalogue, the hit queue and
// detail, the case worker's proposal, the reviewer's decision, finance's repayments, and the campaigns' results.
// A district account sees and works only its district's hits and campaign rows (it names its region in the query).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { campaignReport, listCampaigns } from '../../services/campaigns/campaign-report.ts';
import { riskCatalogue } from '../../services/risk/catalogue.ts';
import { listComparisonFindings, listComparisonImports } from '../../services/risk/comparison-findings.ts';
import { exportComparisonFindings } from '../../services/risk/comparison-findings-export.ts';
import { hitDetail as readHit, listHits } from '../../services/risk/list-hits.ts';
import { decideResolution, proposeResolution, recordRepayment } from '../../services/risk/work-hit.ts';
import { idParams, refusals } from '../schemas/common.ts';
import {
  campaignReport as campaignReportSchema,
  campaignSummary,
  catalogueEntry,
  comparisonFinding,
  comparisonImport,
  decideBody,
  hitDetail,
  hitListQuery,
  hitView,
  proposeBody,
  regionQuery,
  repayBody,
  repaymentResult,
} from '../schemas/risk.ts';
import { CASE_STAFF, staff } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, regionFilter, touched } from '../security/scopes.ts';
import { sendRefusal } from '../route-helpers.ts';
import { sendWrittenFile, XLSX_TYPE } from '../replies.ts';
import { withZod } from '../zod-routes.ts';

export interface RiskRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
}

const hitInUrl = byParam('id', touched.regionOfRiskHit);

export async function riskRoutes(plugin: FastifyInstance, options: RiskRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock, params } = options;
  const tags = ['risk'];
  const detail = { 200: hitDetail, ...refusals };

  app.get(
    '/risk/rules',
    {
      config: staff(CASE_STAFF),
      schema: {
        summary: '风险规则目录：环节、风险等级、说明、法律依据、在效参数、各市是否启用',
        tags,
        response: { 200: z.array(catalogueEntry) },
      },
    },
    async () => riskCatalogue(params, clock.today()),
  );

  app.get(
    '/risk/hits',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '风险疑点队列（按风险等级；区县账号只见本区县）',
        tags,
        querystring: hitListQuery,
        response: { 200: z.array(hitView), ...refusals },
      },
    },
    async (request) =>
      listHits(db, { status: request.query.status, ruleCode: request.query.rule, withinRegion: request.query.region }),
  );

  app.get(
    '/risk/hits/:id',
    {
      config: staff(CASE_STAFF, hitInUrl),
      schema: { summary: '风险疑点详情：规则说明、证据、处理意见、复核、追回', tags, params: idParams, response: detail },
    },
    async (request, reply) => {
      try {
        return await readHit(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/risk/hits/:id/propose',
    {
      config: staff(['case_worker'], hitInUrl),
      schema: {
        summary: '经办员提出处理意见（排除或确认，确认支付后问题须填应追回金额）',
        tags,
        params: idParams,
        body: proposeBody,
        response: detail,
      },
    },
    async (request, reply) => {
      try {
        await proposeResolution(db, { hitId: Number(request.params.id), ...request.body, actor: actorOf(request), clock });
        return await readHit(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const outcome of ['approve', 'return'] as const) {
    app.post(
      `/risk/hits/:id/${outcome}`,
      {
        config: staff(['reviewer'], hitInUrl),
        schema: {
          summary: outcome === 'approve' ? '复核员同意处理意见（不能是提出人）' : '复核员退回处理意见（须填意见）',
          tags,
          params: idParams,
          body: decideBody,
          response: detail,
        },
      },
      async (request, reply) => {
        try {
          const hitId = Number(request.params.id);
          const note = request.body?.note;
          await decideResolution(db, { hitId, approve: outcome === 'approve', note, actor: actorOf(request), clock });
          return await readHit(db, hitId);
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.post(
    '/risk/hits/:id/repayments',
    {
      config: staff(['finance'], hitInUrl),
      schema: {
        summary: '财务人员登记追回款（记入基金账务）',
        tags,
        params: idParams,
        body: repayBody,
        response: { 201: repaymentResult, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const result = await recordRepayment(db, {
          hitId: Number(request.params.id),
          ...request.body,
          actor: actorOf(request),
          clock,
        });
        return reply.status(201).send(result);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/risk/comparisons',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '比对数据导入批次：比对结果条数和据此发现的疑点数（区县账号只计本区县）',
        tags,
        querystring: regionQuery,
        response: { 200: z.array(comparisonImport), ...refusals },
      },
    },
    async (request) => listComparisonImports(db, request.query.region),
  );

  app.get(
    '/risk/comparisons/:id/findings',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '一个比对导入批次的比对结果：人员（脱敏）、比对类型、据此发现的疑点、暂停支付、停发待遇',
        tags,
        params: idParams,
        querystring: regionQuery,
        response: { 200: z.array(comparisonFinding), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await listComparisonFindings(db, Number(request.params.id), request.query.region);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/risk/comparisons/:id/findings.xlsx',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '导出一个比对导入批次的比对结果（.xlsx，身份证号码脱敏，记入审计日志）',
        tags,
        params: idParams,
        querystring: regionQuery,
        response: refusals,
      },
    },
    async (request, reply) => {
      const batchId = Number(request.params.id);
      try {
        await listComparisonFindings(db, batchId, request.query.region);
        return await sendWrittenFile(reply, `比对结果${batchId}.xlsx`, XLSX_TYPE, (path) =>
          exportComparisonFindings(db, { batchId, path, withinRegion: request.query.region, actor: actorOf(request), clock }),
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/campaigns',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '精准推送活动列表', tags: ['campaigns'], response: { 200: z.array(campaignSummary) } },
    },
    async () => listCampaigns(db),
  );

  app.get(
    '/campaigns/:id/report',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'region')),
      schema: {
        summary: '推送活动按区县统计：推送对象、送达、确认领取、已支付金额（区县账号只见本区县）',
        tags: ['campaigns'],
        params: idParams,
        querystring: regionQuery,
        response: { 200: campaignReportSchema, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await campaignReport(db, Number(request.params.id), request.query.region);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
