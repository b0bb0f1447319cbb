// Policy simulation over HTTP (register with prefix /api/v1): the parameters a reform may change, saved reforms (each
// save a new version), their comparison and export as a parameter change for review; what-if runs (started in the
// background, then read with their tallies and cap, their changed units and an .xlsx); and what would make one unit's
// decision eligible (routes/counterfactual.ts). Reforms and a run's tallies hold no unit's data; a run's changed units
// (names, amounts) are for city-wide accounts, as the comparison of two screenings is.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { exportReform, ReformExportError } from '../../adapters/parameters/reform-export.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { Refusal } from '../../domain/refusal.ts';
import { exportImpactXlsx } from '../../services/simulation/impact-export.ts';
import { impactKeyLabels } from '../../services/simulation/impact-labels.ts';
import { changedUnits, impactRun as readImpactRun, listImpactRuns } from '../../services/simulation/impact-read.ts';
import { continueImpactRun, createImpactRun } from '../../services/simulation/impact-run.ts';
import { compareSavedReforms, getReform, listReforms, saveReform } from '../../services/simulation/reforms.ts';
import { XLSX_TYPE, sendWrittenFile } from '../replies.ts';
import { idParams, refusals } from '../schemas/common.ts';
import {
  changedUnit,
  changesQuery,
  compareParams,
  impactRun,
  parameterEntry,
  parameterFile,
  reformDifference,
  runListItem,
  savedReform,
  saveReformBody,
  startedRun,
  startRunBody,
} from '../schemas/simulation.ts';
import { CASE_STAFF, staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { regionFilter } from '../security/scopes.ts';
import { withZod } from '../zod-routes.ts';
import { counterfactualRoutes } from './counterfactual.ts';
import { sendRefusal } from '../route-helpers.ts';

export interface SimulationRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
  cipher: FieldCipher;
}

const EDITORS = ['case_worker', 'reviewer', 'finance'] as const;
const tags = ['simulation'];

export async function simulationRoutes(plugin: FastifyInstance, options: SimulationRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const { store, clock, params, cipher } = options;
  const { db } = store;
  const running = new Map<number, Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(running.values());
  });
  await app.register(counterfactualRoutes, { store, params });

  app.get(
    '/simulation/parameters',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '可在模拟方案中调整的参数及其现行取值', tags, response: { 200: z.array(parameterEntry) } },
    },
    async () =>
      params.rules().flatMap((file) =>
        Object.entries(file.parameters).map(([key, def]) => ({
          rule: file.rule,
          ruleTitle: file.title,
          key,
          label: def.label,
          unit: def.unit,
          allowed: def.allowed ?? null,
          values: def.values.map((v) => ({ from: v.from, to: v.to, value: v.value, legalBasis: v.legalBasis })),
        })),
      ),
  );

  app.get(
    '/simulation/reforms',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '模拟方案（每次保存为新版本）', tags, response: { 200: z.array(savedReform) } },
    },
    async () => listReforms(db),
  );

  app.post(
    '/simulation/reforms',
    {
      config: staff(EDITORS),
      schema: {
        summary: '保存模拟方案（同名再次保存为新版本；按参数声明校验）',
        tags,
        body: saveReformBody,
        response: { 201: savedReform, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        return reply.status(201).send(await saveReform(db, params, { reform: request.body, actor: actorOf(request), clock }));
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/simulation/reforms/:id',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '一个模拟方案版本', tags, params: idParams, response: { 200: savedReform, ...refusals } },
    },
    async (request, reply) => getReform(db, Number(request.params.id)).catch((error: unknown) => sendRefusal(reply, error)),
  );

  app.get(
    '/simulation/reforms/:id/compare/:other',
    {
      config: staff(CASE_STAFF),
      schema: {
        summary: '比较两个模拟方案（或同一方案的两个版本）调整的参数',
        tags,
        params: compareParams,
        response: { 200: z.array(reformDifference), ...refusals },
      },
    },
    async (request, reply) =>
      compareSavedReforms(db, Number(request.params.id), Number(request.params.other)).catch((error: unknown) =>
        sendRefusal(reply, error),
      ),
  );

  app.get(
    '/simulation/reforms/:id/parameter-change',
    {
      config: staff(CASE_STAFF),
      schema: {
        summary: '方案转为参数文件变更（供复核后提交；运行中的系统参数不变）',
        tags,
        params: idParams,
        response: { 200: z.array(parameterFile), ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const saved = await getReform(db, Number(request.params.id));
        try {
          return exportReform(saved.reform);
        } catch (error) {
          if (error instanceof ReformExportError) throw new Refusal('INVALID', error.message);
          throw error;
        }
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.post(
    '/simulation/runs',
    {
      config: staff(EDITORS, regionFilter('body', 'region')),
      schema: {
        summary: '发起方案测算（后台运行，现行与方案逐单位比较）',
        tags,
        body: startRunBody,
        response: { 202: startedRun, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const runId = await createImpactRun(db, params, { ...request.body, actor: actorOf(request), clock });
        const work = continueImpactRun(store, params, runId, { clock, cipher })
          .catch((error: unknown) => request.log.error({ err: error, runId }, '方案测算中断'))
          .finally(() => running.delete(runId));
        running.set(runId, work);
        return reply.status(202).send({ id: runId, status: 'running' as const });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/simulation/runs',
    { config: staff(CASE_STAFF), schema: { summary: '方案测算列表', tags, response: { 200: z.array(runListItem) } } },
    async () => listImpactRuns(db),
  );

  app.get(
    '/simulation/runs/:id',
    {
      config: staff(CASE_STAFF),
      schema: {
        summary: '方案测算结果：汇总、按区县/规模/行业/原因、对照试点支出额度',
        tags,
        params: idParams,
        response: { 200: impactRun, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const run = await readImpactRun(db, params, Number(request.params.id));
        const label = await impactKeyLabels(db, params);
        const labels = Object.fromEntries(
          (['region', 'size', 'industry', 'reason'] as const).map((d) => [
            d,
            Object.fromEntries(Object.keys(run.tally[d]).map((key) => [key, label(d, key)])),
          ]),
        ) as z.infer<typeof impactRun>['labels'];
        return { ...run, labels };
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/simulation/runs/:id/changes',
    {
      config: staff(CASE_STAFF, wholeDataSet),
      schema: {
        summary: '方案测算中结论或金额变化的单位（每页500个，按单位编号翻页）',
        tags,
        params: idParams,
        querystring: changesQuery,
        response: { 200: z.array(changedUnit), ...refusals },
      },
    },
    async (request) =>
      changedUnits(db, Number(request.params.id), {
        shift: request.query.shift,
        afterUnitId: request.query.after,
        limit: 500,
      }),
  );

  app.get(
    '/simulation/runs/:id/export',
    {
      config: staff(CASE_STAFF, wholeDataSet),
      schema: { summary: '导出方案测算结果（.xlsx）', tags, params: idParams, response: refusals },
    },
    async (request, reply) => {
      const runId = Number(request.params.id);
      try {
        const run = await db.selectFrom('simulation_runs').select('status').where('id', '=', runId).executeTakeFirst();
        if (run?.status !== 'completed')
          throw new Refusal(run ? 'CONFLICT' : 'NOT_FOUND', run ? `测算 #${runId} 尚未完成` : `没有编号为 ${runId} 的测算`);
        return await sendWrittenFile(reply, `方案测算${runId}.xlsx`, XLSX_TYPE, (path) =>
          exportImpactXlsx(db, params, runId, path),
        );
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );
}
