// Personal data: stored encrypted (a dump of persons holds no plain value), revealed in full only with a reason, each
// reveal logged (who, whose, which field, why) without the value; and the auditor's API over the log.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { auditRoutes } from '../../../src/server/routes/audit.ts';
import { revealPersonalData } from '../../../src/services/audit/reveal-personal-data.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { auditor, cipher, clerk, insertPerson, tamper, type PersonData } from './audit-fixtures.ts';

const ZHANG: PersonData = { idNumber: '371002199001011234', phone: '13806311234', bankAccount: '6222020200112233445' };
const clock = fixedClock('2024-09-05T02:00:00Z');

const dump = async (store: Store, table: 'persons' | 'audit_log') =>
  (await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table)} AS t`.execute(store.db)).rows
    .map((r) => r.row)
    .join('\n');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`personal data and the audit API on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('keeps no plain ID number, phone or bank account in a dump of persons, only masked ones', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await insertPerson(store.db, '张三', ZHANG);
        const persons = await dump(store, 'persons');
        for (const value of Object.values(ZHANG)) expect(persons).not.toContain(value);
        expect(persons).toContain('3710**********1234');
        expect(persons).toContain('138****1234');
      } finally {
        await store.close();
      }
    });

    it('reveals a full value only with a reason, and logs the reveal without the value', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const personId = await insertPerson(store.db, '张三', ZHANG);
        const reveal = (field: 'id_number' | 'phone' | 'bank_account', reason: string | undefined) =>
          revealPersonalData(store.db, { personId, field, reason, actor: clerk, cipher, clock });

        await expect(reveal('id_number', undefined)).rejects.toMatchObject({
          code: 'INVALID',
          message: '查看完整的公民身份号码须填写查看事由（将记入审计日志）',
        });
        await expect(reveal('phone', '  ')).rejects.toThrow('须填写查看事由');
        expect(await store.db.selectFrom('audit_log').selectAll().execute()).toEqual([]);

        expect(await reveal('id_number', '核对失业保险待遇申领人身份')).toMatchObject({ value: ZHANG.idNumber, auditSeq: 1 });
        expect((await reveal('bank_account', '核实退回的返还款账户')).value).toBe(ZHANG.bankAccount);
        expect(
          await store.db
            .selectFrom('audit_log')
            .select(['seq', 'at', 'actor', 'action', 'subject', 'detail'])
            .orderBy('seq')
            .execute(),
        ).toEqual([
          {
            seq: 1,
            at: '2024-09-05T02:00:00.000Z',
            actor: '王经办',
            action: 'personal_data.reveal',
            subject: `person:${personId}`,
            detail: { field: 'id_number', reason: '核对失业保险待遇申领人身份' },
          },
          {
            seq: 2,
            at: '2024-09-05T02:00:00.000Z',
            actor: '王经办',
            action: 'personal_data.reveal',
            subject: `person:${personId}`,
            detail: { field: 'bank_account', reason: '核实退回的返还款账户' },
          },
        ]);
        const logged = await dump(store, 'audit_log');
        expect(logged).not.toContain(ZHANG.idNumber);
        expect(logged).not.toContain(ZHANG.bankAccount);
        await expect(
          revealPersonalData(store.db, { personId: personId + 1, field: 'phone', reason: '核对', actor: clerk, cipher, clock }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      } finally {
        await store.close();
      }
    });

    it('serves reveal, search and verification over HTTP with Chinese refusals', async () => {
      const store = await openStore(await backend.freshConfig());
      const app = await securedApp(store, clock, [[auditRoutes, { store, clock, cipher }]]);
      const worker = await staffCaller(store.db, clock, {
        username: 'wangjingban',
        displayName: clerk.name,
        roles: ['case_worker'],
      });
      const auditorSession = await staffCaller(store.db, clock, {
        username: 'zhaoshenji',
        displayName: auditor.name,
        roles: ['auditor'],
      });
      try {
        const personId = await insertPerson(store.db, '张三', ZHANG);
        const url = `/api/v1/persons/${personId}/reveal`;
        const headers = await worker.headers();

        expect((await app.inject({ method: 'POST', url, payload: { field: 'phone', reason: '电话回访核实' } })).statusCode).toBe(
          401,
        );
        const missing = await app.inject({ method: 'POST', url, payload: { field: 'phone' }, headers });
        expect(missing.statusCode).toBe(400);
        expect(missing.json().error.message).toMatch(/^请求体 reason：/);
        const blank = await app.inject({ method: 'POST', url, payload: { field: 'phone', reason: '' }, headers });
        expect(blank.statusCode).toBe(400);
        expect(blank.json().error.message).toBe('查看完整的手机号码须填写查看事由（将记入审计日志）');
        expect(
          (
            await app.inject({
              method: 'POST',
              url: `/api/v1/persons/${personId + 1}/reveal`,
              payload: { field: 'phone', reason: '回访' },
              headers,
            })
          ).statusCode,
        ).toBe(404);

        const revealed = await app.inject({ method: 'POST', url, payload: { field: 'phone', reason: '电话回访核实' }, headers });
        expect(revealed.statusCode).toBe(200);
        expect(revealed.json()).toMatchObject({ personId, field: 'phone', value: ZHANG.phone });

        const search = await app.inject({
          method: 'GET',
          url: `/api/v1/audit?action=personal_data.*&subject=person:${personId}`,
          headers: await auditorSession.headers(),
        });
        expect(search.json()).toEqual({
          entries: [expect.objectContaining({ seq: 1, actor: worker.name, detail: { field: 'phone', reason: '电话回访核实' } })],
          nextBefore: null,
        });
        expect(
          (await app.inject({ method: 'GET', url: '/api/v1/audit?from=2024-9-5', headers: await auditorSession.headers() }))
            .statusCode,
        ).toBe(400);

        const checkpoint = { seq: 1, hash: search.json().entries[0].hash };
        expect(
          (await app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: await auditorSession.headers() })).json(),
        ).toMatchObject({ ok: true, count: 1 });
        await tamper(store.db, sql`UPDATE audit_log SET actor = ${auditor.name}`);
        expect(
          (
            await app.inject({
              method: 'POST',
              url: '/api/v1/audit/verify',
              payload: { checkpoint },
              headers: await auditorSession.headers(),
            })
          ).json(),
        ).toMatchObject({ ok: false, seq: 1, reason: 'edited', message: expect.stringContaining('第 1 条内容与其哈希不符') });
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
