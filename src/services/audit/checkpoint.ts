// A checkpoint on demand: an `audit.checkpoint` entry (who asked, when) whose seq and hash become the latest known
// head. Printed for the operator to keep outside the database, it also catches a log rewritten by its owner.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { ChainHead } from '../../domain/audit-chain.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { saveCheckpoint } from './append-audit.ts';
import { auditSubject } from './audit-subject.ts';
import { recordAudit } from './record-audit.ts';

export type Checkpoint = ChainHead & { at: string };

export function writeCheckpoint(db: Kysely<Database>, options: { actor: Actor; clock: Clock }): Promise<Checkpoint> {
  return db.transaction().execute(async (trx) => {
    const entry = await recordAudit(trx, { ...options, action: 'audit.checkpoint', subject: auditSubject.auditLog() });
    await saveCheckpoint(trx, entry);
    return { seq: entry.seq, hash: entry.hash, at: entry.at };
  });
}
