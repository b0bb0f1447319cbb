// Every risk rule on both store backends: a case that fires it and a near miss that does not.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConfirmedPayments, sendBatch } from '../../support/bank-fixtures.ts';
import { insertDispatchDecision } from '../../support/payment-fixtures.ts';
import {
  insertSecondPayment,
  HUANCUI,
  hitsOf,
  insertPerson,
  paidTwiceByTwoDistricts,
  settle,
  WENDENG,
} from '../../support/risk-fixtures.ts';
import { insertUnit } from '../../support/review-fixtures.ts';
import { sealedAccount } from '../../support/sealed-accounts.ts';
import { storeBackends } from '../../support/store-backends.ts';

type Db = Kysely<Database>;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`risk rules on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    const { withStore } = backend;

    describe('duplicate payment across districts', () => {
      it('fires on the later of two paid payments to one unit from two districts, for its amount', async () => {
        await withStore(async ({ db }) => {
          const [, second] = await paidTwiceByTwoDistricts(db, 70_000);
          const hits = await hitsOf(db, 'duplicate_payment_across_districts');
          expect(hits.map((h) => [h.payment_id, h.amount_fen, h.stage, h.region_code])).toEqual([
            [second, 70_000, 'after_payment', WENDENG],
          ]);
        });
      });
      it('fires on a subsidy granted to one person by two districts', async () => {
        await withStore(async ({ db }) => {
          const person = await insertPerson(db);
          const grant = {
            person_id: person,
            type: 'skill_subsidy' as const,
            occupation_code: '4-01-02-01',
            level: 4,
            amount_fen: 150_000,
          };
          await db
            .insertInto('subsidy_grants')
            .values([
              { ...grant, granted_on: '2024-03-01', region_code: HUANCUI },
              { ...grant, granted_on: '2024-05-01', region_code: WENDENG },
            ])
            .execute();
          const hits = await hitsOf(db, 'duplicate_payment_across_districts');
          expect(hits.map((h) => [h.person_id, h.region_code, h.amount_fen])).toEqual([[person, WENDENG, 150_000]]);
        });
      });
      it('does not fire when the second payment of the other district has not been paid', async () => {
        await withStore(async ({ db }) => {
          const [first] = await insertConfirmedPayments(db, [70_000]);
          await insertSecondPayment(db, first!, WENDENG);
          await sendBatch(db, [first!.paymentId]);
          await settle(db, [first!.paymentId]);
          expect(await hitsOf(db, 'duplicate_payment_across_districts')).toEqual([]);
        });
      });
    });

    describe('benefit recipient with a new employer', () => {
      it('fires when a unit that never paid for the person starts paying during the benefit', async () => {
        await withStore(async ({ db }) => {
          const person = await insertPerson(db);
          const employer = await insertUnit(db, { name: '新雇主有限公司' });
          await db
            .insertInto('benefit_periods')
            .values({ person_id: person, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })
            .execute();
          await db
            .insertInto('person_contributions')
            .values({
              person_id: person,
              unit_id: employer.id,
              period: '2024-06',
              paid_on: '2024-06-15',
              amount_fen: 3_000,
              region_code: HUANCUI,
            })
            .execute();
          const hits = await hitsOf(db, 'benefit_with_new_employer');
          expect(hits.map((h) => [h.person_id, (h.evidence as { employerId: number }).employerId])).toEqual([
            [person, employer.id],
          ]);
        });
      });
      it('does not fire for contributions of the former employer before the benefit began', async () => {
        await withStore(async ({ db }) => {
          const person = await insertPerson(db);
          const former = await insertUnit(db, { name: '原单位有限公司' });
          await db
            .insertInto('benefit_periods')
            .values({ person_id: person, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })
            .execute();
          await db
            .insertInto('person_contributions')
            .values({
              person_id: person,
              unit_id: former.id,
              period: '2024-02',
              paid_on: '2024-02-15',
              amount_fen: 3_000,
              region_code: HUANCUI,
            })
            .execute();
          expect(await hitsOf(db, 'benefit_with_new_employer')).toEqual([]);
        });
      });
    });

    describe('bank account changed shortly before payment', () => {
      it('fires on a pending payment whose unit changed its account within the window, and the trigger records changes', async () => {
        await withStore(async ({ db }) => {
          const [payment] = await insertConfirmedPayments(db, [40_000]);
          await db
            .updateTable('units')
            .set({ corporate_account_cipher: Buffer.from('sealed'), corporate_account_masked: '6222********6666' })
            .where('id', '=', payment!.unitId)
            .execute();
          expect(await db.selectFrom('bank_account_changes').select('unit_id').execute()).toEqual([{ unit_id: payment!.unitId }]);
          await db.updateTable('bank_account_changes').set({ changed_at: '2024-09-20T10:00:00+08:00' }).execute();
          const hits = await hitsOf(db, 'bank_account_changed_before_payment');
          expect(hits.map((h) => [h.payment_id, h.hold])).toEqual([[payment!.paymentId, true]]);
        });
      });
      it('does not fire when the change is older than the window', async () => {
        await withStore(async ({ db }) => {
          const [payment] = await insertConfirmedPayments(db, [40_000]);
          await db
            .insertInto('bank_account_changes')
            .values({ unit_id: payment!.unitId, changed_at: '2024-08-01T10:00:00+08:00' })
            .execute();
          expect(await hitsOf(db, 'bank_account_changed_before_payment')).toEqual([]);
        });
      });
    });

    describe('one bank account receiving for several recipients', () => {
      const reseal = (db: Db, paymentId: number, accountNo: string) =>
        db
          .updateTable('payments')
          .set({ ...sealedAccount(accountNo), account_index: null })
          .where('id', '=', paymentId)
          .execute();
      it('fires on each unpaid payment into one account two units share', async () => {
        await withStore(async ({ db }) => {
          const payments = await insertConfirmedPayments(db, [10_000, 20_000, 30_000]);
          await reseal(db, payments[0]!.paymentId, '6222020200001234');
          await reseal(db, payments[1]!.paymentId, '6222020200001234');
          const hits = await hitsOf(db, 'shared_bank_account');
          expect(hits.map((h) => h.payment_id).sort()).toEqual([payments[0]!.paymentId, payments[1]!.paymentId].sort());
        });
      });
      it('does not fire on two different accounts whose masked numbers are the same', async () => {
        await withStore(async ({ db }) => {
          const payments = await insertConfirmedPayments(db, [10_000, 20_000]);
          await reseal(db, payments[0]!.paymentId, '6222111100001234');
          await reseal(db, payments[1]!.paymentId, '6222999900001234');
          const masks = await db.selectFrom('payments').select('account_masked').distinct().execute();
          expect(masks).toHaveLength(1);
          expect(await hitsOf(db, 'shared_bank_account')).toEqual([]);
        });
      });
      it('does not fire when every unit has its own account', async () => {
        await withStore(async ({ db }) => {
          await insertConfirmedPayments(db, [10_000, 20_000]);
          expect(await hitsOf(db, 'shared_bank_account')).toEqual([]);
        });
      });
    });

    describe('headcount rising sharply before the base year ends', () => {
      async function headcounts(db: Parameters<Parameters<typeof withStore>[0]>[0]['db'], september: number, december: number) {
        const unit = await insertUnit(db, { name: '突击参保有限公司' });
        await db
          .insertInto('unit_headcounts')
          .values([
            { unit_id: unit.id, period: '2023-09', insured_count: september, region_code: HUANCUI },
            { unit_id: unit.id, period: '2023-12', insured_count: december, region_code: HUANCUI },
          ])
          .execute();
        return unit.id;
      }
      it('fires when December is 30% and 10 people above September', async () => {
        await withStore(async ({ db }) => {
          const unitId = await headcounts(db, 40, 52);
          const hits = await hitsOf(db, 'headcount_surge_before_base_year_end');
          expect(hits.map((h) => [h.unit_id, h.stage])).toEqual([[unitId, 'before_decision']]);
        });
      });
      it('does not fire on a rise just under the ratio', async () => {
        await withStore(async ({ db }) => {
          await headcounts(db, 40, 51);
          expect(await hitsOf(db, 'headcount_surge_before_base_year_end')).toEqual([]);
        });
      });
    });

    describe('person reported dead, imprisoned or drawing a pension', () => {
      it('fires on a person whose benefit runs past the reported death', async () => {
        await withStore(async ({ db }) => {
          const person = await insertPerson(db);
          await db
            .insertInto('benefit_periods')
            .values({ person_id: person, from_date: '2024-03-01', to_date: '2024-12-31', region_code: HUANCUI })
            .execute();
          await db
            .insertInto('comparison_records')
            .values({ person_id: person, kind: 'death', from_date: '2024-08-10', region_code: HUANCUI })
            .execute();
          const hits = await hitsOf(db, 'person_deceased_imprisoned_or_pensioned');
          expect(hits.map((h) => [h.person_id, h.hold])).toEqual([[person, true]]);
        });
      });
      it('does not fire when the benefit ended before the pension began', async () => {
        await withStore(async ({ db }) => {
          const person = await insertPerson(db);
          await db
            .insertInto('benefit_periods')
            .values({ person_id: person, from_date: '2024-01-01', to_date: '2024-05-31', region_code: HUANCUI })
            .execute();
          await db
            .insertInto('comparison_records')
            .values({ person_id: person, kind: 'pension', from_date: '2024-06-01', region_code: HUANCUI })
            .execute();
          expect(await hitsOf(db, 'person_deceased_imprisoned_or_pensioned')).toEqual([]);
        });
      });
    });

    describe('benefit also drawn in another place', () => {
      async function benefitWithElsewhere(db: Db, elsewhere: { from: string; to: string | null }) {
        const person = await insertPerson(db);
        await db
          .insertInto('benefit_periods')
          .values({ person_id: person, from_date: '2024-03-01', to_date: '2024-08-31', region_code: HUANCUI })
          .execute();
        await db
          .insertInto('comparison_records')
          .values({
            person_id: person,
            kind: 'benefit_elsewhere',
            from_date: elsewhere.from,
            to_date: elsewhere.to,
            place: '烟台市',
            region_code: HUANCUI,
          })
          .execute();
        return person;
      }
      it('fires when the benefit elsewhere overlaps the benefit here', async () => {
        await withStore(async ({ db }) => {
          const person = await benefitWithElsewhere(db, { from: '2024-08-01', to: '2024-12-31' });
          const hits = await hitsOf(db, 'benefit_received_elsewhere');
          expect(hits.map((h) => [h.person_id, h.stage, (h.evidence as { place: string }).place])).toEqual([
            [person, 'after_payment', '烟台市'],
          ]);
        });
      });
      it('does not fire when the benefit elsewhere begins the day after the benefit here ends', async () => {
        await withStore(async ({ db }) => {
          await benefitWithElsewhere(db, { from: '2024-09-01', to: null });
          expect(await hitsOf(db, 'benefit_received_elsewhere')).toEqual([]);
        });
      });
    });

    describe('unit flagged after its decision', () => {
      it('fires on the pending payment of a unit declared bankrupt after the decision', async () => {
        await withStore(async ({ db }) => {
          const [payment] = await insertConfirmedPayments(db, [60_000]);
          await db
            .insertInto('unit_flags')
            .values({ unit_id: payment!.unitId, flag: 'bankruptcy', from_date: '2024-09-01' })
            .execute();
          const hits = await hitsOf(db, 'unit_flagged_after_decision');
          expect(hits.map((h) => h.payment_id)).toEqual([payment!.paymentId]);
        });
      });
      it('does not fire on a flag older than the decision (screening already excluded those)', async () => {
        await withStore(async ({ db }) => {
          const [payment] = await insertConfirmedPayments(db, [60_000]);
          await db
            .insertInto('unit_flags')
            .values({ unit_id: payment!.unitId, flag: 'bankruptcy', from_date: '2024-01-01' })
            .execute();
          expect(await hitsOf(db, 'unit_flagged_after_decision')).toEqual([]);
        });
      });
    });

    describe("dispatch unit's worker payments not matching its own", () => {
      async function dispatchUnit(db: Parameters<Parameters<typeof withStore>[0]>[0]['db'], ownFen: number) {
        const unit = await insertUnit(db, { name: '派遣劳务有限公司', laborDispatch: true });
        await insertDispatchDecision(db, unit.id, [{ creditCode: unit.creditCode, role: 'dispatch_unit', amountFen: 1_000 }]);
        await db
          .updateTable('dispatch_applications')
          .set({
            worker_payments: JSON.stringify([
              { workerId: 'a', period: '2023-05', paidOn: '2023-05-10', amountFen: 60_000 },
              { workerId: 'b', period: '2023-05', paidOn: '2023-05-10', amountFen: 40_000 },
            ]),
          })
          .where('unit_id', '=', unit.id)
          .execute();
        await db
          .insertInto('unit_payments')
          .values({
            unit_id: unit.id,
            receipt_no: 'R1',
            period: '2023-05',
            paid_on: '2023-05-10',
            amount_fen: ownFen,
            kind: 'contribution',
            region_code: HUANCUI,
          })
          .execute();
        return unit.id;
      }
      it('fires when the declared workers add up to more than the unit paid', async () => {
        await withStore(async ({ db }) => {
          const unitId = await dispatchUnit(db, 80_000);
          const hits = await hitsOf(db, 'dispatch_worker_payments_mismatch');
          expect(hits.map((h) => [h.unit_id, h.amount_fen])).toEqual([[unitId, 20_000]]);
        });
      });
      it('does not fire within the tolerance', async () => {
        await withStore(async ({ db }) => {
          await dispatchUnit(db, 99_950);
          expect(await hitsOf(db, 'dispatch_worker_payments_mismatch')).toEqual([]);
        });
      });
    });

    it('keeps a hit found again by a later run as it stands', async () => {
      await withStore(async ({ db }) => {
        await paidTwiceByTwoDistricts(db);
        const first = await hitsOf(db, 'duplicate_payment_across_districts');
        await sql`UPDATE risk_hits SET status = 'cleared'`.execute(db);
        const again = await hitsOf(db, 'duplicate_payment_across_districts');
        expect(again.map((h) => [h.id, h.status])).toEqual([[first[0]!.id, 'cleared']]);
      });
    });
  });
}
