// The SMS outbox (sms_outbox): services enqueue messages inside their own transaction; a sender delivers them.
//
// A sender claims due rows in one statement (FOR UPDATE SKIP LOCKED, so concurrent senders never claim the same
// row), marks them `sending` with a lease, and sends each through the provider with the row's idempotency key.
// A row whose lease ran out (the sender died mid-send) becomes due again and is sent with the same key: the
// provider, not the outbox, decides whether that can reach the person twice (see each adapter's guarantee).
// Retryable failures back off (1, 5, 30, 120 minutes); the 5th failed attempt, or a non-retryable one, is final.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { SmsSendError, type SmsProvider } from '../../domain/ports/sms-provider.ts';

export const MAX_ATTEMPTS = 5;
const BACKOFF_MINUTES = [1, 5, 30, 120] as const;
/** How long a claimed row stays with its sender before another sender may take it over. */
export const SEND_LEASE_MS = 5 * 60_000;
const MINUTE_MS = 60_000;

type Executor = Transaction<Database> | Kysely<Database>;

export interface OutboxMessage {
  key: string;
  round: string | null;
  unitId: number | null;
  /** The person it goes to, when it is sent to a person (push repeat window and opt-out). */
  personId?: number;
  phoneCipher: Buffer;
  phoneMasked: string;
  template: string;
  body: string;
  /** When it was enqueued (the caller's clock); it is due from then on. */
  at: Date;
}

/** Adds a message unless one with the same key exists; true when it was added. */
export async function enqueueSms(trx: Executor, message: OutboxMessage): Promise<boolean> {
  const inserted = await trx
    .insertInto('sms_outbox')
    .values({
      idempotency_key: message.key,
      round: message.round,
      unit_id: message.unitId,
      person_id: message.personId ?? null,
      phone_cipher: message.phoneCipher,
      phone_masked: message.phoneMasked,
      template: message.template,
      body: message.body,
      status: 'pending',
      next_attempt_at: message.at,
      created_at: message.at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface DeliveryOptions {
  db: Kysely<Database>;
  provider: SmsProvider;
  cipher: FieldCipher;
  clock: Clock;
  limit?: number;
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  id: number;
  idempotency_key: string;
  phone_cipher: Buffer;
  body: string;
  attempts: number;
}

async function claimDue(db: Kysely<Database>, providerName: string, now: Date, limit: number): Promise<Claimed[]> {
  return db
    .updateTable('sms_outbox')
    .set({
      status: 'sending',
      attempts: sql<number>`attempts + 1`,
      next_attempt_at: new Date(now.getTime() + SEND_LEASE_MS),
      provider: providerName,
    })
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('sms_outbox')
        .select('id')
        .where('status', 'in', ['pending', 'sending'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'idempotency_key', 'phone_cipher', 'body', 'attempts'])
    .execute();
}

/** Sends every due message (up to `limit`) once; call it again (or on a timer) for the rest and for retries. */
export async function deliverDueSms(options: DeliveryOptions): Promise<DeliveryResult> {
  const { db, provider, cipher, clock } = options;
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const row of await claimDue(db, provider.name, clock.now(), options.limit ?? 100)) {
    try {
      const { messageId } = await provider.send({
        to: cipher.decrypt(row.phone_cipher),
        body: row.body,
        idempotencyKey: row.idempotency_key,
      });
      // A send always wins, even over a failure recorded by a sender that took the row over meanwhile.
      await db
        .updateTable('sms_outbox')
        .set({ status: 'sent', provider_message_id: messageId, sent_at: clock.now(), last_error: null })
        .where('id', '=', row.id)
        .execute();
      result.sent++;
    } catch (error) {
      const retry = error instanceof SmsSendError && error.retryable && row.attempts < MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message : String(error);
      const next = new Date(
        clock.now().getTime() + BACKOFF_MINUTES[Math.min(row.attempts, BACKOFF_MINUTES.length) - 1]! * MINUTE_MS,
      );
      await db
        .updateTable('sms_outbox')
        .set(
          retry ? { status: 'pending', next_attempt_at: next, last_error: message } : { status: 'failed', last_error: message },
        )
        .where('id', '=', row.id)
        .where('status', '=', 'sending')
        .where('attempts', '=', row.attempts)
        .execute();
      if (retry) result.retrying++;
      else result.failed++;
    }
  }
  return result;
}

/** Delivers batches until nothing is due now (messages waiting for a retry stay for a later run). */
export async function deliverAllDue(options: DeliveryOptions): Promise<DeliveryResult> {
  const total: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await deliverDueSms(options);
    total.sent += batch.sent;
    total.retrying += batch.retrying;
    total.failed += batch.failed;
    if (batch.sent + batch.retrying + batch.failed === 0) return total;
  }
}
