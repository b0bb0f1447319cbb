// 公示 API (鲁人社发〔2024〕8号 第八条): staff open a notice over approved batches, record objections, close it once its
// working days have passed and export it; the public reads current and past notices with masked credit codes and no
// names of staff.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { chineseWorkingDays } from '../../adapters/calendar/chinese-working-days.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import { formatYuan } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { closeNotice } from '../../services/notice/close-notice.ts';
import { exportNoticeXlsx } from '../../services/notice/export-notice.ts';
import { getNotice, layoffRatePercent, listNotices, noticeItems } from '../../services/notice/list-notices.ts';
import { openNotice } from '../../services/notice/open-notice.ts';
import { recordObjection } from '../../services/notice/record-objection.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { WorkingDayCalendar } from '../../domain/ports/working-day-calendar.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  closedNotice,
  itemQuery,
  notice,
  noticeItem,
  noticeListQuery,
  noticeParams,
  objectionBody,
  openedNotice,
  openNoticeBody,
  publicNotice,
  publicNoticeItem,
  recordedObjection,
} from '../schemas/notice.ts';
import { withZod } from '../zod-routes.ts';
import { CASE_STAFF, PUBLIC, staff } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, noticeBatches, touched, unitInBody } from '../security/scopes.ts';
import { recordExport } from '../../services/audit/record-export.ts';
import { XLSX_TYPE } from '../replies.ts';

export interface NoticeRouteOptions {
  store: Store;
  clock: Clock;
  calendar?: WorkingDayCalendar;
  params?: ParameterStore;
}

function page(query: z.infer<typeof itemQuery>): { q?: string; limit: number; offset: number } {
  return { q: query.q, limit: Math.min(Number(query.limit ?? 100), 1000), offset: Number(query.offset ?? 0) };
}

/** The regions of a notice's units: its staff pages list them (withdrawn ones too), so a district account sees its own. */
const noticeRegions = byParam('id', touched.regionsOfNotice);

export async function noticeRoutes(plugin: FastifyInstance, options: NoticeRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock } = options;
  const calendar = options.calendar ?? chineseWorkingDays;
  const tags = ['notice'];

  app.post(
    '/notices',
    {
      config: staff(['case_worker', 'reviewer'], noticeBatches),
      schema: {
        summary: '对复核通过的批次发起公示（公示期按工作日计算）',
        tags,
        body: openNoticeBody,
        response: { 201: openedNotice, ...refusals },
      },
    },
    async (request, reply) => {
      const { round, batchIds, title } = request.body;
      try {
        const opened = await openNotice(db, {
          round,
          batchIds,
          title,
          actor: actorOf(request),
          clock,
          calendar,
          params: options.params,
        });
        return reply.status(201).send(opened);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/notices',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '公示列表（当前与往期）', tags, querystring: noticeListQuery, response: { 200: z.array(notice) } },
    },
    async (request) => listNotices(db, request.query),
  );

  app.get(
    '/notices/:id',
    {
      config: staff(CASE_STAFF, noticeRegions),
      schema: { summary: '公示详情', tags, params: noticeParams, response: { 200: notice, ...refusals } },
    },
    async (request, reply) => {
      try {
        return await getNotice(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/notices/:id/items',
    {
      config: staff(CASE_STAFF, noticeRegions),
      schema: {
        summary: '公示名单（含因异议撤出的单位）',
        tags,
        params: noticeParams,
        querystring: itemQuery,
        response: { 200: z.array(noticeItem), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await noticeItems(db, Number(request.params.id), { ...page(request.query), includeWithdrawn: true });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/notices/:id/objections',
    {
      config: staff(['case_worker', 'reviewer'], unitInBody),
      schema: {
        summary: '登记公示期内的异议：单位撤出名单，案件退回复核',
        tags,
        params: noticeParams,
        body: objectionBody,
        response: { 201: recordedObjection, ...refusals },
      },
    },
    async (request, reply) => {
      const { unitId, content } = request.body;
      try {
        const recorded = await recordObjection(db, {
          noticeId: Number(request.params.id),
          unitId,
          content,
          actor: actorOf(request),
          clock,
        });
        return reply.status(201).send(recorded);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/notices/:id/close',
    {
      config: staff(['case_worker', 'reviewer'], noticeRegions),
      schema: {
        summary: '公示期满后结束公示，名单内案件转为公示期满',
        tags,
        params: noticeParams,
        response: { 200: closedNotice, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await closeNotice(db, { noticeId: Number(request.params.id), actor: actorOf(request), clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/notices/:id/export',
    {
      config: staff(CASE_STAFF, noticeRegions),
      schema: { summary: '导出公示名单（.xlsx）', tags, params: noticeParams },
    },
    async (request, reply) => {
      const noticeId = Number(request.params.id);
      const dir = await mkdtemp(join(tmpdir(), 'wengang-notice-'));
      try {
        const path = join(dir, 'notice.xlsx');
        await exportNoticeXlsx(db, noticeId, path);
        await recordExport(db, {
          actor: actorOf(request),
          subject: `public_notice:${noticeId}`,
          fileName: `公示名单-${noticeId}.xlsx`,
          clock,
        });
        return reply
          .type(XLSX_TYPE)
          .header(
            'content-disposition',
            `attachment; filename="notice-${noticeId}.xlsx"; filename*=UTF-8''${encodeURIComponent(`公示名单-${noticeId}.xlsx`)}`,
          )
          .send(await readFile(path));
      } catch (error) {
        return sendRefusal(reply, error);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  // The public page: no staff names, no withdrawn units, credit codes masked when the notice was opened.
  app.get(
    '/public/notices',
    {
      config: { access: PUBLIC },
      schema: { summary: '公开：稳岗返还公示列表', tags: ['public'], response: { 200: z.array(publicNotice) } },
    },
    async () =>
      (await listNotices(db)).map((n) => ({
        id: n.id,
        round: n.round,
        title: n.title,
        openedOn: n.openedOn,
        lastDay: n.lastDay,
        status: n.status,
        unitCount: n.unitCount,
        totalFen: n.totalFen,
        totalYuan: formatYuan(n.totalFen),
      })),
  );

  app.get(
    '/public/notices/:id/items',
    {
      config: { access: PUBLIC },
      schema: {
        summary: '公开：公示名单（可按单位名称查询）',
        tags: ['public'],
        params: noticeParams,
        querystring: itemQuery,
        response: { 200: z.array(publicNoticeItem), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const items = await noticeItems(db, Number(request.params.id), page(request.query));
        return items.map((i) => ({
          unitName: i.unitName,
          creditCode: i.creditCodeMasked,
          layoffRate: layoffRatePercent(i.layoffRate),
          amountFen: i.amountFen,
          amountYuan: formatYuan(i.amountFen),
        }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
