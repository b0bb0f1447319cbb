// What a backup or a move must carry over unchanged: a round's decisions, cases, payments, attempts, ledger and audit.
import type { Store } from '../../src/adapters/store/open-store.ts';

export async function contents(store: Store) {
  const { db } = store;
  return {
    decisions: await db.selectFrom('refund_decisions').selectAll().orderBy('run_id').orderBy('unit_id').execute(),
    cases: await db.selectFrom('refund_cases').selectAll().orderBy('unit_id').execute(),
    // The account's blind index is derived data that opening a store fills in, so it is left out of the comparison.
    payments: (await db.selectFrom('payments').selectAll().orderBy('id').execute()).map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'account_index')),
    ),
    attempts: await db.selectFrom('payment_attempts').selectAll().orderBy('payment_id').orderBy('attempt').execute(),
    ledger: await db.selectFrom('ledger_lines').selectAll().orderBy('transaction_id').orderBy('line_no').execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('seq').execute(),
  };
}
