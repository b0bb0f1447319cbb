// A checkpoint on demand: an `audit.checkpoint` entry (who asked, when) whose seq and hash become the latest known
// head. Written to the external anchors (when configured) once committed, and printed for the operator, it also
// catches a log cut short or rewritten by the database's owner.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { ChainHead } from '../../domain/audit-chain.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { AuditAnchors } from '../../domain/ports/audit-anchors.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { saveCheckpoint } from './append-audit.ts';
import { auditSubject } from './audit-subject.ts';
import { recordAudit } from './record-audit.ts';

export type Checkpoint = ChainHead & { at: string };

export async function writeCheckpoint(
  db: Kysely<Database>,
  options: { actor: Actor; clock: Clock; anchors?: AuditAnchors },
): Promise<Checkpoint> {
  const { actor, clock } = options;
  const checkpoint = await db.transaction().execute(async (trx) => {
    const entry = await recordAudit(trx, { actor, clock, action: 'audit.checkpoint', subject: auditSubject.auditLog() });
    await saveCheckpoint(trx, entry);
    return { seq: entry.seq, hash: entry.hash, at: entry.at };
  });
  await options.anchors?.append({ ...checkpoint, kind: 'checkpoint' });
  return checkpoint;
}
