// The screening reads each unit's ledger as one text per table (per-month dues, the receipts paid by the screening
// date) and its headcount figures summed by PostgreSQL. Over a generated population with late payments, arrears, late
// fees, several receipts for one month and payments after the screening date, every decision must equal the rule's
// decision on the unit's full ledger read row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { evaluateJobRetentionRefund, type JobRetentionRefundInput } from '../../../src/policy/job-retention-refund.ts';
import type { Headcount } from '../../../src/policy/refund/refund-input.ts';
import { generateIntoStore } from '../../../src/demo/generate/generate-into-store.ts';
import { decideLoaded } from '../../../src/services/screening/decide.ts';
import { loadRefundInputs } from '../../../src/services/screening/refund-inputs.ts';
import { loadUnitInput } from '../../../src/services/screening/one-unit-input.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const params = projectParameters();
const UNITS = 400;
const BASE_YEAR = 2023;

/** The contract input's ledger parts from every stored row, read row by row. */
async function fullLedger(store: Store, asOf: string) {
  const [months, payments, headcounts] = await Promise.all([
    store.db
      .selectFrom('unit_contribution_months')
      .select(['unit_id', 'period', 'due_fen'])
      .where('period', '<', asOf.slice(0, 7))
      .execute(),
    store.db
      .selectFrom('unit_payments')
      .select(['unit_id', 'period', 'paid_on', 'amount_fen', 'kind'])
      .where('paid_on', '<=', asOf)
      .execute(),
    store.db.selectFrom('unit_headcounts').select(['unit_id', 'period', 'insured_count', 'natural_attrition']).execute(),
  ]);
  const of = <T extends { unit_id: number }>(rows: T[], unitId: number) => rows.filter((r) => r.unit_id === unitId);
  return (unitId: number): Pick<JobRetentionRefundInput, 'months' | 'payments' | 'headcount'> => {
    const counts = of(headcounts, unitId);
    const at = (period: string) => counts.find((r) => r.period === period)?.insured_count ?? 0;
    const inYear = counts.filter((r) => r.period.startsWith(`${BASE_YEAR}-`)).sort((a, b) => a.period.localeCompare(b.period));
    const headcount: Headcount = {
      start: at(`${BASE_YEAR - 1}-12`),
      end: at(`${BASE_YEAR}-12`),
      retiredOrDied: inYear.reduce((n, r) => n + r.natural_attrition, 0),
    };
    if (headcount.start === 0 && inYear[0]) headcount.firstInsuredMonth = inYear[0].insured_count;
    return {
      months: of(months, unitId).map((m) => ({ period: m.period, dueFen: m.due_fen })),
      payments: of(payments, unitId).map((p) => ({ period: p.period, paidOn: p.paid_on, amountFen: p.amount_fen, kind: p.kind })),
      headcount,
    };
  };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`ledger inputs read in one text per unit on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      await backend.setup();
      store = await openStore(await backend.freshConfig());
      await generateIntoStore(store, {
        scale: { units: UNITS, regions: 'weihai', people: { unitShare: 0 } },
        seed: 15,
        cipher: testCipher,
        params,
      });
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await backend.teardown();
    });

    it('has the ledger cases the sums must get right', async () => {
      const {
        rows: [c],
      } = await sql<Record<string, number>>`SELECT
          count(*) FILTER (WHERE kind = 'late_fee')::int AS late_fees,
          count(*) FILTER (WHERE kind = 'contribution' AND period < '2023-01' AND paid_on >= '2023-01-01')::int AS arrears,
          count(*) FILTER (WHERE kind = 'contribution' AND period LIKE '2023-%' AND paid_on >= '2024-01-01')::int AS paid_later,
          count(*) FILTER (WHERE paid_on > '2024-03-10')::int AS after_early_date
        FROM unit_payments`.execute(store.db);
      expect(c!.late_fees).toBeGreaterThan(0);
      expect(c!.arrears).toBeGreaterThan(0);
      expect(c!.paid_later).toBeGreaterThan(0);
      expect(c!.after_early_date).toBeGreaterThan(0);
      const {
        rows: [shared],
      } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM unit_payments
        GROUP BY unit_id, period, kind HAVING count(*) > 1) g`.execute(store.db);
      expect(shared!.n).toBeGreaterThan(0);
    });

    for (const asOf of ['2024-03-10', '2024-08-15']) {
      it(`decides every unit on ${asOf} as the rule does on its full ledger`, async () => {
        const summed = await loadRefundInputs(store.db, { round: '2024', asOf, baseYear: BASE_YEAR, afterId: 0, limit: UNITS });
        expect(summed).toHaveLength(UNITS);
        const ledgerOf = await fullLedger(store, asOf);
        const statuses = new Set<string>();
        for (const unit of summed) {
          const full = { ...unit.input, ...ledgerOf(unit.unitId) };
          expect(unit.input.payments.length).toBe(full.payments.length);
          const decided = decideLoaded(unit, params).decision;
          expect(decided, `unit ${unit.unitId}`).toEqual(evaluateJobRetentionRefund(full, params));
          statuses.add(decided.status);
        }
        expect([...statuses].sort()).toEqual(['eligible', 'ineligible', 'needs_review']);
      }, 120_000);
    }

    it('reads one unit in one statement exactly as the chunk read does, so an opened decision hashes the same', async () => {
      const asOf = '2024-08-15';
      await sql`INSERT INTO unit_flags (unit_id, flag, from_date) SELECT id, 'zombie', '2024-01-01' FROM units ORDER BY id LIMIT 3`.execute(
        store.db,
      );
      const chunk = await loadRefundInputs(store.db, { round: '2024', asOf, baseYear: BASE_YEAR, afterId: 0, limit: UNITS });
      for (const unit of chunk) {
        expect(
          await loadUnitInput(store.db, { round: '2024', asOf, baseYear: BASE_YEAR, unitId: unit.unitId }),
          `unit ${unit.unitId}`,
        ).toEqual(unit);
      }
      expect(chunk.filter((u) => u.input.unit.flags?.length).length).toBeGreaterThanOrEqual(3);
      expect(await loadUnitInput(store.db, { round: '2024', asOf, baseYear: BASE_YEAR, unitId: 999_999 })).toBeUndefined();
    }, 120_000);
  });
}
