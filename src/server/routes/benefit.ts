// API of unemployment-benefit casework (鲁人社发〔2024〕8号 第五条、第七条、第八条): a case worker (or the API) takes a
// claim with the ID number only; a reviewer approves or returns it; staff read the queue and a claim with its trace
// and schedule (or the queue as Excel), stop a claim or transfer the person out; a signed-in person claims and follows
// their own claims. A district account works its own district only: a claim by the ID number of one of its persons,
// the queue with its district as the filter, and the claims and persons of its district.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { writeBenefitClaimsXlsx } from '../../services/benefit/claim-export.ts';
import { claimDetail, listClaims } from '../../services/benefit/claim-views.ts';
import { stopClaimByHand } from '../../services/benefit/manual-stop.ts';
import { reviewBenefitClaim } from '../../services/benefit/review-claim.ts';
import { submitBenefitClaim } from '../../services/benefit/submit-claim.ts';
import { transferOut } from '../../services/benefit/transfers.ts';
import { regionScope } from '../../services/screening/region-scope.ts';
import { actorName } from '../../services/round/case-transitions.ts';
import { XLSX_TYPE, fail, sendWrittenFile } from '../replies.ts';
import { staff, type ScopeResolver } from '../security/access.ts';
import { actorOf, personOf } from '../security/request-identity.ts';
import { byParam, personByIdNumberInBody, regionFilter } from '../security/scopes.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  claimBody,
  claimDetail as claimDetailSchema,
  claimParams,
  claimQueueQuery,
  claimReviewBody,
  claimRow,
  reviewedClaim,
  stopBody,
  stoppedClaim,
  submittedClaim,
  transferBody,
  transferRecord,
} from '../schemas/benefit.ts';
import { withZod } from '../zod-routes.ts';

export interface BenefitRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
  cipher: FieldCipher;
}

const CASE_WORKER = ['case_worker'] as const;
const REVIEWER = ['reviewer'] as const;
const STOPPERS = ['case_worker', 'reviewer'] as const;
const READERS = ['case_worker', 'reviewer', 'finance', 'auditor'] as const;
const PERSON = { access: { person: true } } as const;
const claimInUrl = byParam('id', async (db, id) =>
  (await db.selectFrom('benefit_claims').select('region_code').where('id', '=', id).execute()).map((r) => r.region_code),
);
const personInBody: ScopeResolver = async (request, db) => {
  const id = Number((request.body as { personId?: unknown } | undefined)?.personId);
  return (await db.selectFrom('persons').select('region_code').where('id', '=', id).execute()).map((r) => r.region_code);
};

export async function benefitRoutes(plugin: FastifyInstance, options: BenefitRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock, params, cipher } = options;
  const tags = ['benefit'];
  const personByIdNumber = personByIdNumberInBody(cipher);

  app.post(
    '/benefit/claims',
    {
      config: staff(CASE_WORKER, personByIdNumber),
      schema: {
        summary: '窗口受理失业保险金申领：仅凭公民身份号码，缴费、离职原因和失业登记从数据库读取，当即判定并待复核',
        tags,
        body: claimBody,
        response: { 201: submittedClaim, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const by = actorName(actorOf(request));
        return reply.status(201).send(
          await submitBenefitClaim(db, {
            person: { idNumber: request.body.idNumber, cipher },
            channel: 'case_worker',
            by,
            claimDate: request.body.claimDate,
            params,
            clock,
          }),
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/benefit/claims',
    {
      config: staff(READERS, regionFilter('query', 'region')),
      schema: {
        summary: '失业保险金申领列表（按地区、状态、判定结果筛选；身份证号码脱敏；format=xlsx 导出 Excel）',
        tags,
        querystring: claimQueueQuery,
        response: { 200: z.array(claimRow), ...refusals },
      },
    },
    async (request, reply) => {
      const { region, status, decision, format } = request.query;
      try {
        const filter = { regionCodes: await regionScope(db, region), status, decisionStatus: decision };
        if (format === 'xlsx')
          return await sendWrittenFile(reply, '失业保险金申领.xlsx', XLSX_TYPE, (path) =>
            writeBenefitClaimsXlsx(db, filter, path),
          );
        return await listClaims(db, filter);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/benefit/claims/:id',
    {
      config: staff(READERS, claimInUrl),
      schema: {
        summary: '一件申领：逐项判定过程（含法律依据）和按月发放计划',
        tags,
        params: claimParams,
        response: { 200: claimDetailSchema, ...refusals },
      },
    },
    async (request, reply) => (await claimDetail(db, Number(request.params.id))) ?? fail(reply, 404, 'NOT_FOUND', '没有这件申领'),
  );

  for (const outcome of ['approve', 'return'] as const) {
    app.post(
      `/benefit/claims/:id/${outcome}`,
      {
        config: staff(REVIEWER, claimInUrl),
        schema: {
          summary: outcome === 'approve' ? '复核通过（不得由受理人本人复核），生成按月发放计划' : '退回申领（须填写意见）',
          tags,
          params: claimParams,
          body: claimReviewBody,
          response: { 200: reviewedClaim, ...refusals },
        },
      },
      async (request, reply) => {
        try {
          return await reviewBenefitClaim(db, {
            claimId: Number(request.params.id),
            outcome,
            note: request.body?.note,
            by: actorName(actorOf(request)),
            clock,
          });
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.post(
    '/benefit/claims/:id/stop',
    {
      config: staff(STOPPERS, claimInUrl),
      schema: {
        summary: '停发（自某月起，须填写原因）',
        tags,
        params: claimParams,
        body: stopBody,
        response: { 200: stoppedClaim, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await stopClaimByHand(db, {
          claimId: Number(request.params.id),
          stoppedFrom: request.body.from,
          note: request.body.note,
          by: actorName(actorOf(request)),
          clock,
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/benefit/transfers',
    {
      config: staff(CASE_WORKER, personInBody),
      schema: {
        summary: '失业保险关系转出：记录累计缴费、已领和剩余月数，本地自首个未发月份起停发',
        tags,
        body: transferBody,
        response: { 201: transferRecord, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(
          await transferOut(db, {
            personId: request.body.personId,
            counterpart: request.body.to,
            transferredOn: request.body.on,
            by: actorName(actorOf(request)),
            clock,
          }),
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/person/benefit-claims',
    {
      config: PERSON,
      schema: {
        summary: '本人申领失业保险金（登录即可，无需提交任何材料）',
        tags,
        response: { 201: submittedClaim, ...refusals },
      },
    },
    async (request, reply) => {
      const { personId } = personOf(request);
      try {
        return reply
          .status(201)
          .send(await submitBenefitClaim(db, { person: { personId }, channel: 'portal', by: `个人:${personId}`, params, clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/person/benefit-claims',
    {
      config: PERSON,
      schema: { summary: '本人的失业保险金申领、判定过程和按月发放计划', tags, response: { 200: z.array(claimDetailSchema) } },
    },
    async (request) => {
      const claims = await listClaims(db, { personId: personOf(request).personId });
      return Promise.all(claims.map(async (c) => (await claimDetail(db, c.claimId))!));
    },
  );
}
