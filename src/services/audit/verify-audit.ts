// Verifies the audit trail: streams the log in seq order (keyset pages, flat memory) through the chain verifier,
// against the latest stored checkpoint, a checkpoint the operator kept outside the database (when given), and the
// newest anchor of the external anchor record (when configured). The stored checkpoints live in the same database as
// the log, so its owner can delete them with the newest entries; the anchors cannot be, nor forged without their key:
// a log cut short after an anchor, or whose freed sequence numbers were used again, fails. A log that verifies has
// its head anchored, so the next verification knows at least as much.
import type { Kysely } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { ChainVerifier, type ChainHead, type ChainVerdict } from '../../domain/audit-chain.ts';
import type { AuditAnchor, AuditAnchors } from '../../domain/ports/audit-anchors.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { entryOf } from './append-audit.ts';

const PAGE = 2_000;

export interface VerifyOptions {
  /** A head (seq and hash) recorded outside the database, e.g. printed by `wengang audit checkpoint`. */
  fromCheckpoint?: ChainHead;
  /** The external anchors, with the clock that dates a new one. */
  anchoring?: { anchors: AuditAnchors; clock: Clock };
  pageSize?: number;
}

/** The verdict, with the checkpoints it was checked against and, when anchors are configured, the newest anchor. */
export type AuditVerdict = ChainVerdict & {
  checkpoints: ChainHead[];
  anchor?: { location: string; newest: AuditAnchor | null };
};

type Source = 'stored' | 'operator' | 'anchor';
type KnownHead = ChainHead & { source: Source };

async function latestCheckpoint(db: Kysely<Database>): Promise<ChainHead | undefined> {
  return db.selectFrom('audit_checkpoints').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

function anchorBreak(verdict: ChainVerdict, anchor: AuditAnchor): ChainVerdict {
  if (verdict.ok || (verdict.reason !== 'truncated' && verdict.reason !== 'rewritten')) return verdict;
  return verdict.reason === 'truncated'
    ? {
        ...verdict,
        message: `审计日志比外部锚点记录的短：锚点（${anchor.at}）记录日志已有 ${anchor.seq} 条，现存只到第 ${verdict.seq - 1} 条——末尾记录（及检查点）被删除`,
      }
    : {
        ...verdict,
        message: `第 ${anchor.seq} 条与外部锚点（${anchor.at}）记录的哈希不符：该序号被重新使用（其后记录曾被删除后重新追加），或日志被改写`,
      };
}

/** A head below the one the chain was verified against is part of the verified chain: only its hash can differ. */
async function checkEarlierHead(db: Kysely<Database>, head: KnownHead): Promise<ChainVerdict | null> {
  const stored = await db.selectFrom('audit_log').select('hash').where('seq', '=', head.seq).executeTakeFirst();
  if (stored?.hash === head.hash) return null;
  const message =
    head.source === 'anchor'
      ? `第 ${head.seq} 条与外部锚点记录的哈希不符：该序号被重新使用，或日志被改写`
      : `第 ${head.seq} 条与检查点记录的哈希不符：日志被整体改写`;
  return { ok: false, seq: head.seq, reason: 'rewritten', message };
}

async function verifyAgainst(db: Kysely<Database>, heads: readonly KnownHead[], pageSize: number): Promise<ChainVerdict> {
  const verifier = new ChainVerifier(sm3Hex, heads[0]);
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.some((row) => verifier.push(entryOf(row)))) break;
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.seq;
  }
  let verdict = verifier.finish();
  for (const head of heads.slice(1)) if (verdict.ok) verdict = (await checkEarlierHead(db, head)) ?? verdict;
  return verdict;
}

export async function verifyAudit(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerdict> {
  const reading = await options.anchoring?.anchors.read();
  const location = options.anchoring?.anchors.location ?? '';
  if (reading && !reading.ok) {
    return {
      ok: false,
      seq: 0,
      reason: 'anchor_invalid',
      message: reading.message,
      checkpoints: [],
      anchor: { location, newest: null },
    };
  }
  const newest = reading?.ok ? reading.newest : undefined;
  const stored = await latestCheckpoint(db);
  const heads: KnownHead[] = [
    ...(stored ? [{ ...stored, source: 'stored' as const }] : []),
    ...(options.fromCheckpoint ? [{ ...options.fromCheckpoint, source: 'operator' as const }] : []),
    ...(newest ? [{ seq: newest.seq, hash: newest.hash, source: 'anchor' as const }] : []),
  ].sort((a, b) => b.seq - a.seq);
  let verdict = await verifyAgainst(db, heads, options.pageSize ?? PAGE);
  if (newest && heads[0]?.source === 'anchor') verdict = anchorBreak(verdict, newest);
  const checkpoints = heads.map(({ seq, hash }) => ({ seq, hash }));
  if (!options.anchoring) return { ...verdict, checkpoints };
  let anchored = newest ?? null;
  if (verdict.ok && verdict.last && (verdict.last.seq !== newest?.seq || verdict.last.hash !== newest.hash)) {
    anchored = { ...verdict.last, at: options.anchoring.clock.now().toISOString(), kind: 'verified_head' };
    await options.anchoring.anchors.append(anchored);
  }
  return { ...verdict, checkpoints, anchor: { location, newest: anchored } };
}
