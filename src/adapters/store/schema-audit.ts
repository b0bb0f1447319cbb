// Kysely types for migrations/004-audit.sql (jsonb written as JSON text, read parsed; see schema-round.ts).

import type { Json as JsonValue } from '../../domain/audit-chain.ts';
import type { Json } from './schema-round.ts';

export interface AuditLogTable {
  seq: number;
  /** The instant as hashed, in toISOString() form. */
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Json<JsonValue>;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  seq: number;
  hash: string;
  at: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
}
