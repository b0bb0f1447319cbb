// Staff API of fund control beyond the pilot register (鲁人社发〔2024〕8号 第八条): fund monitoring and the monthly
// report (.xlsx) of a fund in the caller's region; the payout account — what the next payment run may spend and from
// which source, money arriving (finance; what waited is then batched, living guarantee first) and a payment run; and
// major incident reports (要情报告: recorded by case workers, reviewers and finance, read and exported by auditors too).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { proposeWithinFunds } from '../../services/benefit/living-guarantee-first.ts';
import { recordExport } from '../../services/audit/record-export.ts';
import { payoutPosition, recordFundArrival } from '../../services/fund/fund-arrivals.ts';
import { fundMonitoring } from '../../services/fund/fund-monitoring.ts';
import { exportIncidents, listIncidents, recordIncident } from '../../services/fund/incidents.ts';
import { monthlyReport, writeMonthlyReport } from '../../services/fund/monthly-report.ts';
import { XLSX_TYPE, sendWrittenFile } from '../replies.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import * as s from '../schemas/fund.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { regionFilter } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';
import { FINANCE, READERS, fundInUrl, type FundRouteOptions } from './fund.ts';

const INCIDENT_RECORDERS = ['case_worker', 'reviewer', 'finance'] as const;
const INCIDENT_READERS = ['case_worker', 'reviewer', 'finance', 'auditor'] as const;

export async function fundReportRoutes(plugin: FastifyInstance, options: FundRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock, params } = options;
  const tags = ['fund'];

  app.get(
    '/fund/monitoring/:region',
    {
      config: staff(READERS, fundInUrl),
      schema: {
        summary: '基金运行监测（鲁人社发〔2024〕8号 第八条）：按月、按地区的收入、分项支出、结余、可支付月数与预警（截至本月）',
        tags,
        params: s.regionParams,
        querystring: s.monitoringQuery,
        response: { 200: s.fundMonitoring, ...refusals },
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

  app.get(
    '/fund/reports/:region/:period',
    {
      config: staff(READERS, fundInUrl),
      schema: {
        summary:
          '失业保险基金月报（.xlsx，固定格式：基金收支、稳岗返还按规模和地区、技能提升补贴按等级、试点支出对照额度、保生活待遇）',
        tags,
        params: s.reportParams,
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

  app.get(
    '/fund/payout',
    {
      config: staff(READERS, wholeDataSet),
      schema: {
        summary: '支出户：下一次支付可用资金及其来源（指定金额、账面余额或参数额度），排队等待资金的支付（按支付先后）',
        tags,
        response: { 200: s.payoutPosition, ...refusals },
      },
    },
    async (_request, reply) => {
      try {
        return await payoutPosition(db, params, clock.today());
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/fund/payout/arrivals',
    {
      config: staff(FINANCE, wholeDataSet),
      schema: {
        summary: '财务人员登记资金到账（同一凭证号只入账一次），随即按保生活支出优先原则为排队款项提交支付批次',
        tags,
        body: s.arrivalBody,
        response: { 201: s.arrivalResult, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const result = await recordFundArrival(db, { ...request.body, actor: actorOf(request), clock, params });
        return reply.status(201).send(result);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/fund/payout/runs',
    {
      config: staff(FINANCE, wholeDataSet),
      schema: {
        summary: '财务人员按保生活支出优先原则在可用资金内为待支付款项提交支付批次（不填金额时取账面余额或参数额度）',
        tags,
        body: s.payRunBody,
        response: { 201: s.payRun, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const run = await proposeWithinFunds(db, {
          availableFen: request.body?.availableFen,
          params,
          actor: actorOf(request),
          clock,
        });
        return reply.status(201).send(run);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/fund/incidents',
    {
      config: staff(INCIDENT_RECORDERS, regionFilter('body', 'regionCode')),
      schema: {
        summary: '登记要情报告（只能追加：更正或续报另行登记并注明更正的编号）',
        tags,
        body: s.incidentBody,
        response: { 201: s.incident, ...refusals },
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

  app.get(
    '/fund/incidents',
    {
      config: staff(INCIDENT_READERS, regionFilter('query', 'region')),
      schema: {
        summary: '要情报告列表（该地区及下辖地区，最新的在前）',
        tags,
        querystring: s.regionQuery,
        response: { 200: z.array(s.incident), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await listIncidents(db, { regionCode: request.query.region });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/fund/incidents/export',
    {
      config: staff(INCIDENT_READERS, regionFilter('query', 'region')),
      schema: { summary: '导出要情报告（.xlsx）', tags, querystring: s.regionQuery, response: refusals },
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
