// Hash-chained audit log: each entry's hash covers its content and the previous entry's hash, so an
// edited, deleted or reordered entry breaks the chain. Pure: the hash function (SM3) is passed in by the caller.
// An attacker who can rewrite the whole tail can recompute every hash; a head recorded elsewhere (a known seq and
// hash) catches that, and catches deletion of the last entries.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AuditEntry {
  seq: number;
  /** UTC instant in `Date.prototype.toISOString()` form, e.g. 2024-05-01T08:30:00.000Z (stored exactly as hashed). */
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: Json;
  prevHash: string;
  hash: string;
}

export type AuditFields = Pick<AuditEntry, 'at' | 'actor' | 'action' | 'subject' | 'detail'>;
export type HashFn = (text: string) => string;
export type ChainHead = Pick<AuditEntry, 'seq' | 'hash'>;

/** The prevHash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** JSON with object keys sorted at every level; rejects values JSON cannot carry unchanged. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${Array.from(value, canonicalJson).join(',')}]`;
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${typeof value} is not a JSON value`);
}

function entryHash(entry: Omit<AuditEntry, 'hash'>, hashFn: HashFn): string {
  const { seq, at, actor, action, subject, detail, prevHash } = entry;
  return hashFn(canonicalJson({ seq, at, actor, action, subject, detail, prevHash }));
}

/** The entry that follows `prev` (or starts the chain when prev is null). */
export function chainEntry(prev: AuditEntry | null, fields: AuditFields, hashFn: HashFn): AuditEntry {
  if (!INSTANT_RE.test(fields.at)) throw new RangeError(`audit entry time must be a toISOString() instant, got ${fields.at}`);
  const unsealed = { seq: (prev?.seq ?? 0) + 1, ...fields, prevHash: prev?.hash ?? GENESIS_HASH };
  return { ...unsealed, hash: entryHash(unsealed, hashFn) };
}

/** `anchor_invalid`: the external anchor record itself does not verify (services/audit/verify-audit.ts). */
export type ChainBreakReason = 'edited' | 'missing' | 'out_of_order' | 'relinked' | 'truncated' | 'rewritten' | 'anchor_invalid';

export interface ChainBreak {
  /** The first sequence number at which the chain does not hold. */
  seq: number;
  reason: ChainBreakReason;
  /** For the operator, in Chinese. */
  message: string;
}

export type ChainVerdict = { ok: true; count: number; last: ChainHead | null } | ({ ok: false } & ChainBreak);

/**
 * Checks entries one at a time in seq order, so a log of any size streams through in flat memory.
 * push() returns the first break (and keeps returning it); finish() checks the known head, if any.
 */
export class ChainVerifier {
  private last: ChainHead | null = null;
  private count = 0;
  private headSeen: ChainHead | null = null;
  private broken: ChainBreak | null = null;

  constructor(
    private readonly hashFn: HashFn,
    private readonly head?: ChainHead,
  ) {}

  push(entry: AuditEntry): ChainBreak | null {
    this.broken ??= this.check(entry);
    if (!this.broken) {
      this.last = { seq: entry.seq, hash: entry.hash };
      this.count += 1;
      if (entry.seq === this.head?.seq) this.headSeen = this.last;
    }
    return this.broken;
  }

  finish(): ChainVerdict {
    if (this.broken) return { ok: false, ...this.broken };
    const head = this.head;
    if (head && !this.headSeen) {
      const seq = (this.last?.seq ?? 0) + 1;
      const found = this.last ? `只到第 ${this.last.seq} 条` : '为空';
      return { ok: false, seq, reason: 'truncated', message: `已知日志至少有 ${head.seq} 条，现存${found}：末尾记录被删除` };
    }
    if (head && this.headSeen?.hash !== head.hash) {
      return { ok: false, seq: head.seq, reason: 'rewritten', message: `第 ${head.seq} 条与另行保存的哈希不符：日志被整体改写` };
    }
    return { ok: true, count: this.count, last: this.last };
  }

  private check(entry: AuditEntry): ChainBreak | null {
    const seq = (this.last?.seq ?? 0) + 1;
    if (entry.seq > seq) {
      const gap = entry.seq === seq + 1 ? `第 ${seq} 条` : `第 ${seq}–${entry.seq - 1} 条`;
      return { seq, reason: 'missing', message: `缺少${gap}（下一条是第 ${entry.seq} 条）：记录被删除或顺序被打乱` };
    }
    if (entry.seq < seq) {
      return { seq, reason: 'out_of_order', message: `第 ${seq} 条的位置出现了第 ${entry.seq} 条：记录重复或顺序被打乱` };
    }
    if (entry.prevHash !== (this.last?.hash ?? GENESIS_HASH)) {
      return { seq, reason: 'relinked', message: `第 ${seq} 条的前序哈希与上一条不符：上一条被替换，或其间记录被删除后重新编号` };
    }
    if (entry.hash !== entryHash(entry, this.hashFn)) {
      return { seq, reason: 'edited', message: `第 ${seq} 条内容与其哈希不符：记录被修改` };
    }
    return null;
  }
}

/** Verifies a whole chain held in memory; `head` is a seq and hash recorded outside the log, if one is known. */
export function verifyChain(entries: Iterable<AuditEntry>, hashFn: HashFn, head?: ChainHead): ChainVerdict {
  const verifier = new ChainVerifier(hashFn, head);
  for (const entry of entries) if (verifier.push(entry)) break;
  return verifier.finish();
}
