// Payments written before migration 018 have no blind index of their account: opening the store fills it (the keyed
// digest of the full number), and a second opening finds nothing left to do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { insertConfirmedPayments } from '../../support/bank-fixtures.ts';
import { sealedAccount } from '../../support/sealed-accounts.ts';
import { testCipher } from '../../support/sms-fixtures.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

it('indexes the account of every payment without an index when the store opens', async () => {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'wengang-index-')), 'pglite');
  dirs.push(dataDir);
  const first = await openStore({ dataDir }, () => testCipher);
  const [payment] = await insertConfirmedPayments(first.db, [10_000]);
  await first.db
    .updateTable('payments')
    .set({ ...sealedAccount('6222333344445555'), account_index: null })
    .where('id', '=', payment!.paymentId)
    .execute();
  await first.close();

  const second = await openStore({ dataDir }, () => testCipher);
  const row = await second.db.selectFrom('payments').select('account_index').executeTakeFirstOrThrow();
  await second.close();
  expect(row.account_index).toBe(testCipher.blindIndex('6222333344445555'));
  expect(row.account_index).not.toBe(testCipher.blindIndex('6222333344440000'));

  const third = await openStore({ dataDir }, () => {
    throw new Error('nothing is left to index');
  });
  await third.close();
});
