// The audit trail over HTTP: the auditor's search of the log (newest first, keyset pages), its verification, and the
// audited reveal of a person's full ID number, phone or bank account by the signed-in member of staff.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { revealPersonalData, type PersonalDataField } from '../../services/audit/reveal-personal-data.ts';
import { searchAudit, SEARCH_LIMIT } from '../../services/audit/search-audit.ts';
import { verifyAudit } from '../../services/audit/verify-audit.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { idParam, refusals, sendRefusal } from '../route-helpers.ts';
import { CASE_STAFF, staff, wholeDataSet } from '../security/access.ts';
import type { AuditAnchors } from '../../domain/ports/audit-anchors.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, touched } from '../security/scopes.ts';

export interface AuditRouteOptions {
  store: Store;
  clock: Clock;
  cipher: FieldCipher;
  /** The audit chain's external anchors: verification checks the newest and anchors a head that verifies. */
  anchors?: AuditAnchors;
}

interface SearchQuery {
  actor?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: string;
}
interface VerifyBody {
  checkpoint?: { seq: number; hash: string };
}
interface RevealBody {
  field: PersonalDataField;
  reason: string;
}

const dateParam = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const text = (description: string) => ({ type: 'string', minLength: 1, description }) as const;

export async function auditRoutes(app: FastifyInstance, options: AuditRouteOptions): Promise<void> {
  const { db } = options.store;
  const tags = ['audit'];

  app.get<{ Querystring: SearchQuery }>(
    '/audit',
    {
      config: staff(['auditor'], wholeDataSet),
      schema: {
        summary: '查询审计日志（审计员）：最新的在前，按 nextBefore 翻页；操作和对象末尾加 * 按前缀匹配',
        tags,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: text('操作人'),
            action: text('操作，如 case.approve、personal_data.reveal、case.*'),
            subject: text('对象，如 person:42、refund_case:2024:7、refund_case:2024:*'),
            from: { ...dateParam, description: '起始日期（北京时间，含）' },
            to: { ...dateParam, description: '截止日期（北京时间，含）' },
            before: { ...idParam, description: '上一页返回的 nextBefore' },
            limit: {
              type: 'string',
              pattern: '^[1-9][0-9]{0,3}$',
              description: `每页条数，默认 ${SEARCH_LIMIT.default}，最多 ${SEARCH_LIMIT.max}`,
            },
          },
        },
        response: refusals,
      },
    },
    async (request, reply) => {
      const { before, limit, ...filters } = request.query;
      try {
        return await searchAudit(db, {
          ...filters,
          before: before ? Number(before) : undefined,
          limit: limit ? Number(limit) : undefined,
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post<{ Body: VerifyBody | undefined }>(
    '/audit/verify',
    {
      config: staff(['auditor'], wholeDataSet),
      schema: {
        summary:
          '校验审计日志：哈希链完整、与最新检查点及库外的审计锚点一致（可另给一个库外保存的检查点）；返回 ok 或第一处被篡改的序号与原因',
        tags,
        // No `type`: the body is optional (a POST without one verifies against the stored checkpoints only).
        body: {
          additionalProperties: false,
          properties: {
            checkpoint: {
              type: 'object',
              required: ['seq', 'hash'],
              additionalProperties: false,
              description: '库外保存的检查点',
              properties: { seq: { type: 'integer', minimum: 1 }, hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
            },
          },
        },
      },
    },
    async (request) =>
      verifyAudit(db, {
        fromCheckpoint: request.body?.checkpoint,
        ...(options.anchors && { anchoring: { anchors: options.anchors, clock: options.clock } }),
      }),
  );

  app.post<{ Params: { id: string }; Body: RevealBody }>(
    '/persons/:id/reveal',
    {
      config: staff(CASE_STAFF, byParam('id', touched.regionOfPerson)),
      schema: {
        summary: '查看人员完整的身份号码、手机号码或银行账号（须填写事由，记入审计日志；列表中始终脱敏显示）',
        tags,
        params: { type: 'object', properties: { id: idParam }, required: ['id'] },
        body: {
          type: 'object',
          required: ['field', 'reason'],
          additionalProperties: false,
          properties: {
            field: { type: 'string', enum: ['id_number', 'phone', 'bank_account'], description: '身份号码、手机号码或银行账号' },
            reason: { type: 'string', description: '查看事由（必填）' },
          },
        },
        response: refusals,
      },
    },
    async (request, reply) => {
      const { field, reason } = request.body;
      try {
        return await revealPersonalData(db, {
          personId: Number(request.params.id),
          field,
          reason,
          actor: actorOf(request),
          cipher: options.cipher,
          clock: options.clock,
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
