import { AbortedTransactionError } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { settledWithin } from '../../support/wait-for.ts';

const UNIT = {
  credit_code: '91371000MA3C000001',
  name: '威海测试有限公司',
  org_type: 'enterprise',
  region_code: '371002',
} as const;
const PERSON = {
  id_number_index: 'b'.repeat(64),
  id_number_cipher: Buffer.from('01', 'hex'),
  id_number_masked: '3710**********0011',
  name: '孙七',
  region_code: '371002',
} as const;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`transactions and constraints on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('rejects a second unit with the same credit code', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        await db.insertInto('units').values(UNIT).execute();
        await expect(
          db
            .insertInto('units')
            .values({ ...UNIT, name: '重复单位' })
            .execute(),
        ).rejects.toMatchObject({
          code: '23505',
        });
        expect(await db.selectFrom('units').select('name').execute()).toEqual([{ name: UNIT.name }]);
      } finally {
        await close();
      }
    });

    it('leaves nothing behind when a transaction is rolled back', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        const failure = new Error('复核未通过');
        await expect(
          db.transaction().execute(async (trx) => {
            const unit = await trx.insertInto('units').values(UNIT).returning('id').executeTakeFirstOrThrow();
            const person = await trx.insertInto('persons').values(PERSON).returning('id').executeTakeFirstOrThrow();
            await trx
              .insertInto('person_contributions')
              .values({
                person_id: person.id,
                unit_id: unit.id,
                period: '2023-12',
                paid_on: '2024-01-10',
                amount_fen: 52_000,
                region_code: '371002',
              })
              .execute();
            throw failure;
          }),
        ).rejects.toBe(failure);
        for (const table of ['units', 'persons', 'person_contributions'] as const) {
          expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
        }
      } finally {
        await close();
      }
    });

    it('does not report success for a transaction in which a statement failed', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        await expect(
          db.transaction().execute(async (trx) => {
            await trx.insertInto('units').values(UNIT).execute();
            await trx
              .insertInto('units')
              .values(UNIT)
              .execute()
              .catch((error: unknown) => expect(String(error)).toMatch(/duplicate key/));
          }),
        ).rejects.toBeInstanceOf(AbortedTransactionError);
        expect(await db.selectFrom('units').selectAll().execute()).toEqual([]);
      } finally {
        await close();
      }
    });

    it('never shows a query outside a transaction the rows that transaction later rolls back', async () => {
      const { db, close } = await openStore(await backend.freshConfig());
      try {
        let outside: Promise<unknown[]> | undefined;
        await expect(
          db.transaction().execute(async (trx) => {
            await trx.insertInto('units').values(UNIT).execute();
            outside = db.selectFrom('units').select('id').execute();
            // On a server the outside query answers while this transaction is open; the embedded database's single
            // connection answers it only after the rollback. Either way it must not see the row.
            await settledWithin(outside, 1_000);
            throw new Error('回滚');
          }),
        ).rejects.toThrow('回滚');
        expect(await outside).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
