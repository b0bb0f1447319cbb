// Anchors of the audit chain kept outside the database (a signed, append-only record of heads): what a database owner
// cannot rewrite, so a log cut short or rewritten after an anchor is found (services/audit/verify-audit.ts).
import type { ChainHead } from '../audit-chain.ts';

export interface AuditAnchor extends ChainHead {
  /** When it was anchored (toISOString form). */
  at: string;
  /** An explicit checkpoint (`wengang audit checkpoint`) or the head of a log that had just verified. */
  kind: 'checkpoint' | 'verified_head';
}

export type AnchorReading =
  | { ok: true; newest: AuditAnchor | undefined }
  /** A record that does not carry a valid signature: changed, or written with another key. */
  | { ok: false; message: string };

export interface AuditAnchors {
  /** Where the anchors are kept, for the operator. */
  readonly location: string;
  append(anchor: AuditAnchor): Promise<void>;
  /** The anchor with the highest seq, every record's signature checked. */
  read(): Promise<AnchorReading>;
}
