// Verifies the audit trail: streams the log in seq order (keyset pages, flat memory) through the chain verifier,
// against the latest stored checkpoint and, when given, a checkpoint the operator kept outside the database.
import type { Kysely } from 'kysely';
import { sm3Hex } from '../../adapters/crypto/sm3.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { ChainVerifier, type ChainHead, type ChainVerdict } from '../../domain/audit-chain.ts';
import { entryOf } from './append-audit.ts';

const PAGE = 2_000;

export interface VerifyOptions {
  /** A head (seq and hash) recorded outside the database, e.g. printed by `wengang audit checkpoint`. */
  fromCheckpoint?: ChainHead;
  pageSize?: number;
}

/** The verdict, with the checkpoints it was checked against. */
export type AuditVerdict = ChainVerdict & { checkpoints: ChainHead[] };

async function latestCheckpoint(db: Kysely<Database>): Promise<ChainHead | undefined> {
  return db.selectFrom('audit_checkpoints').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** A head below the one the chain was verified against is part of the verified chain: only its hash can differ. */
async function checkEarlierHead(db: Kysely<Database>, head: ChainHead): Promise<ChainVerdict | null> {
  const stored = await db.selectFrom('audit_log').select('hash').where('seq', '=', head.seq).executeTakeFirst();
  if (stored?.hash === head.hash) return null;
  return { ok: false, seq: head.seq, reason: 'rewritten', message: `第 ${head.seq} 条与检查点记录的哈希不符：日志被整体改写` };
}

export async function verifyAudit(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerdict> {
  const heads = [await latestCheckpoint(db), options.fromCheckpoint]
    .filter((head): head is ChainHead => head !== undefined)
    .sort((a, b) => b.seq - a.seq);
  const verifier = new ChainVerifier(sm3Hex, heads[0]);
  const pageSize = options.pageSize ?? PAGE;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.some((row) => verifier.push(entryOf(row)))) break;
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.seq;
  }
  let verdict = verifier.finish();
  for (const head of heads.slice(1)) if (verdict.ok) verdict = (await checkEarlierHead(db, head)) ?? verdict;
  return { ...verdict, checkpoints: heads };
}
