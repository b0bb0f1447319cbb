// A tiny confirmed refund round for the payment tests: units with accounts, confirmed cases with the unit's
// confirmation, a decided labour-dispatch application, and readers for what the ledger and the bank attempts hold.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/adapters/store/schema.ts';
import type { Actor } from '../../src/domain/refund-case.ts';
import { createPaymentsForConfirmed } from '../../src/services/payments/create-payments.ts';
import { authorisePaymentBatch, proposePaymentBatch } from '../../src/services/payments/payment-batches.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import { insertCase, insertRun, REGION, ROUND } from './review-fixtures.ts';
import { confirmedPayTo, opened, unitAccounts } from './sealed-accounts.ts';

export { ROUND };
type Db = Kysely<Database>;

export const clock = fixedClock('2024-10-08T09:00:00+08:00');
export const maker: Actor = { kind: 'staff', role: 'finance', name: '财务王五' };
export const checker: Actor = { kind: 'staff', role: 'finance', name: '财务赵六' };

let serial = 0;

export interface PayeeSpec {
  name: string;
  corporateAccount?: string | null;
  contributionAccount?: string | null;
  laborDispatch?: boolean;
}

/** A unit with its accounts (a corporate account by default); returns its id and credit code. */
export async function insertPayee(db: Db, spec: PayeeSpec): Promise<{ id: number; creditCode: string }> {
  const n = ++serial;
  const creditCode = `913710PY3C${String(n).padStart(7, '0')}X`;
  const { id } = await db
    .insertInto('units')
    .values({
      credit_code: creditCode,
      name: spec.name,
      org_type: 'enterprise',
      size: 'small',
      region_code: REGION,
      labor_dispatch: spec.laborDispatch ?? false,
      corporate_bank: '中国工商银行威海分行',
      ...unitAccounts({
        corporate: spec.corporateAccount === undefined ? `62220000${String(n).padStart(8, '0')}` : spec.corporateAccount,
        contribution: spec.contributionAccount,
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, creditCode };
}

/**
 * A confirmed case; the confirmation records `payTo` (`<kind>:<account>`) with the unit's name and bank as they stand,
 * unless it is null (no confirmation row). The decision's payTo is the confirmed kind unless `decidedPayTo` says otherwise.
 */
export async function insertConfirmedCase(
  db: Db,
  runId: number,
  unitId: number,
  amountFen: number,
  payTo: string | null,
  decidedPayTo?: 'corporate_account' | 'contribution_account' | null,
): Promise<void> {
  const confirmedKind = payTo?.startsWith('contribution_account:') ? 'contribution_account' : 'corporate_account';
  await insertCase(db, runId, unitId, {
    state: 'confirmed',
    amountFen,
    payTo: decidedPayTo === undefined ? confirmedKind : decidedPayTo,
  });
  if (payTo === null) return;
  const unit = await db.selectFrom('units').select(['name', 'corporate_bank']).where('id', '=', unitId).executeTakeFirstOrThrow();
  await db
    .insertInto('confirmations')
    .values({
      round: ROUND,
      unit_id: unitId,
      amount_fen: amountFen,
      ...confirmedPayTo(payTo),
      account_name: unit.name,
      bank_name: confirmedKind === 'corporate_account' ? unit.corporate_bank : null,
      confirmed_at: clock.now(),
      confirmed_by: `单位:${unitId}`,
    })
    .execute();
}

/** `count` units with confirmed cases paid to their corporate accounts; returns their ids. */
export async function confirmedUnits(db: Db, count: number, amountFen = (i: number) => 10_000 + i): Promise<number[]> {
  const runId = await insertRun(db);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const unit = await insertPayee(db, { name: `威海付款测试${i + 1}号有限公司` });
    const account = await db
      .selectFrom('units')
      .select('corporate_account_cipher')
      .where('id', '=', unit.id)
      .executeTakeFirstOrThrow();
    await insertConfirmedCase(db, runId, unit.id, amountFen(i), `corporate_account:${opened(account.corporate_account_cipher)}`);
    ids.push(unit.id);
  }
  return ids;
}

export interface AllocationSpec {
  creditCode: string;
  name?: string;
  role: 'dispatch_unit' | 'user_unit';
  amountFen: number;
}

/** A decided labour-dispatch application of the unit with its allocations. */
export async function insertDispatchDecision(db: Db, unitId: number, allocations: readonly AllocationSpec[]): Promise<void> {
  const amountFen = allocations.reduce((sum, a) => sum + a.amountFen, 0);
  const { id } = await db
    .insertInto('dispatch_applications')
    .values({
      round: ROUND,
      unit_id: unitId,
      status: 'decided',
      workers: JSON.stringify([]),
      worker_payments: JSON.stringify([]),
      amount_fen: amountFen,
      submitted_by: '派遣单位',
      decided_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('dispatch_allocations')
    .values(
      allocations.map((a) => ({
        application_id: id,
        recipient_credit_code: a.creditCode,
        recipient_name: a.name ?? null,
        role: a.role,
        base_fen: a.amountFen * 2,
        amount_fen: a.amountFen,
      })),
    )
    .execute();
}

/** Confirmed units → payments → a batch proposed by `maker` and authorised by `checker`; returns the batch id. */
export async function authorisedBatch(db: Db, count: number): Promise<number> {
  await confirmedUnits(db, count);
  await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
  const { batchId } = await proposePaymentBatch(db, { round: ROUND, actor: maker, clock });
  await authorisePaymentBatch(db, { batchId, actor: checker, clock });
  return batchId;
}

export interface SendAudit {
  payments: number;
  /** Payments of the batch whose attempt rows or `send` ledger transactions are not exactly one. */
  notExactlyOnce: { id: number; attempts: number; sends: number }[];
  statuses: string[];
}

/** For every payment of the batch: how many bank attempts and `send` ledger transactions it has. */
export async function sendAudit(db: Db, batchId: number): Promise<SendAudit> {
  const rows = await db
    .selectFrom('payments as p')
    .select((eb) => [
      'p.id',
      'p.status',
      eb
        .selectFrom('payment_attempts as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.payment_id', '=', 'p.id')
        .as('attempts'),
      eb
        .selectFrom('ledger_transactions as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.payment_id', '=', 'p.id')
        .where('t.key', 'like', 'send:%')
        .as('sends'),
    ])
    .where('p.batch_id', '=', batchId)
    .orderBy('p.id')
    .execute();
  return {
    payments: rows.length,
    notExactlyOnce: rows
      .filter((r) => Number(r.attempts) !== 1 || Number(r.sends) !== 1)
      .map((r) => ({ id: r.id, attempts: Number(r.attempts), sends: Number(r.sends) })),
    statuses: [...new Set(rows.map((r) => r.status))],
  };
}

/** The ledger as a whole and per account: Σ debit, Σ credit, unbalanced transactions. */
export async function ledgerState(
  db: Db,
): Promise<{ debits: number; credits: number; unbalanced: number; balances: Record<string, number> }> {
  const totals = await sql<{ debits: number; credits: number }>`
    SELECT coalesce(sum(debit_fen), 0)::bigint AS debits, coalesce(sum(credit_fen), 0)::bigint AS credits FROM ledger_lines`.execute(
    db,
  );
  const unbalanced = await sql<{ n: number }>`
    SELECT count(*)::bigint AS n FROM (SELECT transaction_id FROM ledger_lines GROUP BY transaction_id
    HAVING sum(debit_fen) <> sum(credit_fen)) t`.execute(db);
  const accounts = await sql<{ account: string; balance: number }>`
    SELECT account, sum(debit_fen - credit_fen)::bigint AS balance FROM ledger_lines GROUP BY account`.execute(db);
  return {
    debits: Number(totals.rows[0]!.debits),
    credits: Number(totals.rows[0]!.credits),
    unbalanced: Number(unbalanced.rows[0]!.n),
    balances: Object.fromEntries(accounts.rows.map((r) => [r.account, Number(r.balance)])),
  };
}
