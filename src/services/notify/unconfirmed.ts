// The units that were told by SMS but have not confirmed yet, in one query: who, how to reach them (masked),
// how long ago they were told and how many reminders went out.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { Clock } from '../../domain/ports/clock.ts';

export interface UnconfirmedUnit {
  unitId: number;
  unitName: string;
  creditCode: string;
  regionCode: string;
  phoneMasked: string | null;
  amountFen: Fen;
  notifiedAt: string;
  daysSinceNotified: number;
  remindersSent: number;
}

const DAY_MS = 86_400_000;

export async function unconfirmedUnits(
  db: Kysely<Database>,
  options: { round: string; clock: Clock },
): Promise<UnconfirmedUnit[]> {
  const rows = await db
    .selectFrom('refund_cases as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select((eb) => [
      'c.unit_id',
      'c.region_code',
      'c.amount_fen',
      'u.name',
      'u.credit_code',
      'u.contact_phone_masked',
      eb
        .selectFrom('refund_case_events as e')
        .select((e) => e.fn.min('e.at').as('at'))
        .whereRef('e.round', '=', 'c.round')
        .whereRef('e.unit_id', '=', 'c.unit_id')
        .where('e.action', '=', 'notify')
        .as('notified_at'),
      eb
        .selectFrom('sms_outbox as o')
        .select(sql<string>`count(*)::integer`.as('n'))
        .whereRef('o.round', '=', 'c.round')
        .whereRef('o.unit_id', '=', 'c.unit_id')
        .where('o.template', '=', 'refund_reminder')
        .where('o.status', '=', 'sent')
        .as('reminders'),
    ])
    .where('c.round', '=', options.round)
    .where('c.state', '=', 'notified')
    .orderBy('notified_at')
    .orderBy('c.unit_id')
    .execute();
  const now = options.clock.now().getTime();
  return rows.map((row) => {
    const notifiedAt = new Date(row.notified_at ?? now);
    return {
      unitId: row.unit_id,
      unitName: row.name,
      creditCode: row.credit_code,
      regionCode: row.region_code,
      phoneMasked: row.contact_phone_masked,
      amountFen: row.amount_fen,
      notifiedAt: notifiedAt.toISOString(),
      daysSinceNotified: Math.max(0, Math.floor((now - notifiedAt.getTime()) / DAY_MS)),
      remindersSent: Number(row.reminders),
    };
  });
}
