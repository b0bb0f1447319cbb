// A download of data as a file (decisions, a 公示 list, incident reports) is recorded with who took it: the file
// leaves the system, so the audit trail says who has a copy and of what. The entry is its own transaction, appended
// once the file is written.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Json } from '../../domain/audit-chain.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { recordAudit } from './record-audit.ts';

export interface ExportRecord {
  actor: Actor;
  /** What was exported, e.g. `refund_decisions:2024`, `public_notice:3`. */
  subject: string;
  fileName: string;
  /** The filters the file was made with (never a personal-data value). */
  detail?: Record<string, Json>;
  clock: Clock;
}

export async function recordExport(db: Kysely<Database>, record: ExportRecord): Promise<void> {
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actor: record.actor,
      action: 'data.export',
      subject: record.subject,
      clock: record.clock,
      detail: { fileName: record.fileName, ...record.detail },
    }),
  );
}
