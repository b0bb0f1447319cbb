// Staff API of the pilot spending register (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条): finance records a
// fund's sealed balance, its plan filing and the commitments against its cap, and spends or releases them; a second
// member of finance or a reviewer reviews the filing; auditors read. A fund is a city (or the province's own fund),
// named in the URL, which must lie within the caller's region.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import { incidentCategories, pilotItems, type IncidentCategory, type PilotItem } from '../../domain/vocabulary/fund.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { fundMonitoring } from '../../services/fund/fund-monitoring.ts';
import { exportIncidents, listIncidents, recordIncident } from '../../services/fund/incidents.ts';
import { monthlyReport, writeMonthlyReport } from '../../services/fund/monthly-report.ts';
import { listBudgets, recordBudget } from '../../services/fund/pilot-budget.ts';
import { commitPilotSpending, releaseCommitment, spendCommitment } from '../../services/fund/pilot-commitments.ts';
import { recordPlan, reviewPlan } from '../../services/fund/pilot-plan.ts';
import { pilotRegister } from '../../services/fund/pilot-register.ts';
import { sendWrittenFile } from '../replies.ts';
import { idParam, refusals, sendRefusal } from '../route-helpers.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { regionFilter } from '../security/scopes.ts';
import { recordExport } from '../../services/audit/record-export.ts';

export interface FundRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
}

const FINANCE = ['finance'] as const;
const PLAN_REVIEWERS = ['finance', 'reviewer'] as const;
const READERS = ['finance', 'reviewer', 'auditor'] as const;
const INCIDENT_RECORDERS = ['case_worker', 'reviewer', 'finance'] as const;
const INCIDENT_READERS = ['case_worker', 'reviewer', 'finance', 'auditor'] as const;
const regionCode = { type: 'string', pattern: '^[0-9]{6}$' } as const;
const year = { type: 'string', pattern: '^[0-9]{4}$' } as const;
const period = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' } as const;
const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const fen = (minimum: number) => ({ type: 'integer', minimum, maximum: Number.MAX_SAFE_INTEGER }) as const;
const note = { type: 'string', maxLength: 500 } as const;
const fundParams = { type: 'object', properties: { region: regionCode, year }, required: ['region', 'year'] } as const;
const fundItemParams = {
  type: 'object',
  properties: { region: regionCode, year, id: idParam },
  required: ['region', 'year', 'id'],
} as const;
const fundInUrl = regionFilter('params', 'region');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type FundUrl = { region: string; year: string };
type FundItemUrl = FundUrl & { id: string };
const fundKey = (p: FundUrl) => ({ regionCode: p.region, year: Number(p.year) });

export async function fundRoutes(app: FastifyInstance, options: FundRouteOptions): Promise<void> {
  const { db } = options.store;
  const { clock, params } = options;
  const tags = ['fund'];

  app.get<{ Querystring: { year?: string } }>(
    '/fund/pilot',
    {
      config: staff(READERS, wholeDataSet),
      schema: {
        summary: '扩大支出范围试点：各市（省本级）封定历史结余基金、支出额度、已承诺与已支出',
        tags,
        querystring: { type: 'object', additionalProperties: false, properties: { year } },
      },
    },
    async (request) => listBudgets(db, request.query.year ? Number(request.query.year) : undefined),
  );

  app.post<{ Body: { regionCode: string; year: number; sealedBalanceFen: number } }>(
    '/fund/pilot',
    {
      config: staff(FINANCE, regionFilter('body', 'regionCode')),
      schema: {
        summary: '财务人员登记封定历史结余基金（截至上年12月31日），市级额度按参数比例向下取整到分',
        tags,
        body: {
          type: 'object',
          required: ['regionCode', 'year', 'sealedBalanceFen'],
          additionalProperties: false,
          properties: { regionCode, year: { type: 'integer', minimum: 2000, maximum: 2999 }, sealedBalanceFen: fen(0) },
        },
        response: refusals,
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

  app.get<{ Params: FundUrl }>(
    '/fund/pilot/:region/:year',
    {
      config: staff(READERS, fundInUrl),
      schema: {
        summary: '一个市（省本级）的试点支出台账：额度、剩余额度、备案、承诺与分项目合计',
        tags,
        params: fundParams,
        response: refusals,
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

  app.post<{ Params: FundUrl; Body: { filedOn: string; documentNo: string } }>(
    '/fund/pilot/:region/:year/plans',
    {
      config: staff(FINANCE, fundInUrl),
      schema: {
        summary: '财务人员登记实施方案备案（备案日期、文号），待另一人复核',
        tags,
        params: fundParams,
        body: {
          type: 'object',
          required: ['filedOn', 'documentNo'],
          additionalProperties: false,
          properties: { filedOn: date, documentNo: { type: 'string', minLength: 1, maxLength: 100 } },
        },
        response: refusals,
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

  for (const [outcome, summary] of [
    ['approve', '另一名财务人员或复核员确认实施方案备案（不得为登记人本人）'],
    ['reject', '另一名财务人员或复核员驳回实施方案备案（须填写驳回意见）'],
  ] as const) {
    app.post<{ Params: FundItemUrl; Body: { note?: string } | undefined }>(
      `/fund/pilot/:region/:year/plans/:id/${outcome}`,
      {
        config: staff(PLAN_REVIEWERS, fundInUrl),
        schema: {
          summary,
          tags,
          params: fundItemParams,
          body: {
            type: 'object',
            required: outcome === 'reject' ? ['note'] : [],
            additionalProperties: false,
            properties: { note },
          },
          response: refusals,
        },
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

  app.post<{ Params: FundUrl; Body: { item: PilotItem; amountFen: number; description: string; committedOn?: string } }>(
    '/fund/pilot/:region/:year/commitments',
    {
      config: staff(FINANCE, fundInUrl),
      schema: {
        summary: '财务人员在支出额度内承诺一笔试点支出（超出额度或未备案时拒绝并说明原因）',
        tags,
        params: fundParams,
        body: {
          type: 'object',
          required: ['item', 'amountFen', 'description'],
          additionalProperties: false,
          properties: {
            item: { type: 'string', enum: [...pilotItems] },
            amountFen: fen(1),
            description: { type: 'string', minLength: 1, maxLength: 200 },
            committedOn: date,
          },
        },
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(
          await commitPilotSpending(db, params, {
            ...fundKey(request.params),
            ...request.body,
            actor: actorOf(request),
            clock,
          }),
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const [outcome, settle, summary] of [
    ['spend', spendCommitment, '财务人员登记承诺已支出（可少于承诺金额，余额退回额度），记入基金账务'],
    ['release', releaseCommitment, '财务人员释放承诺（须填写原因），金额退回额度'],
  ] as const) {
    app.post<{ Params: FundItemUrl; Body: { spentFen?: number; note?: string } | undefined }>(
      `/fund/pilot/:region/:year/commitments/:id/${outcome}`,
      {
        config: staff(FINANCE, fundInUrl),
        schema: {
          summary,
          tags,
          params: fundItemParams,
          body: {
            type: 'object',
            required: outcome === 'release' ? ['note'] : [],
            additionalProperties: false,
            properties: { ...(outcome === 'spend' && { spentFen: fen(1) }), note },
          },
          response: refusals,
        },
      },
      async (request, reply) => {
        try {
          return await settle(db, {
            ...fundKey(request.params),
            commitmentId: Number(request.params.id),
            spentFen: request.body?.spentFen,
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

  app.get<{ Params: { region: string }; Querystring: { from: string; to: string } }>(
    '/fund/monitoring/:region',
    {
      config: staff(READERS, fundInUrl),
      schema: {
        summary: '基金运行监测（鲁人社发〔2024〕8号 第八条）：按月、按地区的收入、分项支出、结余、可支付月数与预警（截至本月）',
        tags,
        params: { type: 'object', properties: { region: regionCode }, required: ['region'] },
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: { from: period, to: period },
        },
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        return await fundMonitoring(db, params, { regionCode: request.params.region, ...request.query, today: clock.today() });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get<{ Params: { region: string; period: string } }>(
    '/fund/reports/:region/:period',
    {
      config: staff(READERS, fundInUrl),
      schema: {
        summary:
          '失业保险基金月报（.xlsx，固定格式：基金收支、稳岗返还按规模和地区、技能提升补贴按等级、试点支出对照额度、保生活待遇）',
        tags,
        params: { type: 'object', properties: { region: regionCode, period }, required: ['region', 'period'] },
        response: refusals,
      },
    },
    async (request, reply) => {
      const { region, period: month } = request.params;
      try {
        const report = await monthlyReport(db, params, { regionCode: region, period: month });
        return await sendWrittenFile(reply, `${report.regionName}失业保险基金月报-${month}.xlsx`, XLSX_TYPE, (path) =>
          writeMonthlyReport(path, report),
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  type IncidentBody = {
    occurredAt: string;
    regionCode: string;
    category: IncidentCategory;
    description: string;
    followUp?: string;
    correctsId?: number;
  };
  app.post<{ Body: IncidentBody }>(
    '/fund/incidents',
    {
      config: staff(INCIDENT_RECORDERS, regionFilter('body', 'regionCode')),
      schema: {
        summary: '登记要情报告（只能追加：更正或续报另行登记并注明更正的编号）',
        tags,
        body: {
          type: 'object',
          required: ['occurredAt', 'regionCode', 'category', 'description'],
          additionalProperties: false,
          properties: {
            occurredAt: { type: 'string', format: 'date-time' },
            regionCode,
            category: { type: 'string', enum: [...incidentCategories] },
            description: { type: 'string', minLength: 1, maxLength: 2000 },
            followUp: { type: 'string', maxLength: 2000 },
            correctsId: { type: 'integer', minimum: 1 },
          },
        },
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await recordIncident(db, { ...request.body, actor: actorOf(request), clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  const incidentQuery = {
    type: 'object',
    required: ['region'],
    additionalProperties: false,
    properties: { region: regionCode },
  } as const;
  app.get<{ Querystring: { region: string } }>(
    '/fund/incidents',
    {
      config: staff(INCIDENT_READERS, regionFilter('query', 'region')),
      schema: { summary: '要情报告列表（该地区及下辖地区，最新的在前）', tags, querystring: incidentQuery, response: refusals },
    },
    async (request, reply) => {
      try {
        return await listIncidents(db, { regionCode: request.query.region });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get<{ Querystring: { region: string } }>(
    '/fund/incidents/export',
    {
      config: staff(INCIDENT_READERS, regionFilter('query', 'region')),
      schema: { summary: '导出要情报告（.xlsx）', tags, querystring: incidentQuery, response: refusals },
    },
    async (request, reply) => {
      try {
        const fileName = `要情报告-${request.query.region}.xlsx`;
        return await sendWrittenFile(reply, fileName, XLSX_TYPE, async (path) => {
          await exportIncidents(db, { regionCode: request.query.region }, path);
          await recordExport(db, { actor: actorOf(request), subject: `fund_incidents:${request.query.region}`, fileName, clock });
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
