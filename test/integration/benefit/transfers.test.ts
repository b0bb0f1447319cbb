// Transfers between places (鲁人社发〔2024〕8号 第七条 转移接续) on both store backends: a person transferred out stops
// being paid here from the first unpaid month, the exported record carries exactly those months, and a claim at the
// new place (the record imported there) pays the carried-over months — nothing is paid in both places.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../../src/adapters/files/write-csv.ts';
import { transferHeaders } from '../../../src/services/imports/kinds/benefit-transfers.ts';
import { importFile } from '../../../src/services/imports/import-file.ts';
import { submitBenefitClaim } from '../../../src/services/benefit/submit-claim.ts';
import { transferFileRows, transferOut } from '../../../src/services/benefit/transfers.ts';
import { approvedClaim, clock, insertClaimant, linesOf, params, runMonth } from '../../support/benefit-fixtures.ts';
import { testCipher } from '../../support/import-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`benefit transfers on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    it('transfers out with used and remaining months, stops the schedule here, and the other place pays the rest', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wengang-transfer-'));
      try {
        let rows: (string | number)[][] = [];
        let idNumber = '';
        await backend.withStore(async ({ db }) => {
          const person = await insertClaimant(db, { months: 30 });
          idNumber = person.idNumber;
          await approvedClaim(db, person);
          await runMonth(db, '2024-06');
          await runMonth(db, '2024-07');
          const record = await transferOut(db, {
            personId: person.personId,
            counterpart: '济南市',
            transferredOn: '2024-07-20',
            by: '经办员甲',
            clock,
          });
          expect(record).toMatchObject({ insuredMonths: 30, usedMonths: 2, remainingMonths: 10 });
          await runMonth(db, '2024-08');
          expect((await linesOf(db, person.personId)).filter((l) => l.purpose === 'benefit').map((l) => l.period)).toEqual([
            '2024-06',
            '2024-07',
          ]);
          rows = await transferFileRows(db, {
            transferIds: [record.transferId],
            cipher: testCipher,
            placeName: '威海市',
            by: '经办员甲',
            clock,
          });
          expect(rows[0]!.slice(0, 1)).toEqual([person.idNumber]);
        });
        await backend.withStore(async ({ db }) => {
          const here = await insertClaimant(db, { months: 0, separatedOn: '2024-05-31' });
          await db
            .updateTable('persons')
            .set({ id_number_index: testCipher.blindIndex(idNumber), id_number_cipher: testCipher.encrypt(idNumber) })
            .where('id', '=', here.personId)
            .execute();
          const path = join(dir, 'transfers.csv');
          await writeCsv(
            path,
            transferHeaders,
            rows.map((r) => r.map(String)),
          );
          const result = await importFile(
            { db },
            { kind: 'benefit-transfers', path, fileName: 'transfers.csv', actor: '经办员乙', cipher: testCipher, reportDir: dir },
          );
          expect(result.status).toBe('accepted');
          const { decision } = await submitBenefitClaim(db, {
            person: { idNumber, cipher: testCipher },
            channel: 'case_worker',
            by: '经办员乙',
            claimDate: '2024-08-05',
            params,
            clock,
          });
          expect(decision.status).toBe('eligible');
          expect(decision.maxMonths).toBe(10);
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
