// Confirmed decisions become payments (鲁人社发〔2024〕8号 第七条：经其确认后发放；第三条：劳务派遣单位按用工单位拆分).
// One payment per (round, unit, recipient) under a unique idempotency key, so creating payments again — after a crash,
// or by two people at once — creates nothing twice. Each payment's commitment is posted to the ledger with it.
// A case stays `confirmed` until reconciliation finds all its payments paid.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { AccountKind, PaymentsTable } from '../../adapters/store/schema-payments.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { sumFen, type Fen } from '../../policy/core/money.ts';
import { postCommitment } from '../ledger/post.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName } from '../round/case-transitions.ts';
import { assertFinance } from './payment-actor.ts';

/** The purpose of every payment this module creates. */
export const REFUND_PURPOSE = 'job_retention_refund';

export function paymentKey(round: string, unitId: number, recipientCreditCode: string): string {
  return `refund:${round}:${unitId}:${recipientCreditCode}`;
}

/** A recipient the system cannot pay by itself: a finance officer must handle it by hand. */
export interface ManualPayment {
  unitId: number;
  unitName: string;
  recipientCreditCode: string;
  recipientName: string;
  amountFen: Fen;
  reason: string;
}

export interface CreatedPayments {
  /** Confirmed cases that had no payment yet. */
  caseCount: number;
  paymentCount: number;
  totalFen: Fen;
  manual: ManualPayment[];
}

type Trx = Transaction<Database>;
type NewPayment = Omit<Insertable<PaymentsTable>, 'status'>;
type PaymentBase = Pick<NewPayment, 'round' | 'unit_id' | 'purpose' | 'region_code' | 'created_by' | 'updated_by'>;

interface Account {
  kind: AccountKind;
  bank: string | null;
  no: string;
}

interface UnitAccounts {
  corporate_bank: string | null;
  corporate_account: string | null;
  contribution_account: string | null;
}

/** The unit's corporate account; for a unit without one, the contribution account the tax authority supplies. */
function ownAccount(unit: UnitAccounts, preferred?: AccountKind | null): Account | undefined {
  const corporate = unit.corporate_account ? { kind: 'corporate_account' as const, bank: unit.corporate_bank, no: unit.corporate_account } : undefined;
  const contribution = unit.contribution_account ? { kind: 'contribution_account' as const, bank: null, no: unit.contribution_account } : undefined;
  return preferred === 'contribution_account' ? contribution ?? corporate : corporate ?? contribution;
}

/** `corporate_account:<no>` or `contribution_account:<no>` as recorded by the unit's confirmation. */
function confirmedAccount(payTo: string, unit: UnitAccounts): Account | undefined {
  const at = payTo.indexOf(':');
  const kind = payTo.slice(0, at);
  const no = payTo.slice(at + 1);
  if (!no || (kind !== 'corporate_account' && kind !== 'contribution_account')) return undefined;
  return { kind, bank: kind === 'corporate_account' ? unit.corporate_bank : null, no };
}

function confirmedCases(db: Kysely<Database>, round: string) {
  return db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('confirmations as k', (join) => join.onRef('k.round', '=', 'c.round').onRef('k.unit_id', '=', 'c.unit_id'))
    .leftJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
    .select(['c.unit_id', 'c.amount_fen', 'c.region_code', 'u.name', 'u.credit_code', 'u.labor_dispatch', 'u.corporate_bank',
      'u.corporate_account', 'u.contribution_account', 'k.amount_fen as confirmed_fen', 'k.pay_to', 'd.pay_to as decided_pay_to'])
    .where('c.round', '=', round)
    .where('c.state', '=', 'confirmed')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('payments as p').select('p.id').where('p.round', '=', round).whereRef('p.unit_id', '=', 'c.unit_id'))))
    .orderBy('c.unit_id');
}

type ConfirmedCase = Awaited<ReturnType<ReturnType<typeof confirmedCases>['execute']>>[number];

interface Planned {
  payments: NewPayment[];
  manual: ManualPayment[];
}

/** A dispatch unit's decided allocations: one payment per recipient with an amount (第三条); none without a decision. */
async function dispatchPlan(trx: Trx, round: string, c: ConfirmedCase, base: PaymentBase): Promise<Planned> {
  const application = await trx.selectFrom('dispatch_applications').select('id')
    .where('round', '=', round).where('unit_id', '=', c.unit_id).where('status', '=', 'decided').executeTakeFirst();
  if (!application) {
    return { payments: [], manual: [{
      unitId: c.unit_id, unitName: c.name, recipientCreditCode: c.credit_code, recipientName: c.name, amountFen: c.confirmed_fen ?? c.amount_fen,
      reason: '劳务派遣单位没有已决定的申请，不能按用工单位拆分支付（鲁人社发〔2024〕8号 第三条），请人工核实',
    }] };
  }
  const allocations = await trx
    .selectFrom('dispatch_allocations as a')
    .leftJoin('units as r', 'r.credit_code', 'a.recipient_credit_code')
    .select(['a.recipient_credit_code', 'a.recipient_name', 'a.role', 'a.amount_fen', 'r.name', 'r.corporate_bank', 'r.corporate_account', 'r.contribution_account'])
    .where('a.application_id', '=', application.id)
    .where('a.amount_fen', '>', 0)
    .orderBy('a.recipient_credit_code')
    .execute();
  const plan: Planned = { payments: [], manual: [] };
  for (const a of allocations) {
    const own = a.role === 'dispatch_unit';
    const recipientName = (own ? c.name : a.name ?? a.recipient_name) ?? a.recipient_credit_code;
    const account = own ? (c.pay_to ? confirmedAccount(c.pay_to, c) : ownAccount(c)) : a.name === null ? undefined : ownAccount(a);
    if (!account) {
      plan.manual.push({
        unitId: c.unit_id, unitName: c.name, recipientCreditCode: a.recipient_credit_code, recipientName, amountFen: a.amount_fen,
        reason: !own && a.name === null ? '用工单位不在参保单位库中，请人工核实后支付' : '收款单位没有登记对公账户或缴费账户，请人工核实后支付',
      });
      continue;
    }
    plan.payments.push({
      ...base, idempotency_key: paymentKey(round, c.unit_id, a.recipient_credit_code), recipient_credit_code: a.recipient_credit_code,
      recipient_name: recipientName, role: own ? 'dispatch_unit' : 'user_unit', amount_fen: a.amount_fen,
      account_kind: account.kind, bank_name: account.bank, account_no: account.no,
    });
  }
  return plan;
}

/** Any other unit: one payment to the account it confirmed (or, with no confirmation recorded, its own account). */
function unitPlan(round: string, c: ConfirmedCase, base: PaymentBase): Planned {
  const amountFen = c.confirmed_fen ?? c.amount_fen;
  const account = c.pay_to ? confirmedAccount(c.pay_to, c) : ownAccount(c, c.decided_pay_to as AccountKind | null);
  const manual = (reason: string): Planned => ({
    payments: [], manual: [{ unitId: c.unit_id, unitName: c.name, recipientCreditCode: c.credit_code, recipientName: c.name, amountFen, reason }],
  });
  if (amountFen <= 0) return manual('确认金额为零，无需支付，请人工核实');
  if (!account) return manual('单位没有登记对公账户或缴费账户，请人工核实后支付');
  return {
    manual: [],
    payments: [{
      ...base, idempotency_key: paymentKey(round, c.unit_id, c.credit_code), recipient_credit_code: c.credit_code, recipient_name: c.name,
      role: 'unit', amount_fen: amountFen, account_kind: account.kind, bank_name: account.bank, account_no: account.no,
    }],
  };
}

/** Creates the payments of every confirmed case that has none yet, each case in its own transaction. */
export async function createPaymentsForConfirmed(
  db: Kysely<Database>,
  request: { round: string; clock: Clock; actor: Actor },
): Promise<CreatedPayments> {
  const { round, actor } = request;
  assertFinance(actor, true);
  const by = actorName(actor);
  const cases = await confirmedCases(db, round).execute();
  const result: CreatedPayments = { caseCount: 0, paymentCount: 0, totalFen: 0, manual: [] };
  for (const c of cases) {
    const at = request.clock.now();
    const created = await db.transaction().execute(async (trx) => {
      const base: PaymentBase = { round, unit_id: c.unit_id, purpose: REFUND_PURPOSE, region_code: c.region_code, created_by: by, updated_by: by };
      const plan = c.labor_dispatch ? await dispatchPlan(trx, round, c, base) : unitPlan(round, c, base);
      const inserted: Fen[] = [];
      for (const payment of plan.payments) {
        const row = await trx.insertInto('payments').values({ ...payment, status: 'pending', created_at: at, updated_at: at })
          .onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').executeTakeFirst();
        if (!row) continue;
        await postCommitment(trx, { paymentId: row.id, amountFen: payment.amount_fen, by, at });
        inserted.push(payment.amount_fen);
      }
      return { inserted, manual: plan.manual };
    });
    result.caseCount += 1;
    result.paymentCount += created.inserted.length;
    result.totalFen += sumFen(created.inserted);
    result.manual.push(...created.manual);
  }
  return result;
}
