// Reminders to units that were told but have not confirmed: reminder n goes out once the notification is
// confirmationReminderWorkingDays[n] working days old (policy/parameters/public-notice.yaml; 鲁人社发〔2024〕8号
// 第七条). Each reminder has its own idempotency key, so running this any number of times sends each at most once;
// after a pause only the latest due reminder is sent, never an older one after a newer one.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { addDays } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { publicNoticeParameters } from '../../policy/public-notice.ts';
import { shanghaiDateOf, type Clock } from '../../domain/ports/clock.ts';
import type { WorkingDayCalendar } from '../../domain/ports/working-day-calendar.ts';
import { applyCaseTransition } from '../round/case-transitions.ts';
import { confirmationUrl, createConfirmationLink } from '../confirm/confirmation-links.ts';
import { enqueueSms } from './outbox.ts';
import { refundReminderText } from './templates.ts';

export interface ReminderOptions {
  round: string;
  clock: Clock;
  calendar: WorkingDayCalendar;
  baseUrl: string;
  params?: ParameterStore;
}

export function reminderKey(round: string, unitId: number, n: number): string {
  return `remind:${round}:${unitId}:${n}`;
}

function reminderSchedule(params: ParameterStore, today: string): number[] {
  const found = params.at(publicNoticeParameters, 'confirmationReminderWorkingDays', today);
  if (!found) throw new Error(`${today} 没有生效的提醒短信参数（public-notice.confirmationReminderWorkingDays）`);
  return [...found.value].sort((a, b) => a - b);
}

/** The notified, unconfirmed cases of a round with when they were notified and the last reminder number used. */
function notifiedCases(db: Kysely<Database>, round: string) {
  return db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select((eb) => [
      'c.unit_id',
      'c.amount_fen',
      'u.name',
      'u.contact_phone_cipher',
      'u.contact_phone_masked',
      eb
        .selectFrom('refund_case_events as e')
        .select((e) => e.fn.min('e.at').as('at'))
        .whereRef('e.round', '=', 'c.round')
        .whereRef('e.unit_id', '=', 'c.unit_id')
        .where('e.action', '=', 'notify')
        .as('notified_at'),
      eb
        .selectFrom('confirmation_links as l')
        .select((l) => l.fn.max('l.expires_at').as('x'))
        .whereRef('l.round', '=', 'c.round')
        .whereRef('l.unit_id', '=', 'c.unit_id')
        .as('expires_at'),
      eb
        .selectFrom('sms_outbox as o')
        .select(sql<number>`coalesce(max(split_part(o.idempotency_key, ':', 4)::integer), 0)`.as('n'))
        .whereRef('o.round', '=', 'c.round')
        .whereRef('o.unit_id', '=', 'c.unit_id')
        .where('o.template', '=', 'refund_reminder')
        .as('last_reminder'),
    ])
    .where('c.round', '=', round)
    .where('c.state', '=', 'notified')
    .orderBy('c.unit_id')
    .execute();
}

/** Enqueues every reminder that is due now; returns how many were enqueued. */
export async function remindUnconfirmed(db: Kysely<Database>, options: ReminderOptions): Promise<number> {
  const { round, clock, calendar } = options;
  const today = clock.today();
  const schedule = reminderSchedule(options.params ?? projectParameters(), today);
  let enqueued = 0;
  for (const unit of await notifiedCases(db, round)) {
    if (!unit.notified_at || !unit.contact_phone_cipher) continue;
    const notifiedOn = shanghaiDateOf(new Date(unit.notified_at));
    const elapsed = today > notifiedOn ? calendar.countWorkingDays(addDays(notifiedOn, 1), today) : 0;
    const due = schedule.filter((days) => elapsed >= days).length;
    if (due <= Number(unit.last_reminder)) continue;
    const phoneCipher = unit.contact_phone_cipher;
    const at = clock.now();
    await db.transaction().execute(async (trx) => {
      // The unit may have confirmed since it was listed.
      const still = await trx
        .selectFrom('refund_cases')
        .select('state')
        .where('round', '=', round)
        .where('unit_id', '=', unit.unit_id)
        .forUpdate()
        .executeTakeFirst();
      if (still?.state !== 'notified') return;
      // The token of the first SMS is not kept, so a reminder carries a new link with the same deadline.
      const expiresAt = unit.expires_at ? new Date(unit.expires_at) : undefined;
      const token = await createConfirmationLink(trx, { round, unitId: unit.unit_id, at, expiresAt });
      const added = await enqueueSms(trx, {
        key: reminderKey(round, unit.unit_id, due),
        round,
        unitId: unit.unit_id,
        phoneCipher,
        phoneMasked: unit.contact_phone_masked ?? '（未登记）',
        template: 'refund_reminder',
        body: refundReminderText(unit.name, unit.amount_fen, confirmationUrl(options.baseUrl, token)),
        at,
      });
      if (added) {
        await applyCaseTransition(trx, {
          round,
          unitId: unit.unit_id,
          action: 'notify',
          actor: { kind: 'system' },
          expectedState: 'notified',
          at,
          note: `第${due}次提醒确认短信`,
        });
        enqueued++;
      }
    });
  }
  return enqueued;
}
