// The national comparison system's extracts on both store backends: a death extract imported through the import
// machinery and run against the benefit schedules opens a case that holds the person; a withdrawn report does not;
// the 5E supervision file lists the case with the ID number masked.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { importFile } from '../../../src/services/imports/import-file.ts';
import { exportFiveE, FIVE_E_HEADERS } from '../../../src/services/risk/export-5e.ts';
import { createPersonPayment } from '../../../src/services/payments/create-person-payment.ts';
import { proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { idNumberOf } from '../../support/dispatch-fixtures.ts';
import { testCipher, writeCsvFile } from '../../support/import-fixtures.ts';
import { maker, ROUND } from '../../support/payment-fixtures.ts';
import { insertPerson } from '../../support/person-fixtures.ts';
import { CITY, clock, compareCity, HUANCUI, insertPersonWithIdNumber, system } from '../../support/risk-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const DEATH_HEADERS = ['公民身份号码', '死亡日期', '撤销日期', '信息来源'];

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`comparison feeds on ${backend.name}`, () => {
    const dir = suiteWithFolder(backend, 'risk-feed-');
    const { withStore } = backend;

    async function importDeaths(store: Parameters<Parameters<typeof withStore>[0]>[0], rows: string[][], name: string) {
      const path = join(dir(), name);
      writeCsvFile(path, DEATH_HEADERS, rows, 'gbk');
      return importFile(store, {
        kind: 'comparison-deaths',
        path,
        fileName: name,
        actor: '经办员',
        cipher: testCipher,
        reportDir: join(dir(), 'reports'),
      });
    }

    it('opens a case that holds a person whose benefit runs past a reported death, and exports it for 5E', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const dead = await insertPersonWithIdNumber(db);
        const alive = await insertPersonWithIdNumber(db);
        await db
          .insertInto('benefit_periods')
          .values(
            [dead.id, alive.id].map((person_id) => ({
              person_id,
              from_date: '2024-03-01',
              to_date: '2024-12-31',
              region_code: HUANCUI,
            })),
          )
          .execute();
        const imported = await importDeaths(store, [[dead.idNumber, '2024-08-10', '', '公安户籍注销']], 'deaths.csv');
        expect(imported.status === 'rejected' ? imported.errors : []).toEqual([]);
        expect(imported).toMatchObject({ status: 'accepted', inserted: 1 });

        const run = await compareCity(db);
        expect(run.newHits).toBe(1);
        const hits = await db.selectFrom('risk_hits').select(['person_id', 'rule_code', 'hold', 'status']).execute();
        expect(hits).toEqual([
          { person_id: dead.id, rule_code: 'person_deceased_imprisoned_or_pensioned', hold: true, status: 'open' },
        ]);

        const path = join(dir(), `5e-${backend.name}.csv`);
        expect(await exportFiveE(db, { cityCode: CITY, path, actor: system, clock })).toEqual({ rowCount: 1 });
        const [header, line] = (await readFile(path, 'utf8'))
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n');
        expect(header).toBe(FIVE_E_HEADERS.join(','));
        expect(line).toContain('向已死亡、服刑或领取养老金人员发放');
        expect(line).toContain(`${dead.idNumber.slice(0, 4)}`);
        expect(line).not.toContain(dead.idNumber);
      });
    });

    it('stops the next payment of a person a death extract reports, and opens a case', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const idNumber = idNumberOf(871);
        const personId = await insertPerson(db, { name: '比对死亡', idNumber, bankAccount: '6217000011112222333' });
        const livingId = await insertPerson(db, {
          name: '比对健在',
          idNumber: idNumberOf(872),
          bankAccount: '6217000011112222444',
        });
        const payments = await db.transaction().execute(async (trx) =>
          Promise.all(
            [personId, livingId].map((id) =>
              createPersonPayment(trx, {
                purpose: 'unemployment_benefit',
                decision: `benefit-claim:${id}:2024-10`,
                personId: id,
                amountFen: 187_000,
                round: ROUND,
                by: '系统',
                at: clock.now(),
              }),
            ),
          ),
        );
        const [deadPayment, livingPayment] = payments.map((p) => ('paymentId' in p ? p.paymentId : 0));
        await importDeaths(store, [[idNumber, '2024-09-30', '', '公安户籍注销']], 'deaths-payment.csv');
        await compareCity(db);

        const hit = await db.selectFrom('risk_hits').select(['person_id', 'amount_fen', 'status']).executeTakeFirstOrThrow();
        expect(hit).toEqual({ person_id: personId, amount_fen: 187_000, status: 'open' });
        await expect(
          proposePaymentBatch(db, {
            round: ROUND,
            purpose: 'unemployment_benefit',
            actor: maker,
            clock,
            paymentIds: [deadPayment!],
          }),
        ).rejects.toThrow('暂停支付');
        const batch = await proposePaymentBatch(db, { round: ROUND, purpose: 'unemployment_benefit', actor: maker, clock });
        const inBatch = await db.selectFrom('payments').select('id').where('batch_id', '=', batch.batchId).execute();
        expect(inBatch.map((p) => p.id)).toEqual([livingPayment]);
      });
    });

    it('opens no case for a death report withdrawn before the run', async () => {
      await withStore(async (store) => {
        const person = await insertPersonWithIdNumber(store.db);
        await store.db
          .insertInto('benefit_periods')
          .values({ person_id: person.id, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })
          .execute();
        expect(
          await importDeaths(store, [[person.idNumber, '2024-08-10', '2024-09-01', '误报更正']], 'withdrawn.csv'),
        ).toMatchObject({ status: 'accepted' });
        const run = await compareCity(store.db);
        expect(run.newHits).toBe(0);
      });
    });
  });
}
