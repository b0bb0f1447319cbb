// The enterprise and person portals' own API. Each route serves only the signed-in unit or person, taken
// from the session — no route names another unit or person:
//   GET  /unit/me            the unit, and per round its case with the decision explained, confirmation and payments
//   POST /unit/me/confirm    {round} the unit confirms its notified refund (the session stands in for the SMS code)
//   GET  /person/me          the person's insurance spells, certificates, subsidies and benefit periods (audited)
//   GET|POST /unit/me/push-preference, /person/me/push-preference   whether they receive policy push SMS; opt out or
//                            back in (audited, push-opt-outs.ts)
// Dispatch units apply through /dispatch/applications (routes/dispatch.ts), which accept a unit session too.
// Register with { prefix: '/api/v1' }.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { confirmOwnRefund } from '../../services/portal/confirm-own-refund.ts';
import {
  changePushPreference,
  pushPreference,
  type OptOutActor,
  type PushRecipient,
} from '../../services/campaigns/push-opt-outs.ts';
import { personRecord } from '../../services/portal/person-record.ts';
import { unitOverview } from '../../services/portal/unit-overview.ts';
import { refundRound } from '../../services/rounds.ts';
import { fail } from '../replies.ts';
import type { Access } from '../security/access.ts';
import { personOf, unitOf } from '../security/request-identity.ts';
import { sendRefusal } from '../route-helpers.ts';
import { refusals } from '../schemas/common.ts';
import {
  confirmBody,
  noQuery,
  ownConfirmation,
  personRecord as personRecordSchema,
  pushPreference as pushPreferenceSchema,
  pushPreferenceBody,
  unitOverview as unitOverviewSchema,
} from '../schemas/portal.ts';
import { withZod } from '../zod-routes.ts';

export interface PortalRouteOptions {
  store: Store;
  clock: Clock;
  /** To rebuild a screened decision's trace for its explanation. */
  params: ParameterStore;
}

const tags = ['portal'];
const UNIT = { access: { unit: true } } as const;
const PERSON = { access: { person: true } } as const;
/** Whose push preference a portal route reads or changes, and who changes it: the signed-in unit or person. */
type Own = { recipient: PushRecipient; actor: OptOutActor };
export async function portalRoutes(plugin: FastifyInstance, options: PortalRouteOptions): Promise<void> {
  const app = withZod(plugin);
  const {
    store: { db },
    clock,
    params,
  } = options;

  app.get(
    '/unit/me',
    {
      config: UNIT,
      schema: {
        summary: '本单位信息、稳岗返还判定说明、确认与拨付情况（单位）',
        tags,
        querystring: noQuery,
        response: { 200: unitOverviewSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const overview = await unitOverview(db, params, unitOf(request).unitId);
      return overview ?? fail(reply, 404, 'NOT_FOUND', '没有找到本单位的登记信息，请致电12333');
    },
  );

  app.post(
    '/unit/me/confirm',
    {
      config: { ...UNIT, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: '本单位确认已告知的稳岗返还（单位，登录即已验证身份）',
        tags,
        body: confirmBody,
        response: { 200: ownConfirmation, ...refusals },
      },
    },
    async (request, reply) => {
      try {
        const { round } = refundRound(request.body.round);
        return await confirmOwnRefund(db, { round, unitId: unitOf(request).unitId, clock });
      } catch (error) {
        return sendRefusal(reply, error);
      }
    },
  );

  app.get(
    '/person/me',
    {
      config: PERSON,
      schema: {
        summary: '本人参保记录、证书、补贴和失业保险金享受期（个人；查看记入审计日志）',
        tags,
        querystring: noQuery,
        response: { 200: personRecordSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const record = await personRecord(db, { personId: personOf(request).personId, clock });
      return record ?? fail(reply, 404, 'NOT_FOUND', '没有找到您的登记信息，请致电12333');
    },
  );

  const portals: { path: string; config: { access: Access }; who: string; subject: (request: FastifyRequest) => Own }[] = [
    {
      path: '/unit/me/push-preference',
      config: UNIT,
      who: '本单位',
      subject: (request) => {
        const { unitId, creditCode } = unitOf(request);
        return { recipient: { unitId }, actor: { kind: 'unit', creditCode } };
      },
    },
    {
      path: '/person/me/push-preference',
      config: PERSON,
      who: '本人',
      subject: (request) => {
        const { personId } = personOf(request);
        return { recipient: { personId }, actor: { kind: 'person', personId } };
      },
    },
  ];
  for (const { path, config, who, subject } of portals) {
    app.get(
      path,
      {
        config,
        schema: {
          summary: `${who}是否接收政策推送短信`,
          tags,
          querystring: noQuery,
          response: { 200: pushPreferenceSchema, ...refusals },
        },
      },
      async (request) => pushPreference(db, subject(request).recipient),
    );
    app.post(
      path,
      {
        config: { ...config, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          summary: `${who}退订或恢复接收政策推送短信（记入审计日志）`,
          tags,
          body: pushPreferenceBody,
          response: { 200: pushPreferenceSchema, ...refusals },
        },
      },
      async (request, reply) => {
        try {
          const { receivesPush, optedOutAt } = await changePushPreference(db, {
            ...subject(request),
            receivesPush: request.body.receivesPush,
            clock,
          });
          return { receivesPush, optedOutAt };
        } catch (error) {
          return sendRefusal(reply, error);
        }
      },
    );
  }
}
