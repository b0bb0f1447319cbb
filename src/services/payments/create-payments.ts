// Confirmed decisions become payments (鲁人社发〔2024〕8号 第七条：经其确认后发放；第三条：劳务派遣单位按用工单位拆分).
// One payment per (round, unit, recipient) under a unique idempotency key, so creating payments again — after a crash,
// or by two people at once — creates nothing twice. Each payment's commitment is posted to the ledger with it.
// The payee (account name, bank and number) comes whole from the unit's confirmation, and the account kind must be
// the decision's payTo: the contribution account only when the decision says so, no fallback either way, and a
// decision without a payTo is never paid — such cases are listed for a finance officer with the reason.
// A case stays `confirmed` until reconciliation finds all its payments paid.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, EnterpriseSize, OrgType } from '../../adapters/store/schema.ts';
import type { UnitAccountKind as AccountKind, PaymentsTable } from '../../adapters/store/schema-payments.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { sumFen, type Fen } from '../../policy/core/money.ts';
import { postCommitment } from '../ledger/post.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName } from '../round/case-transitions.ts';
import { assertFinance } from './payment-actor.ts';
import { mayUseContributionAccount } from '../../policy/refund/unit-eligibility.ts';
import { payToLabels } from '../../domain/vocabulary/pay-to.ts';

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

/** Who is paid: account kind, holder's name, bank and number (sealed, with its masked copy), taken together from one record. */
interface Payee {
  kind: AccountKind;
  name: string;
  bank: string | null;
  cipher: Buffer;
  masked: string;
}

interface UnitAccounts {
  name: string;
  corporate_bank: string | null;
  corporate_account_cipher: Buffer | null;
  corporate_account_masked: string | null;
  contribution_account_cipher: Buffer | null;
  contribution_account_masked: string | null;
}

/**
 * The unit's own account of the kind given, as its record stands now: for a unit with no confirmation recorded and for
 * user units of a dispatch unit. Never the other kind: a refund goes to the contribution account only when the
 * decision says so (鲁人社发〔2024〕8号 第七条), never as a fallback for a missing corporate account, nor the reverse.
 */
function unitPayee(unit: UnitAccounts, kind: AccountKind): Payee | undefined {
  const corporate = kind === 'corporate_account';
  const cipher = corporate ? unit.corporate_account_cipher : unit.contribution_account_cipher;
  const masked = corporate ? unit.corporate_account_masked : unit.contribution_account_masked;
  return cipher && masked ? { kind, name: unit.name, bank: corporate ? unit.corporate_bank : null, cipher, masked } : undefined;
}

/**
 * The payee the unit confirmed (the account kind and its sealed number, with the account name and bank recorded
 * beside it). A change of the unit's bank details after it confirmed does not reach the payment: that
 * goes through the two-person account correction (services/bank/account-correction.ts).
 */
function confirmedPayee(confirmation: ConfirmedPayee): Payee | undefined {
  const { pay_to: kind, account_cipher: cipher, account_masked: masked } = confirmation;
  if (!cipher || !masked || (kind !== 'corporate_account' && kind !== 'contribution_account')) return undefined;
  return { kind, name: confirmation.account_name, bank: confirmation.bank_name, cipher, masked };
}

interface ConfirmedPayee {
  pay_to: string;
  account_cipher: Buffer | null;
  account_masked: string | null;
  account_name: string;
  bank_name: string | null;
}

type PayeeChoice = { payee: Payee } | { held: string };

/** The case's payee under the decision's payTo, or why the payment is held for a finance officer. */
function payeeOf(c: ConfirmedCase): PayeeChoice {
  const decided = c.decided_pay_to as AccountKind | null;
  if (decided !== 'corporate_account' && decided !== 'contribution_account') {
    return {
      held: '筛查结论未确定收款账户（单位没有对公账户，且不属于可返还至缴费账户的小微企业或个体工商户），不予支付，请人工核实',
    };
  }
  const payee =
    c.pay_to !== null && c.account_name !== null
      ? confirmedPayee({
          pay_to: c.pay_to,
          account_cipher: c.account_cipher,
          account_masked: c.account_masked,
          account_name: c.account_name,
          bank_name: c.confirmed_bank,
        })
      : unitPayee(c, decided);
  if (!payee) {
    return {
      held:
        decided === 'corporate_account'
          ? '单位没有登记对公账户；按鲁人社发〔2024〕8号 第七条，只有筛查结论为返还至缴费账户的单位才能付至缴费账户，请人工核实后支付'
          : '单位没有登记社会保险费缴费账户，请人工核实后支付',
    };
  }
  if (payee.kind !== decided) {
    return { held: `单位确认的收款账户为${payToLabels[payee.kind]}，与筛查结论的${payToLabels[decided]}不符，请人工核实后支付` };
  }
  return { payee };
}

function confirmedCases(db: Kysely<Database>, round: string) {
  return db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('confirmations as k', (join) => join.onRef('k.round', '=', 'c.round').onRef('k.unit_id', '=', 'c.unit_id'))
    .leftJoin('refund_decisions as d', (join) => join.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
    .select([
      'c.unit_id',
      'c.amount_fen',
      'c.region_code',
      'u.name',
      'u.credit_code',
      'u.labor_dispatch',
      'u.corporate_bank',
      'u.corporate_account_cipher',
      'u.corporate_account_masked',
      'u.contribution_account_cipher',
      'u.contribution_account_masked',
      'k.amount_fen as confirmed_fen',
      'k.pay_to',
      'k.account_cipher',
      'k.account_masked',
      'k.account_name',
      'k.bank_name as confirmed_bank',
      'd.pay_to as decided_pay_to',
    ])
    .where('c.round', '=', round)
    .where('c.state', '=', 'confirmed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('payments as p').select('p.id').where('p.round', '=', round).whereRef('p.unit_id', '=', 'c.unit_id'),
        ),
      ),
    )
    .orderBy('c.unit_id');
}

type ConfirmedCase = Awaited<ReturnType<ReturnType<typeof confirmedCases>['execute']>>[number];

interface Planned {
  payments: NewPayment[];
  manual: ManualPayment[];
}

/** A dispatch unit's decided allocations: one payment per recipient with an amount (第三条); none without a decision. */
async function dispatchPlan(trx: Trx, round: string, c: ConfirmedCase, base: PaymentBase): Promise<Planned> {
  const application = await trx
    .selectFrom('dispatch_applications')
    .select('id')
    .where('round', '=', round)
    .where('unit_id', '=', c.unit_id)
    .where('status', '=', 'decided')
    .executeTakeFirst();
  if (!application) {
    return {
      payments: [],
      manual: [
        {
          unitId: c.unit_id,
          unitName: c.name,
          recipientCreditCode: c.credit_code,
          recipientName: c.name,
          amountFen: c.confirmed_fen ?? c.amount_fen,
          reason: '劳务派遣单位没有已决定的申请，不能按用工单位拆分支付（鲁人社发〔2024〕8号 第三条），请人工核实',
        },
      ],
    };
  }
  const allocations = await trx
    .selectFrom('dispatch_allocations as a')
    .leftJoin('units as r', 'r.credit_code', 'a.recipient_credit_code')
    .select([
      'a.recipient_credit_code',
      'a.recipient_name',
      'a.role',
      'a.amount_fen',
      'r.name',
      'r.size',
      'r.org_type',
      'r.corporate_bank',
      'r.corporate_account_cipher',
      'r.corporate_account_masked',
      'r.contribution_account_cipher',
      'r.contribution_account_masked',
    ])
    .where('a.application_id', '=', application.id)
    .where('a.amount_fen', '>', 0)
    .orderBy('a.recipient_credit_code')
    .execute();
  const plan: Planned = { payments: [], manual: [] };
  for (const a of allocations) {
    const own = a.role === 'dispatch_unit';
    const choice: PayeeChoice = own
      ? payeeOf(c)
      : a.name === null
        ? { held: '用工单位不在参保单位库中，请人工核实后支付' }
        : userUnitPayee({ ...a, name: a.name });
    if ('held' in choice) {
      const recipientName = (own ? c.name : (a.name ?? a.recipient_name)) ?? a.recipient_credit_code;
      plan.manual.push({
        unitId: c.unit_id,
        unitName: c.name,
        recipientCreditCode: a.recipient_credit_code,
        recipientName,
        amountFen: a.amount_fen,
        reason: choice.held,
      });
      continue;
    }
    const { payee } = choice;
    plan.payments.push({
      ...base,
      idempotency_key: paymentKey(round, c.unit_id, a.recipient_credit_code),
      recipient_credit_code: a.recipient_credit_code,
      recipient_name: payee.name,
      role: own ? 'dispatch_unit' : 'user_unit',
      amount_fen: a.amount_fen,
      account_kind: payee.kind,
      bank_name: payee.bank,
      account_cipher: payee.cipher,
      account_masked: payee.masked,
    });
  }
  return plan;
}

/**
 * A user unit has no decision of its own: its corporate account; without one, its contribution account only if it is
 * one the refund rule would pay there (鲁人社发〔2024〕8号 第七条).
 */
function userUnitPayee(unit: UnitAccounts & { size: EnterpriseSize | null; org_type: OrgType | null }): PayeeChoice {
  const corporate = unitPayee(unit, 'corporate_account');
  if (corporate) return { payee: corporate };
  const mayUseContribution = mayUseContributionAccount(unit.org_type, unit.size);
  const contribution = mayUseContribution ? unitPayee(unit, 'contribution_account') : undefined;
  if (contribution) return { payee: contribution };
  return {
    held: mayUseContribution
      ? '用工单位没有登记对公账户或缴费账户，请人工核实后支付'
      : '用工单位没有登记对公账户，且不属于可返还至缴费账户的小微企业或个体工商户，请人工核实后支付',
  };
}

/** Any other unit: one payment to the payee it confirmed (or, with no confirmation recorded, its own account). */
function unitPlan(round: string, c: ConfirmedCase, base: PaymentBase): Planned {
  const amountFen = c.confirmed_fen ?? c.amount_fen;
  const manual = (reason: string): Planned => ({
    payments: [],
    manual: [
      { unitId: c.unit_id, unitName: c.name, recipientCreditCode: c.credit_code, recipientName: c.name, amountFen, reason },
    ],
  });
  if (amountFen <= 0) return manual('确认金额为零，无需支付，请人工核实');
  const choice = payeeOf(c);
  if ('held' in choice) return manual(choice.held);
  const { payee } = choice;
  return {
    manual: [],
    payments: [
      {
        ...base,
        idempotency_key: paymentKey(round, c.unit_id, c.credit_code),
        recipient_credit_code: c.credit_code,
        recipient_name: payee.name,
        role: 'unit',
        amount_fen: amountFen,
        account_kind: payee.kind,
        bank_name: payee.bank,
        account_cipher: payee.cipher,
        account_masked: payee.masked,
      },
    ],
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
      const base: PaymentBase = {
        round,
        unit_id: c.unit_id,
        purpose: REFUND_PURPOSE,
        region_code: c.region_code,
        created_by: by,
        updated_by: by,
      };
      const plan = c.labor_dispatch ? await dispatchPlan(trx, round, c, base) : unitPlan(round, c, base);
      const inserted: Fen[] = [];
      for (const payment of plan.payments) {
        const row = await trx
          .insertInto('payments')
          .values({ ...payment, status: 'pending', created_at: at, updated_at: at })
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .returning('id')
          .executeTakeFirst();
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
