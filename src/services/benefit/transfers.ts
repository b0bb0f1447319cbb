// 失业保险关系转移接续 (鲁人社发〔2024〕8号 第七条): a person who moves is transferred out with their insured months,
// the benefit months used here and those left. The claim here stops from its first unpaid month, so those months are
// paid only where the person now lives (the remaining months are exactly the months stopped here). The record is
// exported in the layout benefit-transfers imports (docs/TRANSFERS.md); a claim at the new place carries them over.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { isValidDate, periodOf, type IsoDate } from '../../policy/core/dates.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { Refusal } from '../../domain/refusal.ts';
import { stopClaim } from './stops.ts';

export interface TransferOut {
  personId: number;
  /** Where the person moves to (a city's name or code). */
  counterpart: string;
  transferredOn: IsoDate;
  by: string;
  clock: Clock;
}

export interface TransferRecord {
  transferId: number;
  personId: number;
  insuredMonths: number;
  usedMonths: number;
  remainingMonths: number;
}

export async function transferOut(db: Kysely<Database>, request: TransferOut): Promise<TransferRecord> {
  const { personId, counterpart, transferredOn, by, clock } = request;
  if (!isValidDate(transferredOn)) throw new Refusal('INVALID', '转移日期须为 YYYY-MM-DD');
  if (!counterpart.trim()) throw new Refusal('INVALID', '请填写转入地');
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const person = await trx.selectFrom('persons').select(['id', 'region_code']).where('id', '=', personId).executeTakeFirst();
    if (!person) throw new Refusal('NOT_FOUND', `人员 ${personId} 不存在`);
    const local = await trx
      .selectFrom('person_contributions')
      .select(sql<number>`count(distinct period)::int`.as('n'))
      .where('person_id', '=', personId)
      .where('period', '<=', periodOf(transferredOn))
      .executeTakeFirstOrThrow();
    const claim = await trx
      .selectFrom('benefit_claims')
      .selectAll()
      .where('person_id', '=', personId)
      .where('status', 'in', ['approved', 'stopped', 'ended'])
      .orderBy('id', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    const carried = claim?.transfer_in_id
      ? await trx
          .selectFrom('benefit_transfers')
          .select(['insured_months', 'used_months'])
          .where('id', '=', claim.transfer_in_id)
          .executeTakeFirst()
      : undefined;
    const months = claim
      ? await trx
          .selectFrom('benefit_months')
          .select(['status', sql<number>`count(*)::int`.as('n'), sql<string | null>`min(period)`.as('first')])
          .where('claim_id', '=', claim.id)
          .groupBy('status')
          .execute()
      : [];
    const count = (status: string) => months.find((m) => m.status === status)?.n ?? 0;
    const firstUnpaid = months.find((m) => m.status === 'scheduled')?.first ?? null;
    const used = count('paid') + (carried?.used_months ?? 0);
    // Unused months of a claim stopped by re-employment stay the person's; a stop for another reason ends them.
    const remaining =
      claim?.status === 'approved'
        ? count('scheduled')
        : claim?.stop_reason === 'reemployed'
          ? Math.max(claim.max_months - count('paid'), 0)
          : 0;
    const inserted = await trx
      .insertInto('benefit_transfers')
      .values({
        direction: 'out',
        person_id: personId,
        counterpart: counterpart.trim(),
        transferred_on: transferredOn,
        insured_months: local.n + (carried?.insured_months ?? 0),
        used_months: used,
        remaining_months: remaining,
        region_code: person.region_code,
        created_by: by,
      })
      .onConflict((oc) => oc.columns(['person_id', 'direction', 'transferred_on']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new Refusal('CONFLICT', `该人员 ${transferredOn} 已办理转出`);
    if (claim?.status === 'approved' && firstUnpaid) {
      await stopClaim(trx, {
        claimId: claim.id,
        reason: 'transferred_out',
        stoppedFrom: firstUnpaid,
        by,
        at: clock.now(),
        note: `转往${counterpart.trim()}，剩余 ${remaining} 个月在转入地领取`,
      });
    }
    await appendAudit(trx, {
      actor: by,
      action: 'benefit_transfer.out',
      subject: auditSubject.person(personId),
      at: clock.now(),
      detail: { transferId: inserted.id, counterpart: counterpart.trim(), remainingMonths: remaining },
    });
    return {
      transferId: inserted.id,
      personId,
      insuredMonths: local.n + (carried?.insured_months ?? 0),
      usedMonths: used,
      remainingMonths: remaining,
    };
  });
}

/** The rows of a transfer file for these out-transfers: full ID numbers, decrypted under an audit entry per person. */
export async function transferFileRows(
  db: Kysely<Database>,
  options: { transferIds: readonly number[]; cipher: FieldCipher; placeName: string; by: string; clock: Clock },
): Promise<(string | number)[][]> {
  const { transferIds, cipher, placeName, by, clock } = options;
  if (!transferIds.length) return [];
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const rows = await trx
      .selectFrom('benefit_transfers as t')
      .innerJoin('persons as p', 'p.id', 't.person_id')
      .select([
        't.id',
        't.person_id',
        'p.id_number_cipher',
        'p.name',
        't.counterpart',
        't.transferred_on',
        't.insured_months',
        't.used_months',
        't.remaining_months',
      ])
      .where('t.id', 'in', [...transferIds])
      .where('t.direction', '=', 'out')
      .orderBy('t.id')
      .execute();
    for (const r of rows) {
      await appendAudit(trx, {
        actor: by,
        action: 'personal_data.reveal',
        subject: auditSubject.person(r.person_id),
        at: clock.now(),
        detail: { field: 'id_number', reason: '失业保险关系转移接续导出' },
      });
    }
    return rows.map((r) => [
      cipher.decrypt(r.id_number_cipher),
      r.name,
      placeName,
      r.counterpart,
      r.transferred_on,
      r.insured_months,
      r.used_months,
      r.remaining_months,
    ]);
  });
}
