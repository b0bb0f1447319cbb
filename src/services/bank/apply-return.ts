// What one line of a bank return file does (鲁人社发〔2024〕8号 第七条、第八条): the attempt, the payment and the fund
// ledger follow the bank's answer, and a refund case whose payments are all paid moves confirmed → paid.
//   成功  attempt paid, payment paid, settlement posted
//   失败  attempt failed with the bank's reason, payment failed, failure posted (the amount is payable again)
//   退回  payment returned: a failure posted when the attempt had not settled, a return when it had
import type { Transaction } from 'kysely';
import { paymentReference } from '../../adapters/bank/instruction-file.ts';
import type { ReturnLine } from '../../adapters/bank/return-file.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { postFailure, postReturn, postSettlement } from '../ledger/post.ts';
import { Refusal } from '../../domain/refusal.ts';
import { applyCaseTransition } from '../round/case-transitions.ts';

const SYSTEM = '系统';

export interface AppliedLine {
  round: string;
  /** Null for a payment to a person. */
  unitId: number | null;
  batchId: number;
}

/**
 * Applies the line to its attempt and payment in the name of `by`, who imported the bank's answer; refuses (CONFLICT)
 * when the attempt has moved on since it was checked.
 */
export async function applyReturnLine(
  trx: Transaction<Database>,
  line: ReturnLine,
  at: Date,
  by: string = SYSTEM,
): Promise<AppliedLine> {
  const current = await trx
    .selectFrom('payment_attempts as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select(['a.status', 'a.batch_id', 'a.amount_fen', 'p.round', 'p.unit_id', 'p.purpose', 'p.attempt as current_attempt'])
    .where('a.payment_id', '=', line.paymentId)
    .where('a.attempt', '=', line.attempt)
    .forUpdate()
    .executeTakeFirst();
  const allowed = line.outcome === 'returned' ? ['sent', 'paid'] : ['sent'];
  if (!current || !allowed.includes(current.status)) {
    throw new Refusal('CONFLICT', `付款流水号 ${paymentReference(line.paymentId, line.attempt)} 的状态已变更，请重新导入回单`);
  }
  const event = {
    paymentId: line.paymentId,
    attempt: line.attempt,
    amountFen: current.amount_fen,
    purpose: current.purpose,
    by,
    at,
  };
  await trx
    .updateTable('payment_attempts')
    .set({
      status: line.outcome,
      bank_reference: line.bankReference,
      bank_reason: line.bankReason,
      ...(line.outcome === 'paid' && { settled_at: at }),
    })
    .where('payment_id', '=', line.paymentId)
    .where('attempt', '=', line.attempt)
    .execute();
  if (current.current_attempt === line.attempt) {
    await trx
      .updateTable('payments')
      .set({ status: line.outcome, updated_at: at, updated_by: by })
      .where('id', '=', line.paymentId)
      .execute();
  }
  if (line.outcome === 'paid') await postSettlement(trx, event);
  else if (line.outcome === 'returned' && current.status === 'paid') await postReturn(trx, event);
  else await postFailure(trx, event);
  return { round: current.round, unitId: current.unit_id, batchId: current.batch_id };
}

/** Moves the unit's refund case confirmed → paid once every payment of its decision is paid, in the importer's name. */
export async function markCasePaidWhenSettled(
  trx: Transaction<Database>,
  round: string,
  unitId: number,
  at: Date,
  by: string,
): Promise<boolean> {
  const open = await trx
    .selectFrom('payments')
    .select('id')
    .where('round', '=', round)
    .where('unit_id', '=', unitId)
    .where('status', '<>', 'paid')
    .limit(1)
    .executeTakeFirst();
  if (open) return false;
  const refundCase = await trx
    .selectFrom('refund_cases')
    .select('state')
    .where('round', '=', round)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (refundCase?.state !== 'confirmed') return false;
  await applyCaseTransition(trx, {
    round,
    unitId,
    action: 'pay',
    actor: { kind: 'staff', role: 'finance', name: by },
    note: '银行回单确认全部款项已支付',
    expectedState: 'confirmed',
    at,
  });
  return true;
}
