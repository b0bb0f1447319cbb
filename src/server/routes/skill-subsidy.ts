// The skill-upgrade subsidy API (鲁人社发〔2024〕8号 第四条). Register with { prefix: '/api/v1' }.
//   POST /person/me/skill-subsidy                     the signed-in person applies with a certificate number only
//   GET  /person/me/skill-subsidy                     the person's applications, decisions and payments
//   POST /skill-subsidy/applications                  a case worker's entry (or an API caller) for any holder
//   GET  /skill-subsidy/applications[?…&format=xlsx]  the queue with filters, or as Excel
//   GET  /skill-subsidy/applications/:id              one application with its decision trace
//   POST /skill-subsidy/applications/:id/approve|return   a second person's review
//   GET  /certificates?number=…|idNumber=…            registry look-ups
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import { importedCertificateRegistry } from '../../adapters/registry/imported-certificate-registry.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { applyForSkillSubsidy } from '../../services/skill-subsidy/apply.ts';
import {
  listSkillApplications,
  skillApplicationDetail,
  writeSkillApplicationsXlsx,
  type SkillQueueFilter,
} from '../../services/skill-subsidy/queue.ts';
import { approveSkillApplication, returnSkillApplication } from '../../services/skill-subsidy/review.ts';
import { sendWrittenFile } from '../replies.ts';
import { CASE_STAFF, staff, wholeDataSet } from '../security/access.ts';
import { actorOf, personOf } from '../security/request-identity.ts';
import { idParam, refusals, sendRefusal } from '../route-helpers.ts';
import {
  certificateLookupQuery,
  jsonSchema,
  personApplicationBody,
  queueQuery,
  reviewBody,
  staffApplicationBody,
} from '../schemas/skill-subsidy.ts';
import type { z } from 'zod';

export interface SkillSubsidyRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
  cipher: FieldCipher;
}

const tags = ['skill-subsidy'];
const PERSON = { access: { person: true } } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: idParam } } as const;

export async function skillSubsidyRoutes(app: FastifyInstance, options: SkillSubsidyRouteOptions): Promise<void> {
  const {
    store: { db },
    clock,
    params,
    cipher,
  } = options;
  const registry = importedCertificateRegistry(db, cipher);
  const apply = { registry, cipher, params, clock };

  app.post<{ Body: z.infer<typeof personApplicationBody> }>(
    '/person/me/skill-subsidy',
    {
      config: { ...PERSON, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: '本人申请技能提升补贴：只需填写证书编号（个人）',
        tags,
        body: jsonSchema(personApplicationBody),
        response: refusals,
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
      schema: { summary: '本人的技能提升补贴申请、判定结果和发放情况（个人）', tags },
    },
    async (request) => listSkillApplications(db, { personId: personOf(request).personId }),
  );

  app.post<{ Body: z.infer<typeof staffApplicationBody> }>(
    '/skill-subsidy/applications',
    {
      config: staff(['case_worker'], wholeDataSet),
      schema: {
        summary: '经办员录入技能提升补贴申请（证书编号；可填收件日期，早于通知印发的予以补发）',
        tags,
        body: jsonSchema(staffApplicationBody),
        response: refusals,
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

  app.get<{ Querystring: z.infer<typeof queueQuery> }>(
    '/skill-subsidy/applications',
    {
      config: staff(CASE_STAFF, wholeDataSet),
      schema: {
        summary: '技能提升补贴申请列表（按复核状态、判定结果、地区、是否补发筛选；format=xlsx 导出 Excel）',
        tags,
        querystring: jsonSchema(queueQuery),
      },
    },
    async (request, reply) => {
      const { format, retroactive, ...rest } = request.query;
      const filter: SkillQueueFilter = { ...rest, ...(retroactive && { retroactive: retroactive === 'true' }) };
      if (format === 'xlsx')
        return sendWrittenFile(reply, '技能提升补贴申请.xlsx', XLSX, (path) => writeSkillApplicationsXlsx(db, filter, path));
      return listSkillApplications(db, filter);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/skill-subsidy/applications/:id',
    {
      config: staff(CASE_STAFF, wholeDataSet),
      schema: {
        summary: '技能提升补贴申请详情：判定依据逐条列出（条件、取值、标准、结果、条款）',
        tags,
        params: idParams,
        response: refusals,
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
    app.post<{ Params: { id: string }; Body: z.infer<typeof reviewBody> | undefined }>(
      `/skill-subsidy/applications/:id/${outcome}`,
      {
        config: staff(['reviewer'], wholeDataSet),
        schema: {
          summary:
            outcome === 'approve'
              ? '复核通过技能提升补贴申请（复核人不得为经办人；符合条件的生成发放款项）'
              : '退回技能提升补贴申请（须填写退回意见）',
          tags,
          params: idParams,
          body: jsonSchema(reviewBody),
          response: refusals,
        },
      },
      async (request: FastifyRequest<{ Params: { id: string }; Body: z.infer<typeof reviewBody> | undefined }>, reply) => {
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

  app.get<{ Querystring: z.infer<typeof certificateLookupQuery> }>(
    '/certificates',
    {
      config: staff(CASE_STAFF, wholeDataSet),
      schema: {
        summary: '证书查询：按证书编号或公民身份号码',
        tags,
        querystring: jsonSchema(certificateLookupQuery),
        response: refusals,
      },
    },
    async (request, reply) => {
      const { number, idNumber } = request.query;
      if (number)
        return (
          (await registry.byNumber(number)) ??
          reply.status(404).send({ error: { code: 'NOT_FOUND', message: `证书编号 ${number} 查询不到` } })
        );
      if (idNumber) return registry.byIdNumber(idNumber);
      return reply.status(400).send({ error: { code: 'INVALID', message: '请填写证书编号或公民身份号码' } });
    },
  );
}
