import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/adapters/crypto/sm3.ts';
import {
  ChainVerifier,
  GENESIS_HASH,
  canonicalJson,
  chainEntry,
  verifyChain,
  type AuditEntry,
  type AuditFields,
} from '../../../src/domain/audit-chain.ts';

const events: AuditFields[] = [
  { at: '2024-05-06T01:00:00.000Z', actor: 'clerk01', action: 'sign_in', subject: 'user:clerk01', detail: null },
  {
    at: '2024-05-06T01:05:00.000Z',
    actor: 'clerk01',
    action: 'read_personal_data',
    subject: 'person:42',
    detail: { field: 'idNumber', reason: '核对身份' },
  },
  {
    at: '2024-05-06T02:00:00.000Z',
    actor: 'clerk01',
    action: 'decision_change',
    subject: 'decision:7',
    detail: { from: 'needs_review', to: 'eligible' },
  },
  {
    at: '2024-05-06T03:00:00.000Z',
    actor: 'reviewer02',
    action: 'approve',
    subject: 'decision:7',
    detail: { amountFen: 1_234_500 },
  },
  {
    at: '2024-05-07T01:00:00.000Z',
    actor: 'system',
    action: 'payment',
    subject: 'batch:3',
    detail: { items: [7, 9], totalFen: 2_469_000 },
  },
];

function buildChain(): AuditEntry[] {
  const chain: AuditEntry[] = [];
  for (const fields of events) chain.push(chainEntry(chain.at(-1) ?? null, fields, sm3Hex));
  return chain;
}

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: '中' } })).toBe(
      canonicalJson({ a: { c: '中', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('refuses values that would not survive storage as JSON unchanged', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0))).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
});

describe('audit hash chain', () => {
  it('links each entry to the one before and verifies an intact chain', () => {
    const chain = buildChain();
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[3]!.prevHash).toBe(chain[2]!.hash);
    expect(verifyChain(chain, sm3Hex)).toEqual({ ok: true, count: 5, last: { seq: 5, hash: chain[4]!.hash } });
    expect(verifyChain(chain, sm3Hex, { seq: 5, hash: chain[4]!.hash }).ok).toBe(true);
    expect(verifyChain(chain, sm3Hex, { seq: 3, hash: chain[2]!.hash }).ok).toBe(true); // log grew after the checkpoint
  });

  it('refuses a timestamp that would not read back identically from the store', () => {
    expect(() => chainEntry(null, { ...events[0]!, at: '2024-05-06 09:00' }, sm3Hex)).toThrow(RangeError);
  });

  it('detects an edited detail', () => {
    const chain = buildChain();
    chain[3] = { ...chain[3]!, detail: { amountFen: 9_234_500 } };
    expect(verifyChain(chain, sm3Hex)).toMatchObject({ ok: false, seq: 4, reason: 'edited' });
  });

  it('detects an edited entry whose hash was recomputed, at the next link', () => {
    const chain = buildChain();
    const { hash: _, ...rest } = chain[1]!;
    chain[1] = { ...rest, actor: 'someone_else', hash: sm3Hex(canonicalJson({ ...rest, actor: 'someone_else' })) };
    expect(verifyChain(chain, sm3Hex)).toMatchObject({ ok: false, seq: 3, reason: 'relinked' });
  });

  it('detects a deleted entry by the gap in sequence numbers', () => {
    const chain = buildChain();
    chain.splice(2, 1);
    const verdict = verifyChain(chain, sm3Hex);
    expect(verdict).toMatchObject({ ok: false, seq: 3, reason: 'missing' });
    expect(!verdict.ok && verdict.message).toContain('缺少第 3 条');
  });

  it('detects a deleted first entry', () => {
    expect(verifyChain(buildChain().slice(1), sm3Hex)).toMatchObject({ ok: false, seq: 1, reason: 'missing' });
  });

  it('detects a deleted entry hidden by renumbering the rest', () => {
    const chain = buildChain();
    chain.splice(2, 1);
    const renumbered = chain.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered, sm3Hex)).toMatchObject({ ok: false, seq: 3, reason: 'relinked' });
  });

  it('detects deletion of the last entry when the head is known, and not without it', () => {
    const chain = buildChain();
    const head = { seq: 5, hash: chain[4]!.hash };
    expect(verifyChain(chain.slice(0, 4), sm3Hex).ok).toBe(true);
    const verdict = verifyChain(chain.slice(0, 4), sm3Hex, head);
    expect(verdict).toMatchObject({ ok: false, seq: 5, reason: 'truncated' });
    expect(!verdict.ok && verdict.message).toContain('末尾记录被删除');
  });

  it('detects a log rewritten from scratch when the head is known', () => {
    const chain = buildChain();
    const forged: AuditEntry[] = [];
    for (const fields of events.slice(0, 3)) forged.push(chainEntry(forged.at(-1) ?? null, fields, sm3Hex));
    for (const fields of events.slice(3)) forged.push(chainEntry(forged.at(-1)!, { ...fields, actor: 'forger' }, sm3Hex));
    expect(verifyChain(forged, sm3Hex).ok).toBe(true);
    expect(verifyChain(forged, sm3Hex, { seq: 5, hash: chain[4]!.hash })).toMatchObject({
      ok: false,
      seq: 5,
      reason: 'rewritten',
    });
  });

  it('detects two entries swapped in place', () => {
    const chain = buildChain();
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    // Read in stored order, entry 3 arrives where 2 belongs: reported as a gap, whose message names reordering too.
    const verdict = verifyChain(chain, sm3Hex);
    expect(verdict).toMatchObject({ ok: false, seq: 2, reason: 'missing' });
    expect(!verdict.ok && verdict.message).toContain('顺序被打乱');
  });

  it('detects two entries whose contents were swapped while their numbers stayed in order', () => {
    const chain = buildChain();
    const [a, b] = [chain[1]!, chain[2]!];
    chain[1] = { ...b, seq: a.seq };
    chain[2] = { ...a, seq: b.seq };
    expect(verifyChain(chain, sm3Hex)).toMatchObject({ ok: false, seq: 2, reason: 'relinked' });
  });

  it('detects an entry that goes backwards', () => {
    const chain = buildChain();
    chain.push(chain[1]!);
    expect(verifyChain(chain, sm3Hex)).toMatchObject({ ok: false, seq: 6, reason: 'out_of_order' });
  });

  it('streams entry by entry and reports the first break only', () => {
    const chain = buildChain();
    chain[1] = { ...chain[1]!, subject: 'person:43' };
    chain[3] = { ...chain[3]!, subject: 'decision:8' };
    const verifier = new ChainVerifier(sm3Hex);
    const breaks = chain.map((e) => verifier.push(e));
    expect(breaks[0]).toBeNull();
    expect(breaks.slice(1).every((b) => b?.seq === 2)).toBe(true);
    expect(verifier.finish()).toMatchObject({ ok: false, seq: 2, reason: 'edited' });
  });
});
