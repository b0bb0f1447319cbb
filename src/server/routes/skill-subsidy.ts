// The skill-upgrade subsidy API (鲁人社发〔2024〕8号 第四条). Register with { prefix: '/api/v1' }.
//   POST /person/me/skill-subsidy                     the signed-in person applies with a certificate number only
//   GET  /person/me/skill-subsidy                     the person's applications, decisions with their trace, payments
//   POST /skill-subsidy/applications                  a case worker's entry (or an API caller) for any holder
//   GET  /skill-subsidy/applications[?…&format=xlsx]  the queue with filters, or as Excel
//   GET  /skill-subsidy/applications/:id              one application with its decision trace
//   POST /skill-subsidy/applications/:id/approve|return   a second person's review
//   GET  /certificates?number=…                        registry look-up by certificate number
//   POST /certificates/by-holder {idNumber}            registry look-up by the holder's ID number (kept out of URLs)
// A district account works its own district only: an entry for the certificate holder's district, the queue with its
// district as the filter, and the applications of its district.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import { importedCertificateRegistry } from '../../adapters/registry/imported-certificate-registry.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { applyForSkillSubsidy } from '../../services/skill-subsidy/apply.ts';
import {
  listSkillApplications,
  personSkillApplications,
  skillApplicationDetail,
  writeSkillApplicationsXlsx,
} from '../../services/skill-subsidy/queue.ts';
import { approveSkillApplication, returnSkillApplication } from '../../services/skill-subsidy/review.ts';
import { regionScope } from '../../services/screening/region-scope.ts';
import { XLSX_TYPE, fail, sendWrittenFile } from '../replies.ts';
import { CASE_STAFF, staff, type ScopeResolver } from '../security/access.ts';
import { actorOf, personOf } from '../security/request-identity.ts';
import { byParam, personByIdNumberInBody, regionFilter } from '../security/scopes.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  applicationParams,
  certificateHolderBody,
  certificateLookupQuery,
  personApplicationBody,
  queueQuery,
  registryCertificate,
  reviewBody,
  reviewedApplication,
  skillApplication,
  skillApplicationDetail as detailSchema,
  staffApplicationBody,
  submittedApplication,
} from '../schemas/skill-subsidy.ts';
import { withZod } from '../zod-routes.ts';

export interface SkillSubsidyRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
  cipher: FieldCipher;
}

const tags = ['skill-subsidy'];
const PERSON = { access: { person: true } } as const;

const applicationInUrl = byParam('id', async (db, id) =>
  (await db.selectFrom('skill_subsidy_applications').select('region_code').where('id', '=', id).execute()).map(
    (r) => r.region_code,
  ),
);
/** The district of the certificate's holder (none when the registry does not know the number: the handler says so). */
const holderOfCertificate: ScopeResolver = (request, db) =>
  holderRegions(db, String((request.body as { certificateNumber?: unknown } | undefined)?.certificateNumber ?? ''));

async function holderRegions(db: Parameters<ScopeResolver>[1], number: string): Promise<string[]> {
  const rows = await db
    .selectFrom('certificates as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select('p.region_code')
    .where('c.number', '=', number.trim())
    .execute();
  return rows.map((r) => r.region_code);
}

export async function skillSubsidyRoutes(plugin: FastifyInstance, options: SkillSubsidyRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    clock,
    params,
    cipher,
  } = options;
  const registry = importedCertificateRegistry(db, cipher);
  const apply = { registry, cipher, params, clock };
  /** A look-up by certificate number touches the holder's district. */
  const lookedUp: ScopeResolver = async (request, db) => {
    const { number } = request.query as { number: string };
    return (await registry.byNumber(number)) ? holderRegions(db, number) : [];
  };

  app.post(
    '/person/me/skill-subsidy',
    {
      config: { ...PERSON, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: '本人申请技能提升补贴：只需填写证书编号（个人）',
        tags,
        body: personApplicationBody,
        response: { 201: submittedApplication, ...refusals },
      },
    },
    async (request, reply) => {
      const person = personOf(request);
      try {
        const result = await applyForSkillSubsidy(db, {
          ...apply,
          certificateNumber: request.body.certificateNumber,
          channel: 'person_portal',
          personId: person.personId,
          by: `个人:${person.name}`,
        });
        return await reply.status(201).send(result);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/person/me/skill-subsidy',
    {
      config: PERSON,
      schema: {
        summary: '本人的技能提升补贴申请、判定结果及判定过程和发放情况（个人）',
        tags,
        response: { 200: z.array(detailSchema) },
      },
    },
    async (request) => personSkillApplications(db, personOf(request).personId),
  );

  app.post(
    '/skill-subsidy/applications',
    {
      config: staff(['case_worker'], holderOfCertificate),
      schema: {
        summary: '经办员录入技能提升补贴申请（证书编号；可填收件日期，早于通知印发的予以补发）',
        tags,
        body: staffApplicationBody,
        response: { 201: submittedApplication, ...refusals },
      },
    },
    async (request, reply) => {
      const { certificateNumber, applicationDate, channel } = request.body;
      try {
        const result = await applyForSkillSubsidy(db, {
          ...apply,
          certificateNumber,
          channel: channel ?? 'case_worker',
          by: actorOf(request).name,
          ...(applicationDate && { applicationDate }),
        });
        return await reply.status(201).send(result);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/skill-subsidy/applications',
    {
      config: staff(CASE_STAFF, regionFilter('query', 'regionCode')),
      schema: {
        summary: '技能提升补贴申请列表（按复核状态、判定结果、地区、是否补发筛选；format=xlsx 导出 Excel）',
        tags,
        querystring: queueQuery,
        response: { 200: z.array(skillApplication), ...refusals },
      },
    },
    async (request, reply) => {
      const { format, retroactive, regionCode, ...rest } = request.query;
      try {
        const filter = {
          ...rest,
          ...(regionCode && { regionCodes: await regionScope(db, regionCode) }),
          ...(retroactive && { retroactive: retroactive === 'true' }),
        };
        if (format === 'xlsx')
          return await sendWrittenFile(reply, '技能提升补贴申请.xlsx', XLSX_TYPE, (path) =>
            writeSkillApplicationsXlsx(db, filter, path),
          );
        return await listSkillApplications(db, filter);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/skill-subsidy/applications/:id',
    {
      config: staff(CASE_STAFF, applicationInUrl),
      schema: {
        summary: '技能提升补贴申请详情：判定依据逐条列出（条件、取值、标准、结果、条款）',
        tags,
        params: applicationParams,
        response: { 200: detailSchema, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await skillApplicationDetail(db, Number(request.params.id));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  for (const outcome of ['approve', 'return'] as const) {
    app.post(
      `/skill-subsidy/applications/:id/${outcome}`,
      {
        config: staff(['reviewer'], applicationInUrl),
        schema: {
          summary:
            outcome === 'approve'
              ? '复核通过技能提升补贴申请（复核人不得为经办人；符合条件的生成发放款项）'
              : '退回技能提升补贴申请（须填写退回意见）',
          tags,
          params: applicationParams,
          body: reviewBody,
          response: { 200: reviewedApplication, ...refusals },
        },
      },
      async (request, reply) => {
        const review = outcome === 'approve' ? approveSkillApplication : returnSkillApplication;
        try {
          return await review(db, {
            applicationId: Number(request.params.id),
            by: actorOf(request).name,
            note: request.body?.note,
            clock,
          });
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }

  app.get(
    '/certificates',
    {
      config: staff(CASE_STAFF, lookedUp),
      schema: {
        summary: '证书查询：按证书编号',
        tags,
        querystring: certificateLookupQuery,
        response: { 200: registryCertificate, ...refusals },
      },
    },
    async (request, reply) => {
      const { number } = request.query;
      return (await registry.byNumber(number)) ?? fail(reply, 404, 'NOT_FOUND', `证书编号 ${number} 查询不到`);
    },
  );

  app.post(
    '/certificates/by-holder',
    {
      config: staff(CASE_STAFF, personByIdNumberInBody(cipher)),
      schema: {
        summary: '证书查询：按持证人公民身份号码（号码放在请求体中，不进网址）',
        tags,
        body: certificateHolderBody,
        response: { 200: z.array(registryCertificate), ...refusals },
      },
    },
    async (request) => registry.byIdNumber(request.body.idNumber),
  );
}
