// The hash-chained audit trail on both store backends: case transitions leave their entries (and a rolled-back one
// none), verification passes on an intact log and names the first broken entry of an edited, a thinned and a
// truncated log, through the service and `wengang audit verify`; search by actor, action, subject and date.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, storeConfigFromEnv, type Store, type StoreConfig } from '../../../src/adapters/store/open-store.ts';
import { runAudit } from '../../../src/cli/commands/audit.ts';
import { appendAudit, CHECKPOINT_EVERY } from '../../../src/services/audit/append-audit.ts';
import { searchAudit } from '../../../src/services/audit/search-audit.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { applyCaseTransition } from '../../../src/services/round/case-transitions.ts';
import { commandEnvFor, storeBackends } from '../../support/store-backends.ts';
import { caseState, insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';
import { appendEntries, auditor, clerk, tamper } from './audit-fixtures.ts';
import { runCommand } from '../../support/run-command.ts';

const reviewer = { kind: 'staff', role: 'reviewer', name: '李复核' } as const;

const log = (store: Store) => store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

const anchorDir = mkdtempSync(join(tmpdir(), 'wengang-audit-anchors-'));
afterAll(() => rmSync(anchorDir, { recursive: true, force: true }));
let anchorFiles = 0;

/** Closes the store and points the commands' environment at it, with an audit anchor file of its own. */
async function handToCommands(store: Store, config: StoreConfig): Promise<void> {
  await store.close();
  const env = await commandEnvFor(config);
  vi.stubEnv('DATABASE_URL', env.DATABASE_URL);
  vi.stubEnv('WENGANG_DATA', env.WENGANG_DATA);
  vi.stubEnv('WENGANG_AUDIT_ANCHOR', join(anchorDir, `anchors-${++anchorFiles}.log`));
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`audit trail on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('records each case transition in order within its transaction, and none for a transition rolled back', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const run = await insertRun(store.db);
        const unit = await insertUnitWithCase(
          store.db,
          run,
          { name: '审计甲有限公司' },
          { state: 'eligible', amountFen: 50_000 },
        );
        const change = { round: ROUND, unitId: unit.id };
        await store.db.transaction().execute((trx) =>
          applyCaseTransition(trx, {
            ...change,
            action: 'propose',
            actor: clerk,
            note: '第一批',
            at: new Date('2024-09-02T01:00:00Z'),
          }),
        );
        await store.db.transaction().execute((trx) =>
          applyCaseTransition(trx, {
            ...change,
            action: 'approve',
            actor: reviewer,
            at: new Date('2024-09-02T03:30:00Z'),
          }),
        );
        await expect(
          store.db.transaction().execute(async (trx) => {
            await applyCaseTransition(trx, { ...change, action: 'publish', actor: reviewer });
            throw new Error('公示登记失败');
          }),
        ).rejects.toThrow('公示登记失败');

        expect((await caseState(store.db, unit.id)).state).toBe('approved');
        const entries = await log(store);
        expect(entries).toMatchObject([
          {
            seq: 1,
            at: '2024-09-02T01:00:00.000Z',
            actor: '王经办',
            action: 'case.propose',
            subject: `refund_case:${ROUND}:${unit.id}`,
            detail: { from: 'eligible', to: 'proposed', note: '第一批' },
          },
          {
            seq: 2,
            at: '2024-09-02T03:30:00.000Z',
            actor: '李复核',
            action: 'case.approve',
            detail: { from: 'proposed', to: 'approved', note: null },
          },
        ]);
        expect(entries[1]!.prev_hash).toBe(entries[0]!.hash);
        expect(await verifyAudit(store.db)).toMatchObject({ ok: true, count: 2, last: { seq: 2, hash: entries[1]!.hash } });
      } finally {
        await store.close();
      }
    });

    it('passes an intact log, page by page, and refuses ordinary edits and deletions', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      await appendEntries(store.db, 5);
      expect(await verifyAudit(store.db, { pageSize: 2 })).toMatchObject({ ok: true, count: 5 });
      await expect(sql`UPDATE audit_log SET actor = '别人' WHERE seq = 2`.execute(store.db)).rejects.toThrow(/只能追加/);
      await expect(sql`DELETE FROM audit_log WHERE seq = 5`.execute(store.db)).rejects.toThrow(/只能追加/);
      await handToCommands(store, config);

      const verified = await runCommand(runAudit, ['verify']);
      expect(verified).toMatchObject({ code: 0, out: expect.stringContaining('审计日志校验通过：共 5 条') });
    });

    it('detects an entry whose detail was edited in the database, in the service and the command', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      await appendEntries(store.db, 5);
      await tamper(store.db, sql`UPDATE audit_log SET detail = '{"n": 30}' WHERE seq = 3`);
      expect(await verifyAudit(store.db, { pageSize: 2 })).toMatchObject({ ok: false, seq: 3, reason: 'edited' });
      await handToCommands(store, config);

      const verified = await runCommand(runAudit, ['verify']);
      expect(verified.code).toBe(1);
      expect(verified.out).toContain('审计日志校验未通过：第 3 条内容与其哈希不符');
      expect(JSON.parse((await runCommand(runAudit, ['verify', '--json'])).out)).toMatchObject({
        ok: false,
        seq: 3,
        reason: 'edited',
      });
    });

    it('detects a deleted middle entry, in the service and the command', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      await appendEntries(store.db, 5);
      await tamper(store.db, sql`DELETE FROM audit_log WHERE seq = 3`);
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 3, reason: 'missing' });
      await handToCommands(store, config);

      const verified = await runCommand(runAudit, ['verify']);
      expect(verified.code).toBe(1);
      expect(verified.out).toContain('缺少第 3 条');
    });

    it('detects deleted last entries by the checkpoint, and by one kept outside when the checkpoints went too', async () => {
      const config = await backend.freshConfig();
      let store = await openStore(config);
      await appendEntries(store.db, 4);
      await handToCommands(store, config);
      vi.stubEnv('WENGANG_NOW', '2024-09-03T16:00:00+08:00');
      const head = JSON.parse(
        (await runCommand(runAudit, ['checkpoint', '--user', auditor.name, '--role', auditor.role, '--json'])).out,
      );
      expect(head).toMatchObject({ seq: 5, at: '2024-09-03T08:00:00.000Z' });

      store = await openStore(storeConfigFromEnv(process.env));
      try {
        expect((await log(store)).at(-1)).toMatchObject({ seq: 5, actor: '赵审计', action: 'audit.checkpoint', hash: head.hash });
        await tamper(store.db, sql`DELETE FROM audit_log WHERE seq >= 4`);
        expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: 4, reason: 'truncated' });
        await store.db.deleteFrom('audit_checkpoints').execute();
        expect((await verifyAudit(store.db)).ok).toBe(true); // the shortened log is a valid chain on its own
        expect(await verifyAudit(store.db, { fromCheckpoint: head })).toMatchObject({ ok: false, seq: 4, reason: 'truncated' });
      } finally {
        await store.close();
      }
      const verified = await runCommand(runAudit, ['verify', '--checkpoint', `${head.seq}:${head.hash}`]);
      expect(verified.code).toBe(1);
      expect(verified.out).toContain('已知日志至少有 5 条，现存只到第 3 条：末尾记录被删除');
    });

    it(`keeps a checkpoint every ${CHECKPOINT_EVERY} entries, which catches a truncation nobody checkpointed`, async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await store.db.transaction().execute(async (trx) => {
          for (let n = 1; n <= CHECKPOINT_EVERY + 1; n++) {
            await appendAudit(trx, {
              actor: '系统',
              action: 'sms.send',
              subject: `sms:${n}`,
              at: new Date('2024-09-04T00:00:00Z'),
            });
          }
        });
        const entries = await log(store);
        expect(await store.db.selectFrom('audit_checkpoints').selectAll().execute()).toEqual([
          { seq: CHECKPOINT_EVERY, hash: entries[CHECKPOINT_EVERY - 1]!.hash, at: '2024-09-04T00:00:00.000Z' },
        ]);
        await tamper(store.db, sql`DELETE FROM audit_log WHERE seq >= ${CHECKPOINT_EVERY}`);
        expect(await verifyAudit(store.db)).toMatchObject({ ok: false, seq: CHECKPOINT_EVERY, reason: 'truncated' });
      } finally {
        await store.close();
      }
    });

    it('finds entries by actor, action or subject (prefix with *) and Beijing dates, newest first, page by page', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      // Sign-ins at 09:00, 09:01 … Beijing time on 2 September, then one just after midnight on 3 September.
      await appendEntries(store.db, 3);
      await appendEntries(store.db, 1, '2024-09-02T16:00:00.000Z');
      const run = await insertRun(store.db);
      const unit = await insertUnitWithCase(store.db, run, { name: '审计乙有限公司' }, { state: 'eligible', amountFen: 10_000 });
      await store.db.transaction().execute((trx) =>
        applyCaseTransition(trx, {
          round: ROUND,
          unitId: unit.id,
          action: 'propose',
          actor: clerk,
          at: new Date('2024-09-03T02:00:00Z'),
        }),
      );

      const seqs = async (query: Parameters<typeof searchAudit>[1]) =>
        (await searchAudit(store.db, query)).entries.map((e) => e.seq);
      expect(await seqs({})).toEqual([5, 4, 3, 2, 1]);
      expect(await seqs({ action: 'case.*' })).toEqual([5]);
      expect(await seqs({ action: 'case' })).toEqual([]);
      expect(await seqs({ subject: `refund_case:${ROUND}:*`, actor: '王经办' })).toEqual([5]);
      expect(await seqs({ actor: '李复核' })).toEqual([]);
      expect(await seqs({ from: '2024-09-02', to: '2024-09-02' })).toEqual([3, 2, 1]);
      expect(await seqs({ from: '2024-09-03' })).toEqual([5, 4]);
      const first = await searchAudit(store.db, { action: 'auth.sign_in', limit: 3 });
      expect(first).toMatchObject({ nextBefore: 2 });
      expect(await seqs({ action: 'auth.sign_in', limit: 3, before: first.nextBefore! })).toEqual([1]);
      await expect(searchAudit(store.db, { from: '2024-02-30' })).rejects.toThrow('起始日期不是有效的日期');
      await handToCommands(store, config);

      const found = await runCommand(runAudit, ['search', '--subject', `refund_case:${ROUND}:${unit.id}`]);
      expect(found.out).toContain(`#5  2024-09-03 10:00:00  王经办  case.propose  refund_case:${ROUND}:${unit.id}`);
      const page = JSON.parse((await runCommand(runAudit, ['search', '--actor', '王经办', '--limit', '2', '--json'])).out);
      expect(page).toMatchObject({ entries: [{ seq: 5 }, { seq: 4 }], nextBefore: 4 });
      await expect(runAudit(['search', '--to', '2024-13-01'])).rejects.toMatchObject({
        zh: expect.stringContaining('截止日期不是有效的日期'),
        exitCode: 3,
      });
    });
  });
}
