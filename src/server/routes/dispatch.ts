// Labour-dispatch applications over HTTP (鲁人社发〔2024〕8号 第三条): upload the workers' placements (and, when the
// agency holds no per-person contributions of the unit, the contributions) as multipart to preview or submit the
// application; read an application with its allocations; withdraw one before review; download the templates.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import { writeTemplate } from '../../adapters/files/write-xlsx.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { regionsOfUnits } from '../../services/scope/touched-regions.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { paymentSheet, placementSheet } from '../../services/dispatch/application-sheets.ts';
import { previewDispatchApplication } from '../../services/dispatch/decide-application.ts';
import { findDispatchApplication, findUnitApplication } from '../../services/dispatch/find-application.ts';
import { loadDispatchUpload } from '../../services/dispatch/load-upload.ts';
import { DispatchUploadError } from '../../services/dispatch/read-upload.ts';
import { submitDispatchApplication, withdrawDispatchApplication } from '../../services/dispatch/submit-application.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { sendRefusal } from '../route-helpers.ts';
import { idParams, refusals } from '../schemas/common.ts';
import {
  dispatchApplication,
  dispatchPreview,
  dispatchRejection,
  submittedDispatch,
  templateParams,
  unitRoundParams,
  withdrawBody,
  withdrawnDispatch,
} from '../schemas/dispatch.ts';
import { CASE_STAFF, staff } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, touched, unitInUrl } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';
import { XLSX_TYPE } from '../replies.ts';

export interface DispatchRouteOptions {
  store: Store;
  clock: Clock;
  cipher: FieldCipher;
  params?: ParameterStore;
  /** Largest file accepted; 20 MB by default. */
  maxUploadBytes?: number;
}

const DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024;
const FILE_FIELDS = new Set(['placements', 'payments']);
/** A case worker for any unit in scope, or a dispatch unit for itself. */
const SUBMITTERS = { staff: ['case_worker'], unit: true } as const;
const TEMPLATES: Record<z.infer<typeof templateParams>['sheet'], typeof placementSheet | typeof paymentSheet> = {
  workers: placementSheet,
  payments: paymentSheet,
};

class BadUpload extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface UploadForm {
  round: string;
  unitId: number;
  placementsPath: string;
  paymentsPath?: string;
}

/** Saves the form's files into `dir` and checks its fields; refuses anything the form should not carry. */
async function readForm(request: FastifyRequest, db: Kysely<Database>, dir: string, maxUpload: number): Promise<UploadForm> {
  if (!request.isMultipart())
    throw new BadUpload(
      415,
      'NOT_MULTIPART',
      '请以 multipart/form-data 上传派遣人员表（字段 placements）及缴费明细表（字段 payments，可选）',
    );
  const fields: Record<string, string> = {};
  const files: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (!FILE_FIELDS.has(part.fieldname))
      throw new BadUpload(
        400,
        'INVALID',
        `未知的文件字段：${part.fieldname}；应为 placements（派遣人员表）或 payments（缴费明细表）`,
      );
    const path = join(dir, part.fieldname);
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated)
      throw new BadUpload(413, 'FILE_TOO_LARGE', `文件超过 ${Math.floor(maxUpload / 1024 / 1024)} MB 的上限`);
    files[part.fieldname] = path;
  }
  if (!/^[0-9]{4}$/.test(fields.round ?? '')) throw new BadUpload(400, 'INVALID', '请填写年度 round（如 2024）');
  const ownUnit = request.identity?.kind === 'unit' ? request.identity.unitId : undefined;
  if (ownUnit === undefined && !/^[1-9][0-9]{0,14}$/.test(fields.unitId ?? ''))
    throw new BadUpload(400, 'INVALID', '请填写单位编号 unitId（正整数）');
  if (ownUnit !== undefined && fields.unitId !== undefined && Number(fields.unitId) !== ownUnit) {
    throw new BadUpload(403, 'FORBIDDEN', '只能为本单位提交申请');
  }
  if (!files.placements) throw new BadUpload(400, 'NO_FILE', '请上传派遣人员表（字段 placements）');
  const unitId = ownUnit ?? Number(fields.unitId);
  if (ownUnit === undefined && !(await request.withinScope(await regionsOfUnits(db, [unitId])))) {
    throw new BadUpload(403, 'OUT_OF_SCOPE', '超出您账号的管辖地区，无权查看或办理');
  }
  return { round: fields.round!, unitId, placementsPath: files.placements, paymentsPath: files.payments };
}

/** The unit itself through its portal, or the signed-in case worker. */
function submitter(request: FastifyRequest): Actor {
  const identity = request.identity;
  return identity?.kind === 'unit' ? { kind: 'unit', creditCode: identity.creditCode } : actorOf(request);
}

export async function dispatchRoutes(plugin: FastifyInstance, options: DispatchRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { store, clock, cipher, params } = options;
  const { db } = store;
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  await app.register(multipart, { limits: { fileSize: maxUpload, files: 2, fields: 10 } });
  const tags = ['dispatch'];

  /** Reads the upload, runs `work` on it, and answers refusals and rejected uploads in Chinese. */
  async function withUpload<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    work: (form: UploadForm, data: Awaited<ReturnType<typeof loadDispatchUpload>>) => Promise<T>,
  ): Promise<T | FastifyReply> {
    const dir = await mkdtemp(join(tmpdir(), 'wengang-dispatch-'));
    try {
      const form = await readForm(request, db, dir, maxUpload);
      const data = await loadDispatchUpload(db, {
        round: form.round,
        unitId: form.unitId,
        placementsPath: form.placementsPath,
        paymentsPath: form.paymentsPath,
        cipher,
      });
      return await work(form, data);
    } catch (error) {
      if (error instanceof BadUpload)
        return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
      if (error instanceof DispatchUploadError) {
        return reply.status(422).send({ error: { code: 'UPLOAD_REJECTED', message: error.message }, problems: error.problems });
      }
      return sendRefusal(reply, error);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const upload = {
    tags,
    consumes: ['multipart/form-data'],
    description:
      '表单字段：round（年度）、unitId（单位编号；单位登录时可省略，只能是本单位）；文件：placements（派遣人员表，必填）、payments（缴费明细表：系统无本单位个人缴费明细时必填）',
  };

  app.post(
    '/dispatch/applications/preview',
    {
      config: { access: SUBMITTERS },
      schema: {
        ...upload,
        summary: '试算劳务派遣单位申请的分配结果（不保存）',
        response: { 200: dispatchPreview, 422: dispatchRejection, ...refusals },
      },
    },
    async (request, reply) =>
      withUpload(request, reply, async (form, { paymentsFileIgnored, ...data }) => ({
        ...(await previewDispatchApplication(db, { round: form.round, unitId: form.unitId, ...data, params })),
        paymentsFileIgnored,
      })),
  );

  app.post(
    '/dispatch/applications',
    {
      config: { access: SUBMITTERS },
      schema: {
        ...upload,
        summary: '提交劳务派遣单位申请：按规则判定分配，案件转入复核流程',
        response: { 201: submittedDispatch, 422: dispatchRejection, ...refusals },
      },
    },
    async (request, reply) =>
      withUpload(request, reply, async (form, { paymentsFileIgnored, ...data }) => {
        const actor = submitter(request);
        const submitted = await submitDispatchApplication(db, {
          round: form.round,
          unitId: form.unitId,
          ...data,
          params,
          actor,
          clock,
        });
        return reply.status(201).send({ ...submitted, paymentsFileIgnored });
      }),
  );

  app.get(
    '/dispatch/applications/:id',
    {
      config: staff(CASE_STAFF, byParam('id', touched.regionsOfDispatchApplication)),
      schema: {
        summary: '劳务派遣单位申请及其分配明细',
        tags,
        params: idParams,
        response: { 200: dispatchApplication, ...refusals },
      },
    },
    async (request, reply) => {
      const found = await findDispatchApplication(db, Number(request.params.id));
      if (!found)
        return reply
          .status(404)
          .send({ error: { code: 'NOT_FOUND', message: `没有编号为 ${request.params.id} 的劳务派遣单位申请` } });
      return found;
    },
  );

  app.get(
    '/dispatch/units/:unitId/applications/:round',
    {
      config: staff(CASE_STAFF, unitInUrl),
      schema: {
        summary: '单位在该年度的有效申请（无有效申请时为最近撤回的一份）',
        tags,
        params: unitRoundParams,
        response: { 200: dispatchApplication, ...refusals },
      },
    },
    async (request, reply) => {
      const found = await findUnitApplication(db, request.params.round, Number(request.params.unitId));
      if (!found)
        return reply.status(404).send({
          error: { code: 'NOT_FOUND', message: `单位 ${request.params.unitId} 在 ${request.params.round} 年度没有申请` },
        });
      return found;
    },
  );

  app.post(
    '/dispatch/applications/:id/withdraw',
    {
      config: staff(['case_worker'], byParam('id', touched.regionsOfDispatchApplication)),
      schema: {
        summary: '撤回申请（案件提交复核前），之后可重新申请',
        tags,
        params: idParams,
        body: withdrawBody,
        response: { 200: withdrawnDispatch, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await withdrawDispatchApplication(db, {
          applicationId: Number(request.params.id),
          actor: actorOf(request),
          note: request.body.note,
          clock,
          params,
        });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/dispatch/templates/:sheet',
    {
      config: { access: { staff: ['case_worker'], unit: true } },
      schema: {
        summary: '下载申请模板（workers：派遣人员表；payments：缴费明细表）',
        tags,
        params: templateParams,
      },
    },
    async (request, reply) => {
      const spec = TEMPLATES[request.params.sheet];
      const dir = await mkdtemp(join(tmpdir(), 'wengang-template-'));
      try {
        const path = join(dir, 'template.xlsx');
        await writeTemplate(spec as Parameters<typeof writeTemplate>[0], path);
        return reply
          .type(XLSX_TYPE)
          .header(
            'content-disposition',
            `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(`劳务派遣稳岗返还申请-${spec.title}.xlsx`)}`,
          )
          .send(await readFile(path));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
}
