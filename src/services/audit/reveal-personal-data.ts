// Revealing a person's full ID number, phone or bank account (个人信息保护法): lists show masked
// values; a member of staff who needs the full value gives a reason, and the reveal (who, whose, which field, why —
// never the value) is appended to the audit trail in the same transaction that decrypts it.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { personalDataFieldLabels } from '../../domain/vocabulary/personal-data.ts';
import { Refusal } from '../../domain/refusal.ts';
import { auditSubject } from './audit-subject.ts';
import { recordAudit } from './record-audit.ts';

export const personalDataFields = {
  id_number: { column: 'id_number_cipher', label: personalDataFieldLabels.id_number },
  phone: { column: 'phone_cipher', label: personalDataFieldLabels.phone },
  bank_account: { column: 'bank_account_cipher', label: personalDataFieldLabels.bank_account },
} as const;

export type PersonalDataField = keyof typeof personalDataFields;

export interface RevealRequest {
  personId: number;
  field: PersonalDataField;
  reason: string | undefined;
  actor: Actor;
  cipher: FieldCipher;
  clock: Clock;
}

export interface Revealed {
  personId: number;
  field: PersonalDataField;
  value: string;
  /** The audit entry recording this reveal. */
  auditSeq: number;
}

export async function revealPersonalData(db: Kysely<Database>, request: RevealRequest): Promise<Revealed> {
  const { personId, field, actor, cipher, clock } = request;
  const { column, label } = personalDataFields[field];
  const reason = request.reason?.trim();
  if (!reason) throw new Refusal('INVALID', `查看完整的${label}须填写查看事由（将记入审计日志）`);
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').select(column).where('id', '=', personId).executeTakeFirst();
    if (!person) throw new Refusal('NOT_FOUND', `没有编号为 ${personId} 的人员`);
    const sealed = person[column];
    if (!sealed) throw new Refusal('NOT_FOUND', `人员 ${personId} 没有登记${label}`);
    const value = cipher.decrypt(sealed);
    const entry = await recordAudit(trx, {
      actor,
      action: 'personal_data.reveal',
      subject: auditSubject.person(personId),
      detail: { field, reason },
      clock,
    });
    return { personId, field, value, auditSeq: entry.seq };
  });
}
