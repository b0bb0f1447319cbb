// Appends to the hash-chained audit trail inside the caller's transaction, so a change that rolls back leaves
// no entry and a committed one always has its entry. A transaction-scoped advisory lock serialises appenders: each
// reads the last entry only once the one before it has committed, so seq has no gaps and prev_hash is the previous
// entry's hash. The lock is held until the caller's transaction ends: keep audited transactions short.
import { sql, type Selectable, type Transaction } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { AuditLogTable } from '../../adapters/store/schema-audit.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { chainEntry, type AuditEntry, type Json } from '../../domain/audit-chain.ts';

/** Advisory lock key held while appending (unique within this application; migrations use 3_700_008). */
const AUDIT_LOCK = 3_700_009;
/** A checkpoint of the head is kept every this many entries. */
export const CHECKPOINT_EVERY = 100;

/** Actions are `area.verb`, e.g. `case.approve`, `personal_data.reveal`, `auth.sign_in`. */
export type AuditAction = `${string}.${string}`;

export interface AuditAppend {
  /** Display name of who acted (see recordAudit for an Actor). */
  actor: string;
  action: AuditAction;
  /** What was acted on, `kind:id`, e.g. `person:42` (see auditSubject). */
  subject: string;
  /** Never a personal-data value itself. */
  detail?: Json;
  /** When it happened (from the caller's Clock); the transaction's start otherwise. */
  at?: Date;
}

/** A stored row as a chain entry. */
export function entryOf(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Records `entry` as a checkpoint of the head (once per seq). */
export async function saveCheckpoint(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_checkpoints')
    .values({ seq: entry.seq, hash: entry.hash, at: entry.at })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
}

/**
 * Takes the append lock until the transaction ends (again is a no-op) and returns the transaction's start. A
 * transaction that locks rows and then appends should take it first: waiting for it while holding row locks that
 * the holder goes on to need is a deadlock (PostgreSQL breaks it by failing one of the two transactions).
 */
export async function lockAuditLog(trx: Transaction<Database>): Promise<Date> {
  const { rows } = await sql<{
    now: Date;
  }>`SELECT now() AS now FROM (SELECT pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK)})) AS l`.execute(trx);
  return rows[0]!.now;
}

export async function appendAudit(trx: Transaction<Database>, event: AuditAppend): Promise<AuditEntry> {
  const startedAt = await lockAuditLog(trx);
  const last = await trx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const entry = chainEntry(
    last ? entryOf(last) : null,
    {
      at: (event.at ?? startedAt).toISOString(),
      actor: event.actor,
      action: event.action,
      subject: event.subject,
      detail: event.detail ?? null,
    },
    sm3Hex,
  );
  await trx
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  if (entry.seq % CHECKPOINT_EVERY === 0) await saveCheckpoint(trx, entry);
  return entry;
}
