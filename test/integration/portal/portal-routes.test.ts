// The enterprise and person portals' API through the security layer, on both store backends: a unit sees only itself,
// with its decision explained as sentences, and confirms its notified refund once; a person sees their own record and
// the reading is audited; staff and anonymous callers are refused.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { maskIdNumber } from '../../../src/domain/masking.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { auditSubject } from '../../../src/services/audit/audit-subject.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { startScreeningRun } from '../../../src/services/screening/screening-run.ts';
import { decideUnit } from '../../../src/services/screening/decide.ts';
import { portalRoutes } from '../../../src/server/routes/portal.ts';
import { creditCodeOf, insertFixtureUnits } from '../../support/round-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { securedApp, sessionHeaders, staffCaller } from '../../support/staff-session.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { opened, sealedAccount } from '../../support/sealed-accounts.ts';

const NOTIFIED = 1;
const SCREENED = 2;
const ID_NUMBER = '371002198501010016';

type Clock = ReturnType<typeof fixedClock>;

/** Two small enterprises screened eligible by the real rule; the first's case moved on to notified. */
async function screenedUnits(store: Store, clock: Clock): Promise<void> {
  await insertFixtureUnits(store, [{ id: NOTIFIED, dueFen: 80_000 }, { id: SCREENED }]);
  await startScreeningRun(store, { round: '2024', clock, params: projectParameters() });
  await store.db.updateTable('refund_cases').set({ state: 'notified' }).where('unit_id', '=', NOTIFIED).execute();
}

async function insertPerson(store: Store): Promise<number> {
  const { id } = await store.db
    .insertInto('persons')
    .values({
      id_number_index: testCipher.blindIndex(ID_NUMBER),
      id_number_cipher: testCipher.encrypt(ID_NUMBER),
      id_number_masked: maskIdNumber(ID_NUMBER),
      name: '王小明',
      region_code: '371002',
      phone_masked: '139****0002',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto('insurance_spells')
    .values([
      { person_id: id, unit_id: NOTIFIED, from_period: '2019-03', to_period: '2022-06', region_code: '371002' },
      { person_id: id, unit_id: SCREENED, from_period: '2022-07', to_period: null, region_code: '371002' },
    ])
    .execute();
  await store.db
    .insertInto('certificates')
    .values({
      number: 'S000037100224000123',
      person_id: id,
      occupation_code: '6-29-01-01',
      occupation_name: '焊工',
      level: 4,
      issue_date: '2024-03-15',
      verified: true,
      region_code: '371002',
    })
    .execute();
  await store.db
    .insertInto('subsidy_grants')
    .values({
      person_id: id,
      type: 'skill_subsidy',
      occupation_code: '6-29-01-01',
      level: 4,
      granted_on: '2024-05-20',
      amount_fen: 150_000,
      region_code: '371002',
    })
    .execute();
  await store.db
    .insertInto('benefit_periods')
    .values({ person_id: id, from_date: '2023-01-01', to_date: '2023-06-30', region_code: '371002' })
    .execute();
  return id;
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`enterprise and person portals on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    async function withPortal(work: (app: FastifyInstance, store: Store, clock: Clock) => Promise<void>) {
      await backend.withStore(async (store) => {
        const clock = fixedClock('2024-09-27T10:00:00+08:00');
        const app = await securedApp(store, clock, [[portalRoutes, { store, clock, params: projectParameters() }]]);
        try {
          await work(app, store, clock);
        } finally {
          await app.close();
        }
      });
    }

    it('shows a unit itself only: masked credit code, state in Chinese, the decision as checklist sentences', () =>
      withPortal(async (app, store, clock) => {
        await screenedUnits(store, clock);
        const unit = await sessionHeaders(store.db, clock, { kind: 'unit', unitId: NOTIFIED });
        const me = await app.inject({ method: 'GET', url: '/api/v1/unit/me', headers: unit });
        expect(me.statusCode).toBe(200);
        const body = me.json();
        expect(body.unit).toEqual({
          unitId: NOTIFIED,
          name: `测试单位${NOTIFIED}`,
          creditCodeMasked: '913710********001X',
          regionCode: '371002',
          regionName: '环翠区',
          size: 'small',
          laborDispatch: false,
        });
        expect(me.body).not.toContain(creditCodeOf(NOTIFIED));
        expect(me.body).not.toContain(`测试单位${SCREENED}`);
        const [round] = body.rounds;
        // 12 months of 2023 at 800 元, 60% back for a small enterprise.
        expect(round.refundCase).toMatchObject({
          state: 'notified',
          stateLabel: '已短信告知',
          status: 'eligible',
          amountFen: 576_000,
          amountYuan: '5,760.00',
          canConfirm: true,
          payTo: '单位对公账户 **** **** **** 0001',
        });
        const { explanation } = round.refundCase;
        expect(explanation.summary).toBe('经大数据比对，您单位符合2024年度失业保险稳岗返还条件，返还金额为 5,760.00 元。');
        expect(explanation.nextStep).toContain('确认返还');
        // The screening stored no trace: the explanation's checklist is the trace rebuilt from the store.
        const decision = (await decideUnit(store.db, { round: '2024', unitId: NOTIFIED })).decision;
        expect(explanation.checklist.map((line: { text: string }) => line.text)).toEqual(decision.trace.map((step) => step.text));
        expect(explanation.traceNote).toBeNull();
        expect(explanation.checklist).toContainEqual({
          text: expect.stringContaining('返还金额 = '),
          result: 'info',
          legalBasis: expect.stringContaining('鲁人社发〔2024〕8号'),
        });
        expect(explanation.checklist.filter((line: { result: string }) => line.result === 'met').length).toBeGreaterThan(3);
        expect(Object.keys(explanation.checklist[0]).sort()).toEqual(['legalBasis', 'result', 'text']);
        expect(round).toMatchObject({ round: '2024', confirmation: null, payments: [], application: null });

        // There is no way to name another unit.
        expect((await app.inject({ method: 'GET', url: `/api/v1/unit/me?unitId=${SCREENED}`, headers: unit })).statusCode).toBe(
          400,
        );
        expect((await app.inject({ method: 'GET', url: `/api/v1/unit/${SCREENED}`, headers: unit })).statusCode).toBe(404);
        const other = await app.inject({
          method: 'POST',
          url: '/api/v1/unit/me/confirm',
          payload: { round: '2024', unitId: SCREENED },
          headers: unit,
        });
        expect(other.statusCode).toBe(400);
      }));

    it('lets the unit confirm its notified refund once, refuses a case not yet notified, and then shows the confirmation and payments', () =>
      withPortal(async (app, store, clock) => {
        await screenedUnits(store, clock);
        const unit = await sessionHeaders(store.db, clock, { kind: 'unit', unitId: NOTIFIED });
        const confirmed = await app.inject({
          method: 'POST',
          url: '/api/v1/unit/me/confirm',
          payload: { round: '2024' },
          headers: unit,
        });
        expect(confirmed.statusCode).toBe(200);
        expect(confirmed.json()).toMatchObject({
          unitName: `测试单位${NOTIFIED}`,
          amountFen: 576_000,
          payTo: '单位对公账户 **** **** **** 0001',
          confirmedAt: clock.now().toISOString(),
        });
        const event = await store.db
          .selectFrom('refund_case_events')
          .select(['action', 'from_state', 'to_state', 'actor'])
          .where('unit_id', '=', NOTIFIED)
          .where('action', '=', 'confirm')
          .executeTakeFirstOrThrow();
        expect(event).toEqual({
          action: 'confirm',
          from_state: 'notified',
          to_state: 'confirmed',
          actor: `单位:${creditCodeOf(NOTIFIED)}`,
        });
        const confirmation = await store.db
          .selectFrom('confirmations')
          .select(['amount_fen', 'pay_to', 'account_cipher', 'account_masked'])
          .where('unit_id', '=', NOTIFIED)
          .executeTakeFirstOrThrow();
        expect(confirmation).toMatchObject({
          amount_fen: 576_000,
          pay_to: 'corporate_account',
          account_masked: '**** **** **** 0001',
        });
        expect(opened(confirmation.account_cipher)).toBe('622200000001');

        const again = await app.inject({
          method: 'POST',
          url: '/api/v1/unit/me/confirm',
          payload: { round: '2024' },
          headers: unit,
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().error).toEqual({ code: 'ALREADY_CONFIRMED', message: '您单位已确认本次稳岗返还，无需重复确认' });

        const early = await app.inject({
          method: 'POST',
          url: '/api/v1/unit/me/confirm',
          payload: { round: '2024' },
          headers: await sessionHeaders(store.db, clock, { kind: 'unit', unitId: SCREENED }),
        });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.message).toBe('该稳岗返还事项当前不能确认，请致电12333咨询');
        expect(
          (await store.db.selectFrom('refund_cases').select('state').where('unit_id', '=', SCREENED).executeTakeFirstOrThrow())
            .state,
        ).toBe('eligible');
        const unknown = await app.inject({
          method: 'POST',
          url: '/api/v1/unit/me/confirm',
          payload: { round: '2031' },
          headers: unit,
        });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json().error.message).toContain('没有 2031 年度');

        const { id: batchId } = await store.db
          .insertInto('payment_batches')
          .values({
            round: '2024',
            status: 'exported',
            payment_count: 1,
            total_fen: 576_000,
            proposed_by: '财务甲',
            authorised_by: '财务乙',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { id: paymentId } = await store.db
          .insertInto('payments')
          .values({
            idempotency_key: `refund:2024:${NOTIFIED}:${creditCodeOf(NOTIFIED)}`,
            round: '2024',
            unit_id: NOTIFIED,
            purpose: 'job_retention_refund',
            recipient_credit_code: creditCodeOf(NOTIFIED),
            recipient_name: `测试单位${NOTIFIED}`,
            role: 'unit',
            amount_fen: 576_000,
            account_kind: 'corporate_account',
            ...sealedAccount('622200000001'),
            status: 'sent',
            batch_id: batchId,
            region_code: '371002',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await store.db
          .insertInto('payment_attempts')
          .values({
            payment_id: paymentId,
            attempt: 1,
            batch_id: batchId,
            account_kind: 'corporate_account',
            ...sealedAccount('622200000001'),
            amount_fen: 576_000,
            status: 'sent',
            sent_at: '2024-10-08T02:00:00Z',
          })
          .execute();

        const me = await app.inject({ method: 'GET', url: '/api/v1/unit/me', headers: unit });
        const [round] = me.json().rounds;
        expect(round.refundCase).toMatchObject({ state: 'confirmed', stateLabel: '单位已确认', canConfirm: false });
        expect(round.confirmation).toEqual({
          amountFen: 576_000,
          amountYuan: '5,760.00',
          payTo: '单位对公账户 **** **** **** 0001',
          confirmedAt: clock.now().toISOString(),
        });
        expect(round.payments).toEqual([
          expect.objectContaining({
            amountYuan: '5,760.00',
            status: 'sent',
            statusLabel: '已发送银行',
            accountMasked: '**** **** **** 0001',
            toThisUnit: true,
            sentAt: '2024-10-08T02:00:00.000Z',
            settledAt: null,
          }),
        ]);
        expect(me.body).not.toContain('622200000001');
      }));

    it('shows a person their own record with masked identifiers and audits the reading', () =>
      withPortal(async (app, store, clock) => {
        await insertFixtureUnits(store, [{ id: NOTIFIED }, { id: SCREENED }]);
        const personId = await insertPerson(store);
        const me = await app.inject({
          method: 'GET',
          url: '/api/v1/person/me',
          headers: await sessionHeaders(store.db, clock, { kind: 'person', personId }),
        });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toEqual({
          personId,
          name: '王小明',
          idNumberMasked: '3710**********0016',
          phoneMasked: '139****0002',
          regionCode: '371002',
          regionName: '环翠区',
          insuranceSpells: [
            { unitName: `测试单位${SCREENED}`, fromPeriod: '2022-07', toPeriod: null },
            { unitName: `测试单位${NOTIFIED}`, fromPeriod: '2019-03', toPeriod: '2022-06' },
          ],
          certificates: [
            {
              number: 'S000037100224000123',
              occupationCode: '6-29-01-01',
              occupationName: '焊工',
              level: 4,
              issueDate: '2024-03-15',
              verified: true,
            },
          ],
          subsidyGrants: [
            {
              type: 'skill_subsidy',
              occupationCode: '6-29-01-01',
              level: 4,
              grantedOn: '2024-05-20',
              amountFen: 150_000,
              amountYuan: '1,500.00',
            },
          ],
          benefitPeriods: [{ fromDate: '2023-01-01', toDate: '2023-06-30' }],
        });
        expect(me.body).not.toContain(ID_NUMBER);
        const audit = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'action', 'subject'])
          .where('action', '=', 'personal_data.self_view')
          .execute();
        expect(audit).toEqual([
          { actor: `个人:${personId}`, action: 'personal_data.self_view', subject: auditSubject.person(personId) },
        ]);
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      }));

    it('refuses staff, anonymous callers and the other kind of portal session', () =>
      withPortal(async (app, store, clock) => {
        await insertFixtureUnits(store, [{ id: NOTIFIED }, { id: SCREENED }]);
        const personId = await insertPerson(store);
        const staff = await staffCaller(store.db, clock, { username: 'zhangsan', roles: ['case_worker'] });
        const unit = await sessionHeaders(store.db, clock, { kind: 'unit', unitId: NOTIFIED });
        const person = await sessionHeaders(store.db, clock, { kind: 'person', personId });
        const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>) =>
          (await app.inject({ method, url, headers, ...(method === 'POST' && { payload: { round: '2024' } }) })).statusCode;
        for (const [method, url] of [
          ['GET', '/api/v1/unit/me'],
          ['POST', '/api/v1/unit/me/confirm'],
        ] as const) {
          expect(await call(method, url, {})).toBe(401);
          expect(await call(method, url, await staff.headers())).toBe(403);
          expect(await call(method, url, person)).toBe(403);
        }
        expect(await call('GET', '/api/v1/person/me', {})).toBe(401);
        expect(await call('GET', '/api/v1/person/me', await staff.headers())).toBe(403);
        expect(await call('GET', '/api/v1/person/me', unit)).toBe(403);
        expect(
          await store.db.selectFrom('audit_log').select('seq').where('action', '=', 'personal_data.self_view').execute(),
        ).toEqual([]);
      }));
  });
}
