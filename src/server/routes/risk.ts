// Staff API of risk control and targeted push (鲁人社发〔2024〕8号 第八条、第九条): the rule catalogue, the hit queue and
// detail, the case worker's proposal, the reviewer's decision, finance's repayments, and the campaigns' results.
// Hits and campaigns span the city's districts, so only city-wide staff reach them.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { riskHitStatuses, type RiskHitStatus } from '../../domain/vocabulary/risk.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { campaignReport, listCampaigns } from '../../services/campaigns/campaign-report.ts';
import { Refusal } from '../../domain/refusal.ts';
import { riskCatalogue } from '../../services/risk/catalogue.ts';
import { hitDetail, listHits } from '../../services/risk/list-hits.ts';
import { decideResolution, proposeResolution, recordRepayment } from '../../services/risk/work-hit.ts';
import { decideBody, proposeBody, repayBody } from '../schemas/risk.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { idParam, refusals, sendRefusal } from '../route-helpers.ts';

export interface RiskRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
}

const READERS = ['case_worker', 'reviewer', 'finance', 'auditor'] as const;
const idParams = { type: 'object', properties: { id: idParam }, required: ['id'] } as const;
type IdUrl = { id: string };

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  body: unknown,
): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success)
    throw new Refusal('INVALID', `请求有误：${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return result.data;
}

export async function riskRoutes(app: FastifyInstance, options: RiskRouteOptions): Promise<void> {
  const { db } = options.store;
  const { clock, params } = options;
  const tags = ['risk'];

  app.get(
    '/risk/rules',
    {
      config: staff(READERS, wholeDataSet),
      schema: { summary: '风险规则目录：环节、风险等级、说明、法律依据、在效参数、各市是否启用', tags },
    },
    async () => riskCatalogue(params, clock.today()),
  );

  app.get<{ Querystring: { status?: RiskHitStatus; rule?: string } }>(
    '/risk/hits',
    {
      config: staff(READERS, wholeDataSet),
      schema: {
        summary: '风险疑点队列（按风险等级）',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { status: { type: 'string', enum: [...riskHitStatuses] }, rule: { type: 'string', maxLength: 60 } },
        },
      },
    },
    async (request) => listHits(db, { status: request.query.status, ruleCode: request.query.rule }),
  );

  app.get<{ Params: IdUrl }>(
    '/risk/hits/:id',
    {
      config: staff(READERS, wholeDataSet),
      schema: { summary: '风险疑点详情：证据、处理意见、复核、追回', tags, params: idParams, response: refusals },
    },
    async (request, reply) => {
      try {
        return await hitDetail(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post<{ Params: IdUrl }>(
    '/risk/hits/:id/propose',
    {
      config: staff(['case_worker'], wholeDataSet),
      schema: {
        summary: '经办员提出处理意见（排除或确认，确认支付后问题须填应追回金额）',
        tags,
        params: idParams,
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        const body = parsed(proposeBody, request.body);
        await proposeResolution(db, { hitId: Number(request.params.id), ...body, actor: actorOf(request), clock });
        return await hitDetail(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const outcome of ['approve', 'return'] as const) {
    app.post<{ Params: IdUrl }>(
      `/risk/hits/:id/${outcome}`,
      {
        config: staff(['reviewer'], wholeDataSet),
        schema: {
          summary: outcome === 'approve' ? '复核员同意处理意见（不能是提出人）' : '复核员退回处理意见（须填意见）',
          tags,
          params: idParams,
          response: refusals,
        },
      },
      async (request, reply) => {
        try {
          const body = parsed(decideBody, request.body);
          await decideResolution(db, {
            hitId: Number(request.params.id),
            approve: outcome === 'approve',
            note: body.note,
            actor: actorOf(request),
            clock,
          });
          return await hitDetail(db, Number(request.params.id));
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.post<{ Params: IdUrl }>(
    '/risk/hits/:id/repayments',
    {
      config: staff(['finance'], wholeDataSet),
      schema: { summary: '财务人员登记追回款（记入基金账务）', tags, params: idParams, response: refusals },
    },
    async (request, reply) => {
      try {
        const body = parsed(repayBody, request.body);
        return reply
          .status(201)
          .send(await recordRepayment(db, { hitId: Number(request.params.id), ...body, actor: actorOf(request), clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/campaigns',
    {
      config: staff(READERS, wholeDataSet),
      schema: { summary: '精准推送活动列表', tags: ['campaigns'] },
    },
    async () => listCampaigns(db),
  );

  app.get<{ Params: IdUrl }>(
    '/campaigns/:id/report',
    {
      config: staff(READERS, wholeDataSet),
      schema: {
        summary: '推送活动按区市统计：推送对象、送达、确认领取、已支付金额',
        tags: ['campaigns'],
        params: idParams,
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        return await campaignReport(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
