// The audit helper for services (sign-ins, reads of personal data, approvals, payments, parameter changes): records
// what an Actor did to a subject, in the caller's transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { AuditEntry, Json } from '../../domain/audit-chain.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName } from '../round/case-transitions.ts';
import { appendAudit, type AuditAction } from './append-audit.ts';

export interface AuditEvent {
  actor: Actor;
  action: AuditAction;
  subject: string;
  detail?: Json;
  clock: Clock;
}

/** Appends the event with the actor written as in case events (staff by name, `单位:<code>`, `系统`). */
export function recordAudit(trx: Transaction<Database>, event: AuditEvent): Promise<AuditEntry> {
  const { actor, clock, ...rest } = event;
  return appendAudit(trx, { ...rest, actor: actorName(actor), at: clock.now() });
}
