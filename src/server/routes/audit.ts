// The audit trail over HTTP: the auditor's search of the log (newest first, keyset pages), its verification, and the
// audited reveal of a person's full ID number, phone or bank account by the signed-in member of staff.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { revealPersonalData } from '../../services/audit/reveal-personal-data.ts';
import { searchAudit } from '../../services/audit/search-audit.ts';
import { verifyAudit } from '../../services/audit/verify-audit.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { sendRefusal } from '../route-helpers.ts';
import { auditPage, auditQuery, auditVerdict, personParams, revealBody, revealed, verifyBody } from '../schemas/audit.ts';
import { refusals } from '../schemas/common.ts';
import { withZod } from '../zod-routes.ts';
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

export async function auditRoutes(plugin: FastifyInstance, options: AuditRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const tags = ['audit'];

  app.get(
    '/audit',
    {
      config: staff(['auditor'], wholeDataSet),
      schema: {
        summary: '查询审计日志（审计员）：最新的在前，按 nextBefore 翻页；操作和对象末尾加 * 按前缀匹配',
        tags,
        querystring: auditQuery,
        response: { 200: auditPage, ...refusals },
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

  app.post(
    '/audit/verify',
    {
      config: staff(['auditor'], wholeDataSet),
      schema: {
        summary:
          '校验审计日志：哈希链完整、与最新检查点及库外的审计锚点一致（可另给一个库外保存的检查点）；返回 ok 或第一处被篡改的序号与原因',
        tags,
        body: verifyBody,
        response: { 200: auditVerdict },
      },
    },
    async (request) =>
      verifyAudit(db, {
        fromCheckpoint: request.body?.checkpoint,
        ...(options.anchors && { anchoring: { anchors: options.anchors, clock: options.clock } }),
      }),
  );

  app.post(
    '/persons/:id/reveal',
    {
      config: staff(CASE_STAFF, byParam('id', touched.regionOfPerson)),
      schema: {
        summary: '查看人员完整的身份号码、手机号码或银行账号（须填写事由，记入审计日志；列表中始终脱敏显示）',
        tags,
        params: personParams,
        body: revealBody,
        response: { 200: revealed, ...refusals },
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
