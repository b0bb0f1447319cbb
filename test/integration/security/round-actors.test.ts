// Who did what, for every action a signed-in person starts through the API in a whole round — screening and the cases
// it opens, review, 公示, the SMS notices, payments and their run, the bank file, the bank's answer, a data import and
// the exports: each row names that person (a unit's confirmation names the unit), and so does each audit entry;
// nothing the staff started is recorded as 系统.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { buildServer } from '../../../src/server/app.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { runRoundThroughApi } from '../../support/api-round.ts';
import { csvBytes, table, unitRecord } from '../../support/import-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { sessionHeaders } from '../../support/staff-session.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const WORKER = '经办员张三（zhangsan）';
const REVIEWER = '复核员李四（lisi）';
const MAKER = '财务王五（wangwu）';
const CHECKER = '财务赵六（zhaoliu）';
const BOUNDARY = '----wengang-actors-boundary';

async function valuesOf(db: Kysely<Database>, query: string): Promise<string[]> {
  const { rows } = await sql<{ v: string }>`${sql.raw(query)}`.execute(db);
  return [...new Set(rows.map((r) => r.v))].sort();
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`actors of a round on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-actors-');

    it('records the signed-in person in each row and audit entry of every action they start', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const round = await runRoundThroughApi(store, folder());
        expect(round.names).toEqual({ worker: WORKER, reviewer: REVIEWER, maker: MAKER, checker: CHECKER });

        // The exports and an import, by the case worker, on the same server.
        const clock = fixedClock('2024-09-30T09:00:00+08:00');
        const app = await buildServer({ params: projectParameters(), store, clock, cipher: testCipher });
        try {
          const worker = await store.db
            .selectFrom('staff_accounts')
            .select('id')
            .where('username', '=', 'zhangsan')
            .executeTakeFirstOrThrow();
          const headers = () => sessionHeaders(store.db, clock, { kind: 'staff', staffId: worker.id });
          for (const url of [`/api/v1/notices/${round.noticeId}/export`, '/api/v1/rounds/2024/decisions/export?status=eligible'])
            expect((await app.inject({ method: 'GET', url, headers: await headers() })).statusCode).toBe(200);
          const { headers: columns, rows } = table([unitRecord(901)]);
          const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="units.csv"\r\nContent-Type: text/csv\r\n\r\n`;
          const imported = await app.inject({
            method: 'POST',
            url: '/api/v1/imports/units',
            payload: Buffer.concat([
              Buffer.from(head),
              Buffer.from(csvBytes(columns, rows, 'utf8')),
              Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
            ]),
            headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...(await headers()) },
          });
          expect(imported.statusCode, imported.body).toBe(200);
        } finally {
          await app.close();
        }

        const db = store.db;
        expect(await valuesOf(db, 'SELECT created_by AS v FROM screening_runs')).toEqual([WORKER]);
        expect(await valuesOf(db, 'SELECT created_by AS v FROM refund_cases')).toEqual([WORKER]);
        expect(await valuesOf(db, 'SELECT proposed_by AS v FROM review_batches')).toEqual([WORKER]);
        expect(await valuesOf(db, 'SELECT reviewed_by AS v FROM review_batches')).toEqual([REVIEWER]);
        expect(
          await valuesOf(db, 'SELECT opened_by AS v FROM public_notices UNION SELECT closed_by FROM public_notices'),
        ).toEqual([WORKER]);
        expect(await valuesOf(db, 'SELECT created_by AS v FROM payments')).toEqual([MAKER]);
        expect(await valuesOf(db, 'SELECT proposed_by AS v FROM payment_batches')).toEqual([MAKER]);
        expect(await valuesOf(db, 'SELECT authorised_by AS v FROM payment_batches')).toEqual([CHECKER]);
        expect(await valuesOf(db, 'SELECT created_by AS v FROM bank_files')).toEqual([MAKER]);
        expect(await valuesOf(db, 'SELECT updated_by AS v FROM payments')).toEqual([MAKER]);
        expect(await valuesOf(db, 'SELECT created_by AS v FROM import_batches')).toEqual([WORKER]);
        // Every case event is a person's or a unit's; the payment run names who started it.
        const events = await valuesOf(db, 'SELECT actor AS v FROM refund_case_events');
        expect(events.filter((actor) => !actor.startsWith('单位:'))).toEqual([MAKER, REVIEWER, WORKER].sort());
        expect(await valuesOf(db, 'SELECT posted_by AS v FROM ledger_transactions')).toEqual(
          [MAKER, `系统:api/${CHECKER}`].sort(),
        );

        const audit = await sql<{
          action: string;
          actor: string;
        }>`SELECT DISTINCT action, actor FROM audit_log ORDER BY action, actor`.execute(db);
        const byAction = new Map<string, string[]>();
        for (const { action, actor } of audit.rows) byAction.set(action, [...(byAction.get(action) ?? []), actor]);
        expect(
          Object.fromEntries([...byAction].map(([action, actors]) => [action, actors.filter((a) => !a.startsWith('单位:'))])),
        ).toEqual({
          'screening_run.start': [WORKER],
          'case.open': [WORKER],
          'case.propose': [WORKER],
          'case.approve': [REVIEWER],
          'case.publish': [WORKER],
          'case.close_notice': [WORKER],
          'case.notify': [WORKER],
          'case.confirm': [],
          'payment_batch.propose': [MAKER],
          'payment_batch.authorise': [CHECKER],
          'payment.send': [`系统:api/${CHECKER}`],
          'bank_file.export': [MAKER],
          'bank_file.import_return': [MAKER],
          'case.pay': [MAKER],
          'data.export': [WORKER],
          'data.import': [WORKER],
        });
        expect(audit.rows.map((r) => r.actor)).not.toContain('系统');
      } finally {
        await store.close();
      }
    }, 240_000);
  });
}
