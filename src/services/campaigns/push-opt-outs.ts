// Opting out of policy push SMS (精准推送; 个人信息保护法 第四十四条): a unit or a person may refuse the campaign SMS
// and take the refusal back — through their portal, or by telephone, recorded by a case worker. Push campaigns skip
// whoever has opted out (push-campaign.ts). Recording and withdrawing are idempotent: only a change is written, and
// each change is audited in the same transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { Refusal } from '../../domain/refusal.ts';
import type { Actor } from '../../domain/refund-case.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { actorName } from '../round/case-transitions.ts';

/** Whose preference: a unit or a person. */
export type PushRecipient = { unitId: number } | { personId: number };
/** Who changes it: the unit or person themselves, or a case worker taking a request by telephone. */
export type OptOutActor = Actor | { kind: 'person'; personId: number };

export interface PushPreference {
  receivesPush: boolean;
  /** When the standing opt-out was recorded, or null while the recipient receives push SMS. */
  optedOutAt: string | null;
}

export interface ChangePushPreference {
  recipient: PushRecipient;
  receivesPush: boolean;
  actor: OptOutActor;
  clock: Clock;
}

export async function pushPreference(db: Kysely<Database>, recipient: PushRecipient): Promise<PushPreference> {
  const row =
    'unitId' in recipient
      ? await db.selectFrom('push_opt_outs').select('opted_out_at').where('unit_id', '=', recipient.unitId).executeTakeFirst()
      : await db
          .selectFrom('person_push_opt_outs')
          .select('opted_out_at')
          .where('person_id', '=', recipient.personId)
          .executeTakeFirst();
  return { receivesPush: !row, optedOutAt: row ? new Date(row.opted_out_at).toISOString() : null };
}

/** Records or withdraws the opt-out; answers the preference now in force and whether anything changed. */
export async function changePushPreference(
  db: Kysely<Database>,
  change: ChangePushPreference,
): Promise<PushPreference & { changed: boolean }> {
  const { recipient, actor, clock } = change;
  if (actor.kind === 'staff' && actor.role !== 'case_worker') throw new Refusal('FORBIDDEN', '只有经办员可以登记推送短信退订');
  if (actor.kind === 'system') throw new Refusal('FORBIDDEN', '推送短信退订须由本人或经办员办理');
  const recordedBy = actor.kind === 'person' ? `个人:${actor.personId}` : actorName(actor);
  const changed = await db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const subject = 'unitId' in recipient ? auditSubject.unit(recipient.unitId) : auditSubject.person(recipient.personId);
    if (!(await recipientExists(trx, recipient)))
      throw new Refusal('NOT_FOUND', 'unitId' in recipient ? '没有找到该单位' : '没有找到该人员');
    const count = change.receivesPush
      ? await withdraw(trx, recipient)
      : await record(trx, recipient, { opted_out_at: clock.now(), recorded_by: recordedBy });
    if (count === 0n) return false;
    await appendAudit(trx, {
      actor: recordedBy,
      action: change.receivesPush ? 'campaign.opt_in' : 'campaign.opt_out',
      subject,
      at: clock.now(),
    });
    return true;
  });
  return { ...(await pushPreference(db, recipient)), changed };
}

async function recipientExists(db: Kysely<Database>, recipient: PushRecipient): Promise<boolean> {
  const row =
    'unitId' in recipient
      ? await db.selectFrom('units').select('id').where('id', '=', recipient.unitId).executeTakeFirst()
      : await db.selectFrom('persons').select('id').where('id', '=', recipient.personId).executeTakeFirst();
  return row !== undefined;
}

async function withdraw(db: Kysely<Database>, recipient: PushRecipient): Promise<bigint> {
  const result =
    'unitId' in recipient
      ? await db.deleteFrom('push_opt_outs').where('unit_id', '=', recipient.unitId).executeTakeFirst()
      : await db.deleteFrom('person_push_opt_outs').where('person_id', '=', recipient.personId).executeTakeFirst();
  return result.numDeletedRows;
}

async function record(
  db: Kysely<Database>,
  recipient: PushRecipient,
  values: { opted_out_at: Date; recorded_by: string },
): Promise<bigint> {
  const result =
    'unitId' in recipient
      ? await db
          .insertInto('push_opt_outs')
          .values({ unit_id: recipient.unitId, ...values })
          .onConflict((oc) => oc.column('unit_id').doNothing())
          .executeTakeFirst()
      : await db
          .insertInto('person_push_opt_outs')
          .values({ person_id: recipient.personId, ...values })
          .onConflict((oc) => oc.column('person_id').doNothing())
          .executeTakeFirst();
  return result.numInsertedOrUpdatedRows ?? 0n;
}
