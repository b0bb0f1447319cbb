// What the enterprise portal shows a signed-in unit about itself: the unit (credit code masked), and for each round in
// which it has a refund case the case's state, amount and explained decision (the decision staff see through
// unitRoundDecision), its confirmation, its payments (money it receives, and for a dispatch unit the shares paid to its
// user units) and, for a dispatch unit, its application. Only ever the one unit: the caller passes the session's unit.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { UnitAccountKind } from '../../adapters/store/schema-payments.ts';
import { maskCreditCode } from '../../domain/masking.ts';
import { dispatchStatusLabels } from '../../domain/vocabulary/dispatch.ts';
import { paymentStatusLabel, type PaymentStatus } from '../../domain/vocabulary/payments.ts';
import type { RefundCaseState } from '../../domain/refund-case.ts';
import type { Status } from '../../policy/core/decision.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { payToText } from '../confirm/confirm-case.ts';
import { findUnitApplication } from '../dispatch/find-application.ts';
import { refundRound } from '../rounds.ts';
import { unitRoundDecision } from '../screening/round-decisions.ts';
import { explainRefund, type RefundExplanation } from './refund-explanation.ts';

type Db = Kysely<Database>;

export interface PortalUnit {
  unitId: number;
  name: string;
  creditCodeMasked: string;
  regionCode: string;
  regionName: string;
  size: string | null;
  laborDispatch: boolean;
}

export interface PortalRefundCase {
  state: RefundCaseState;
  stateLabel: string;
  status: Status;
  amountFen: Fen;
  amountYuan: string;
  reasons: string[];
  /** Where the refund goes once confirmed: the kind of account and its masked number. */
  payTo: string | null;
  explanation: RefundExplanation;
  canConfirm: boolean;
}

export interface PortalConfirmation {
  amountFen: Fen;
  amountYuan: string;
  payTo: string;
  confirmedAt: Date;
}

export interface PortalPayment {
  id: number;
  recipientName: string;
  role: 'unit' | 'dispatch_unit' | 'user_unit';
  /** True when the money goes to this unit (a dispatch unit also sees what goes to its user units). */
  toThisUnit: boolean;
  amountFen: Fen;
  amountYuan: string;
  status: PaymentStatus;
  statusLabel: string;
  accountKind: UnitAccountKind;
  bankName: string | null;
  accountMasked: string;
  createdAt: Date;
  sentAt: Date | null;
  settledAt: Date | null;
}

export interface PortalApplication {
  id: number;
  status: 'submitted' | 'decided' | 'withdrawn';
  statusLabel: string;
  amountFen: Fen;
  amountYuan: string;
  workerCount: number;
  submittedAt: Date;
  allocations: { recipientName: string | null; role: 'dispatch_unit' | 'user_unit'; amountFen: Fen; amountYuan: string }[];
}

export interface PortalRound {
  round: string;
  title: string;
  refundCase: PortalRefundCase | null;
  confirmation: PortalConfirmation | null;
  payments: PortalPayment[];
  application: PortalApplication | null;
}

export interface UnitOverview {
  unit: PortalUnit;
  rounds: PortalRound[];
}

/** The account a confirmation records, for the unit to read. */
function confirmedPayTo(confirmation: { pay_to: string; account_masked: string | null }): string {
  return payToText(
    confirmation.pay_to === 'contribution_account' ? 'contribution_account' : 'corporate_account',
    confirmation.account_masked,
  );
}

async function refundCase(
  db: Db,
  params: ParameterStore,
  round: string,
  unit: { id: number; corporate_account_masked: string | null; contribution_account_masked: string | null },
): Promise<PortalRefundCase | null> {
  const decision = await unitRoundDecision(db, params, round, unit.id);
  if (!decision) return null;
  const kind = decision.payTo === 'contribution_account' || decision.payTo === 'corporate_account' ? decision.payTo : null;
  const account =
    kind === 'contribution_account'
      ? unit.contribution_account_masked
      : kind === 'corporate_account'
        ? unit.corporate_account_masked
        : null;
  return {
    state: decision.caseState,
    stateLabel: decision.caseStateLabel,
    status: decision.status,
    amountFen: decision.amountFen,
    amountYuan: decision.amountYuan,
    reasons: decision.reasons,
    payTo: kind && account ? payToText(kind, account) : null,
    explanation: explainRefund({
      round,
      state: decision.caseState,
      status: decision.status,
      amountFen: decision.amountFen,
      reasons: decision.reasons,
      trace: decision.trace,
      traceNote: decision.traceNote,
    }),
    canConfirm: decision.caseState === 'notified',
  };
}

async function payments(db: Db, round: string, unitId: number, creditCode: string): Promise<PortalPayment[]> {
  const rows = await db
    .selectFrom('payments as p')
    .leftJoin('payment_attempts as a', (join) => join.onRef('a.payment_id', '=', 'p.id').onRef('a.attempt', '=', 'p.attempt'))
    .select([
      'p.id',
      'p.recipient_name',
      'p.recipient_credit_code',
      'p.role',
      'p.amount_fen',
      'p.status',
      'p.account_kind',
      'p.bank_name',
      'p.account_masked',
      'p.created_at',
      'a.sent_at',
      'a.settled_at',
    ])
    .where('p.round', '=', round)
    .where((eb) => eb.or([eb('p.unit_id', '=', unitId), eb('p.recipient_credit_code', '=', creditCode)]))
    .where('p.person_id', 'is', null)
    .$narrowType<{ role: PortalPayment['role']; account_kind: PortalPayment['accountKind'] }>()
    .orderBy('p.id')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    recipientName: p.recipient_name,
    role: p.role,
    toThisUnit: p.recipient_credit_code === creditCode,
    amountFen: p.amount_fen,
    amountYuan: formatYuan(p.amount_fen),
    status: p.status,
    statusLabel: paymentStatusLabel[p.status],
    accountKind: p.account_kind,
    bankName: p.bank_name,
    accountMasked: p.account_masked,
    createdAt: p.created_at,
    sentAt: p.sent_at,
    settledAt: p.settled_at,
  }));
}

async function application(db: Db, round: string, unitId: number): Promise<PortalApplication | null> {
  const found = await findUnitApplication(db, round, unitId);
  return found
    ? {
        id: found.id,
        status: found.status,
        statusLabel: dispatchStatusLabels[found.status],
        amountFen: found.amountFen,
        amountYuan: formatYuan(found.amountFen),
        workerCount: found.workerCount,
        submittedAt: found.submittedAt,
        allocations: found.allocations.map((a) => ({
          recipientName: a.recipientName,
          role: a.role,
          amountFen: a.amountFen,
          amountYuan: formatYuan(a.amountFen),
        })),
      }
    : null;
}

/** The unit's overview, or undefined when no unit has this id. */
export async function unitOverview(db: Db, params: ParameterStore, unitId: number): Promise<UnitOverview | undefined> {
  const unit = await db
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      'u.id',
      'u.name',
      'u.credit_code',
      'u.region_code',
      'r.name as region_name',
      'u.size',
      'u.labor_dispatch',
      'u.corporate_account_masked',
      'u.contribution_account_masked',
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!unit) return undefined;
  // Every round the unit has a case, confirmation or payment in (a user unit is paid through a dispatch unit's case).
  const { rows } = await sql<{ round: string }>`
    SELECT round FROM refund_cases WHERE unit_id = ${unitId}
    UNION SELECT round FROM payments WHERE recipient_credit_code = ${unit.credit_code}
    ORDER BY round DESC`.execute(db);
  const rounds: PortalRound[] = [];
  for (const { round } of rows) {
    const [refund, confirmation, paid, applied] = await Promise.all([
      refundCase(db, params, round, unit),
      db
        .selectFrom('confirmations')
        .select(['amount_fen', 'pay_to', 'account_masked', 'confirmed_at'])
        .where('round', '=', round)
        .where('unit_id', '=', unitId)
        .executeTakeFirst(),
      payments(db, round, unitId, unit.credit_code),
      unit.labor_dispatch ? application(db, round, unitId) : null,
    ]);
    rounds.push({
      round,
      title: refundRound(round).title,
      refundCase: refund,
      confirmation: confirmation
        ? {
            amountFen: confirmation.amount_fen,
            amountYuan: formatYuan(confirmation.amount_fen),
            payTo: confirmedPayTo(confirmation),
            confirmedAt: confirmation.confirmed_at,
          }
        : null,
      payments: paid,
      application: applied,
    });
  }
  return {
    unit: {
      unitId: unit.id,
      name: unit.name,
      creditCodeMasked: maskCreditCode(unit.credit_code),
      regionCode: unit.region_code,
      regionName: unit.region_name,
      size: unit.size,
      laborDispatch: unit.labor_dispatch,
    },
    rounds,
  };
}
