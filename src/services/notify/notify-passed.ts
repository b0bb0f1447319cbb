// After the 公示: tells every unit whose notice period passed, by SMS, its amount and a confirmation link, and moves
// its case notice_passed → notified (鲁人社发〔2024〕8号 第七条). A unit with no mobile number on file stays in
// notice_passed and is listed for a case worker to contact.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { maskPhone } from '../../domain/masking.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { applyCaseTransition } from '../round/case-transitions.ts';
import { confirmationUrl, createConfirmationLink } from '../confirm/confirmation-links.ts';
import { enqueueSms } from './outbox.ts';
import { refundNoticeText } from './templates.ts';
import type { Actor } from '../../domain/refund-case.ts';

export const NO_PHONE = '无手机号码，需人工联系';

export interface NotifyOptions {
  round: string;
  clock: Clock;
  cipher: FieldCipher;
  /** Where the confirmation page is served, e.g. https://wengang.example.gov.cn */
  baseUrl: string;
  /** Who sends the notices (a case worker from the console); the system when run on a schedule. */
  actor?: Actor;
}

export interface NotifyResult {
  notified: number;
  manual: { unitId: number; unitName: string; creditCode: string; reason: string }[];
}

export function notifyKey(round: string, unitId: number): string {
  return `notify:${round}:${unitId}`;
}

export async function notifyPassedCases(db: Kysely<Database>, options: NotifyOptions): Promise<NotifyResult> {
  const { round, clock, cipher } = options;
  const cases = await db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.unit_id', 'c.amount_fen', 'u.name', 'u.credit_code', 'u.contact_phone_cipher', 'u.contact_phone_masked'])
    .where('c.round', '=', round)
    .where('c.state', '=', 'notice_passed')
    .orderBy('c.unit_id')
    .execute();
  const result: NotifyResult = { notified: 0, manual: [] };
  for (const unit of cases) {
    const phoneCipher = unit.contact_phone_cipher;
    if (!phoneCipher) {
      result.manual.push({ unitId: unit.unit_id, unitName: unit.name, creditCode: unit.credit_code, reason: NO_PHONE });
      continue;
    }
    const at = clock.now();
    const told = await db.transaction().execute(async (trx) => {
      // Another run (or a case worker) may have moved the case since it was listed: then it is not ours to tell.
      const still = await trx
        .selectFrom('refund_cases')
        .select('state')
        .where('round', '=', round)
        .where('unit_id', '=', unit.unit_id)
        .forUpdate()
        .executeTakeFirst();
      if (still?.state !== 'notice_passed') return false;
      const token = await createConfirmationLink(trx, { round, unitId: unit.unit_id, at });
      await enqueueSms(trx, {
        key: notifyKey(round, unit.unit_id),
        round,
        unitId: unit.unit_id,
        phoneCipher,
        phoneMasked: unit.contact_phone_masked ?? maskPhone(cipher.decrypt(phoneCipher)),
        template: 'refund_notice',
        body: refundNoticeText(unit.name, unit.amount_fen, confirmationUrl(options.baseUrl, token)),
        at,
      });
      await applyCaseTransition(trx, {
        round,
        unitId: unit.unit_id,
        action: 'notify',
        actor: options.actor ?? { kind: 'system' },
        expectedState: 'notice_passed',
        at,
        note: '公示期满，短信告知返还金额及确认链接',
      });
      return true;
    });
    if (told) result.notified++;
  }
  return result;
}
