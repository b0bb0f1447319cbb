// Round-level staff API: progress by workflow state, the round's screening runs, sending the SMS notices after 公示,
// and the dated parameters with their legal basis.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Store } from '../../adapters/store/open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { notifyPassedCases } from '../../services/notify/notify-passed.ts';
import { deliverAllDue } from '../../services/notify/outbox.ts';
import type { SmsProvider } from '../../domain/ports/sms-provider.ts';
import { roundProgress } from '../../services/round/progress.ts';
import { listRuns } from '../../services/screening/list-runs.ts';
import { ALL_STAFF, CASE_STAFF, staff, wholeDataSet } from '../security/access.ts';
import { actorOf } from '../security/request-identity.ts';
import { fail } from '../replies.ts';
import { notifyResult, parameterList, stateTally } from '../schemas/round.ts';
import { roundParams, screeningRun } from '../schemas/screening.ts';
import { withZod } from '../zod-routes.ts';

export interface RoundRouteOptions {
  store: Store;
  clock: Clock;
  params: ParameterStore;
  cipher: FieldCipher;
  sms?: SmsProvider;
  /** Where the confirmation page is served (the link in the SMS). */
  baseUrl: string;
}

export async function roundRoutes(plugin: FastifyInstance, options: RoundRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    clock,
    params,
    cipher,
  } = options;
  const tags = ['round'];

  app.get(
    '/rounds/:round/progress',
    {
      config: staff(CASE_STAFF),
      schema: {
        summary: '批次进度（按环节统计单位数和金额）',
        tags,
        params: roundParams,
        response: { 200: z.array(stateTally) },
      },
    },
    async (request) => roundProgress(db, request.params.round),
  );

  app.get(
    '/rounds/:round/screenings',
    {
      config: staff(CASE_STAFF),
      schema: { summary: '本年度的筛查批次', tags, params: roundParams, response: { 200: z.array(screeningRun) } },
    },
    async (request) => listRuns(db, request.params.round),
  );

  app.post(
    '/rounds/:round/notify',
    {
      config: staff(['case_worker'], wholeDataSet),
      schema: { summary: '向公示期满的单位发送告知短信并投递', tags, params: roundParams, response: { 200: notifyResult } },
    },
    async (request, reply) => {
      if (!options.sms) return fail(reply, 503, 'SMS_NOT_CONFIGURED', '未配置短信通道，无法发送');
      const result = await notifyPassedCases(db, {
        round: request.params.round,
        clock,
        cipher,
        baseUrl: options.baseUrl,
        actor: actorOf(request),
      });
      const delivery = await deliverAllDue({ db, provider: options.sms, cipher, clock });
      return { ...result, delivery };
    },
  );

  app.get(
    '/parameters',
    {
      config: staff(ALL_STAFF),
      schema: { summary: '全部参数（带日期和法律依据）', tags: ['parameters'], response: { 200: parameterList } },
    },
    async () => ({
      version: params.version,
      rules: params.rules().map((file) => ({
        rule: file.rule,
        title: file.title,
        parameters: Object.entries(file.parameters).map(([key, def]) => ({
          key,
          label: def.label,
          unit: def.unit,
          values: def.values,
        })),
      })),
    }),
  );
}
