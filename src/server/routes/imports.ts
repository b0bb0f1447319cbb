// Imports over HTTP: POST /api/v1/imports/:kind (multipart upload of one CSV or XLSX file, all or nothing),
// GET /api/v1/imports (the batch log), GET /api/v1/imports/kinds, GET /api/v1/imports/templates/:kind (blank
// template) and GET /api/v1/imports/:id/error-report (the .xlsx report of a rejected file).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  acceptedImport,
  batchListQuery,
  batchParams,
  importBatch,
  importKind,
  kindParams,
  rejectedImport,
} from '../schemas/imports.ts';
import { refusals } from '../schemas/common.ts';
import { withZod } from '../zod-routes.ts';
import { XLSX_TYPE, fail, sendAttachment, withUploadedFile } from '../replies.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { writeTemplate } from '../../adapters/files/write-xlsx.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { findBatch, listBatches } from '../../services/imports/batches.ts';
import { errorReportPath, importFile } from '../../services/imports/import-file.ts';
import { importKinds } from '../../services/imports/kinds/index.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';

export interface ImportRoutesOptions {
  store: { db: Kysely<Database> };
  cipher: FieldCipher;
  /** Where error reports are written and served from (import-reports/ in the data folder). */
  reportDir: string;
  /** Largest upload accepted; 200 MB by default. */
  maxUploadBytes?: number;
}

const DEFAULT_MAX_UPLOAD = 200 * 1024 * 1024;
/** Errors returned in the response; the downloadable report holds up to 1,000. */
const RESPONSE_ERRORS = 100;
/** Imports load data for every region: city- or province-wide case workers only. */
const IMPORTERS = ['case_worker'] as const;

export async function importRoutes(plugin: FastifyInstance, options: ImportRoutesOptions): Promise<void> {
  const app = withZod(plugin);
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  await app.register(multipart, { limits: { fileSize: maxUpload, files: 1, fields: 10 } });

  app.get(
    '/imports/kinds',
    {
      config: staff(IMPORTERS),
      schema: { summary: '可导入的数据类型', tags: ['imports'], response: { 200: z.array(importKind) } },
    },
    async () =>
      [...importKinds.values()].map((kind) => ({
        kind: kind.spec.kind,
        title: kind.spec.title,
        description: kind.description,
        columns: kind.spec.columns.map((column: { header: string; required: boolean; hint: string }) => ({
          header: column.header,
          required: column.required,
          hint: column.hint,
        })),
      })),
  );

  app.get(
    '/imports',
    {
      config: staff([...IMPORTERS, 'auditor'], wholeDataSet),
      schema: {
        summary: '导入批次记录（最新的在前）',
        tags: ['imports'],
        querystring: batchListQuery,
        response: { 200: z.array(importBatch) },
      },
    },
    async (request) => listBatches(options.store.db, { limit: Number(request.query.limit ?? 100), kind: request.query.kind }),
  );

  app.get(
    '/imports/templates/:kind',
    {
      config: staff(IMPORTERS),
      schema: { summary: '下载导入模板（.xlsx）', tags: ['imports'], params: kindParams },
    },
    async (request, reply) => {
      const kind = importKinds.get(request.params.kind);
      if (!kind) return fail(reply, 404, 'UNKNOWN_KIND', `未知的导入类型：${request.params.kind}`);
      const dir = await mkdtemp(join(tmpdir(), 'wengang-template-'));
      try {
        const path = join(dir, 'template.xlsx');
        await writeTemplate(kind.spec, path);
        return sendAttachment(reply, `${kind.spec.title}导入模板.xlsx`, XLSX_TYPE, await readFile(path));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/imports/:id/error-report',
    {
      config: staff([...IMPORTERS, 'auditor'], wholeDataSet),
      schema: {
        summary: '下载被拒绝导入的错误报告（.xlsx）',
        tags: ['imports'],
        params: batchParams,
      },
    },
    async (request, reply) => {
      const batch = await findBatch(options.store.db, Number(request.params.id));
      if (batch?.status !== 'rejected') return fail(reply, 404, 'NO_REPORT', `批次 ${request.params.id} 没有错误报告`);
      const body = await readFile(errorReportPath(options.reportDir, batch.id)).catch(() => undefined);
      if (!body) return fail(reply, 404, 'NO_REPORT', `批次 ${batch.id} 的错误报告已不存在`);
      return sendAttachment(reply, `导入错误报告-${batch.id}.xlsx`, XLSX_TYPE, body);
    },
  );

  app.post(
    '/imports/:kind',
    {
      config: staff(IMPORTERS, wholeDataSet),
      schema: {
        summary: '上传并导入一个 CSV（UTF-8 或 GBK）或 XLSX 文件：任一行有误则整批不导入',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        params: kindParams,
        response: { 200: acceptedImport, 422: rejectedImport, ...refusals },
      },
    },
    async (request, reply) => {
      const kind = importKinds.get(request.params.kind);
      if (!kind) return fail(reply, 404, 'UNKNOWN_KIND', `未知的导入类型：${request.params.kind}`);
      return withUploadedFile(
        request,
        reply,
        { maxBytes: maxUpload, tooLarge: '文件过大，请分成几个文件导入' },
        async ({ path, fileName }) => {
          const result = await importFile(options.store, {
            kind: kind.spec.kind,
            path,
            fileName,
            cipher: options.cipher,
            reportDir: options.reportDir,
            actor: actorOf(request).name,
          });
          if (result.status === 'accepted') return result;
          const { reportPath: _path, errors, ...rest } = result;
          return reply.status(422).send({
            ...rest,
            errors: errors.slice(0, RESPONSE_ERRORS),
            reportId: result.batchId,
            reportUrl: `${app.prefix}/imports/${result.batchId}/error-report`,
          });
        },
      );
    },
  );
}
