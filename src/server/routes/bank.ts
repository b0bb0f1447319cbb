// Bank files, reconciliation, account corrections and the fund ledger over HTTP (鲁人社发〔2024〕8号 第七条、第八条):
//   POST /bank/batches/:id/export            the instruction file (CSV or XLSX) of an authorised batch, as a download
//   POST /bank/returns                       upload of a bank return file (multipart), all or nothing
//   GET  /bank/batches/:id/reconciliation    the reconciliation report (JSON, or ?format=xlsx)
//   POST /bank/corrections, /bank/corrections/:id/approve   maker-checker account correction
//   GET  /bank/corrections                   the corrections (new account masked), e.g. those waiting for approval
//   GET  /ledger/check, /ledger/balances
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { InstructionFormat } from '../../adapters/bank/instruction-file.ts';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import {
  approveAccountCorrection,
  listAccountCorrections,
  proposeAccountCorrection,
} from '../../services/bank/account-correction.ts';
import { exportInstruction } from '../../services/bank/export-instruction.ts';
import { importReturnFile } from '../../services/bank/import-return.ts';
import { reconcileBatch, writeReconciliationXlsx } from '../../services/bank/reconcile-batch.ts';
import { ledgerBalances } from '../../services/ledger/balances.ts';
import { checkLedger } from '../../services/ledger/check.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { sendAttachment, withUploadedFile, XLSX_TYPE } from '../replies.ts';
import { sendRefusal } from '../route-helpers.ts';
import {
  acceptedReturn,
  accountCorrection,
  approvedCorrection,
  correctionBody,
  correctionListQuery,
  duplicateReturn,
  exportBody,
  ledgerBalance,
  ledgerCheck,
  proposedCorrection,
  reconciliation,
  reconciliationQuery,
  rejectedReturn,
} from '../schemas/bank.ts';
import { idParams, refusals } from '../schemas/common.ts';
import { staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { byParam, correctionOfPayment, touched } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';

export interface BankRouteOptions {
  store: Store;
  clock: Clock;
  /** Opens account numbers for the instruction file and seals corrected ones. */
  cipher: FieldCipher;
  /** Largest return file accepted; 50 MB by default. */
  maxUploadBytes?: number;
}

const DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024;
const CONTENT_TYPES: Record<InstructionFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
};
const FINANCE = ['finance'] as const;
const FINANCE_READERS = ['finance', 'auditor'] as const;
const batchRegions = byParam('id', touched.regionsOfPaymentBatch);

export async function bankRoutes(plugin: FastifyInstance, options: BankRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  const { clock } = options;
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  await app.register(multipart, { limits: { fileSize: maxUpload, files: 1, fields: 5 } });
  const tags = ['bank'];

  app.post(
    '/bank/batches/:id/export',
    {
      config: staff(FINANCE, batchRegions),
      schema: {
        summary: '导出已授权付款批次的银行付款指令文件（CSV 或 XLSX，含合计行和 SM3 校验码；重复导出内容相同）',
        tags,
        params: idParams,
        body: exportBody,
        response: refusals,
      },
    },
    async (request, reply) => {
      try {
        const file = await exportInstruction(db, {
          batchId: Number(request.params.id),
          format: request.body?.format ?? 'csv',
          by: actorOf(request).name,
          clock,
          cipher: options.cipher,
        });
        return sendAttachment(
          reply.header('x-checksum-sm3', file.checksum),
          file.fileName,
          CONTENT_TYPES[file.format],
          file.bytes,
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/bank/returns',
    {
      config: staff(FINANCE, wholeDataSet),
      schema: {
        summary:
          '上传银行回单（CSV 或 XLSX）：每行须对应已发送的付款指令且金额一致，否则整个文件不导入；同一文件重复上传不产生变更',
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: z.union([acceptedReturn, duplicateReturn]), 422: rejectedReturn, ...refusals },
      },
    },
    async (request, reply) => {
      return withUploadedFile(request, reply, { maxBytes: maxUpload, tooLarge: '回单文件过大' }, async ({ path, fileName }) => {
        try {
          const result = await importReturnFile(db, { path, fileName, by: actorOf(request).name, clock });
          return reply.status(result.status === 'rejected' ? 422 : 200).send(result);
        } catch (error) {
          return sendRefusal(reply, error);
        }
      });
    },
  );

  app.get(
    '/bank/batches/:id/reconciliation',
    {
      config: staff(FINANCE_READERS, batchRegions),
      schema: {
        summary: '付款批次对账报告：未回单、支付失败、退回、金额不符、合计不符等全部差异',
        tags,
        params: idParams,
        querystring: reconciliationQuery,
        response: { 200: reconciliation.describe('format=xlsx 时为 XLSX 文件下载'), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const batchId = Number(request.params.id);
        const report = await reconcileBatch(db, { batchId });
        if (request.query.format !== 'xlsx') return report;
        const dir = await mkdtemp(join(tmpdir(), 'wengang-reconcile-'));
        try {
          const path = join(dir, 'report.xlsx');
          await writeReconciliationXlsx(report, path);
          return sendAttachment(reply, `对账报告-批次${batchId}.xlsx`, CONTENT_TYPES.xlsx, await readFile(path));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/bank/corrections',
    {
      config: staff(FINANCE, correctionOfPayment),
      schema: {
        summary:
          '财务人员提交支付失败或退回款项的收款账户更正（单位款项更正为单位账户，个人款项更正为本人社会保障卡银行账户；须另一名财务人员审核）',
        tags,
        body: correctionBody,
        response: { 201: proposedCorrection, ...refusals },
      },
    },
    async (request, reply) => {
      const { paymentId, accountKind, bankName, accountNo, reason } = request.body;
      try {
        const result = await proposeAccountCorrection(db, {
          paymentId,
          accountKind,
          bankName: bankName ?? null,
          accountNo,
          reason,
          actor: actorOf(request),
          clock,
          cipher: options.cipher,
        });
        return reply.status(201).send(result);
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/bank/corrections',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: {
        summary: '收款账户更正列表（新账号仅显示后四位）；status=proposed 为待另一名财务人员审核的更正',
        tags,
        querystring: correctionListQuery,
        response: { 200: z.array(accountCorrection) },
      },
    },
    async (request) => listAccountCorrections(db, request.query),
  );

  app.post(
    '/bank/corrections/:id/approve',
    {
      config: staff(FINANCE, byParam('id', touched.regionsOfCorrection)),
      schema: {
        summary: '另一名财务人员审核通过账户更正：款项改为新账户、次数加一，重新待支付（同一支付、同一幂等键）',
        tags,
        params: idParams,
        response: { 200: approvedCorrection, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return await approveAccountCorrection(db, { correctionId: Number(request.params.id), actor: actorOf(request), clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/ledger/check',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: {
        summary: '资金台账检查：借贷平衡、应付确认唯一、余额与支付状态一致（列出全部问题）',
        tags: ['ledger'],
        response: { 200: ledgerCheck },
      },
    },
    async () => checkLedger(db),
  );
  app.get(
    '/ledger/balances',
    {
      config: staff(FINANCE_READERS, wholeDataSet),
      schema: { summary: '资金台账各科目余额', tags: ['ledger'], response: { 200: z.array(ledgerBalance) } },
    },
    async () => ledgerBalances(db),
  );
}
