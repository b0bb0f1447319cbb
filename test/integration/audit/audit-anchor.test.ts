// The audit chain anchored outside the database, on both store backends: a database owner who bypasses the
// append-only trigger and deletes the newest entries together with the checkpoints — which the stored checkpoints
// cannot catch — fails `audit verify` against the signed anchor file, and so do freed sequence numbers used again and
// an anchor line changed without the key.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditAnchorsFromEnv, FileAuditAnchors } from '../../../src/adapters/audit/anchor-file.ts';
import { KeyConfigError } from '../../../src/adapters/crypto/key-ring.ts';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { runAudit } from '../../../src/cli/commands/audit.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { writeCheckpoint } from '../../../src/services/audit/checkpoint.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { runCommand } from '../../support/run-command.ts';
import { commandEnvFor, storeBackends, suiteWithFolder } from '../../support/store-backends.ts';
import { appendEntries, auditor, tamper } from './audit-fixtures.ts';

const KEY = 'a1'.repeat(32);
const clock = fixedClock('2024-09-03T16:00:00+08:00');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`audit anchors on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-audit-anchor-');
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('fails verification when the newest entries and the checkpoint are deleted, or their sequence numbers reused', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const anchors = new FileAuditAnchors(join(folder(), `${backend.name}-cut.log`), Buffer.from(KEY, 'hex'));
      const anchoring = { anchors, clock };
      try {
        const { db } = store;
        await appendEntries(db, 4);
        expect(await writeCheckpoint(db, { actor: auditor, clock, anchors })).toMatchObject({ seq: 5 });
        await appendEntries(db, 3, '2024-09-03T09:00:00.000Z');
        expect(await verifyAudit(db, { anchoring })).toMatchObject({
          ok: true,
          count: 8,
          anchor: { newest: { seq: 8, kind: 'verified_head' } },
        });
        const lines = (await readFile(anchors.location, 'utf8'))
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(lines.map((l) => [l.seq, l.kind])).toEqual([
          [5, 'checkpoint'],
          [8, 'verified_head'],
        ]);
        expect(lines[1].mac).toMatch(/^[0-9a-f]{64}$/);

        // A superuser deletes entries 5–8 and every checkpoint: the log alone still verifies.
        await tamper(db, sql`DELETE FROM audit_log WHERE seq >= 5`);
        await sql`DELETE FROM audit_checkpoints`.execute(db);
        expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 4 });
        const cut = await verifyAudit(db, { anchoring });
        expect(cut).toMatchObject({ ok: false, seq: 5, reason: 'truncated' });
        expect(cut.ok || cut.message).toBe(
          '审计日志比外部锚点记录的短：锚点（2024-09-03T08:00:00.000Z）记录日志已有 8 条，现存只到第 4 条——末尾记录（及检查点）被删除',
        );

        // New entries take the freed numbers 5–8 (and more): number 8 is no longer the anchored entry.
        await appendEntries(db, 5, '2024-09-04T01:00:00.000Z');
        const reused = await verifyAudit(db, { anchoring });
        expect(reused).toMatchObject({ ok: false, seq: 8, reason: 'rewritten' });
        expect(reused.ok || reused.message).toBe(
          '第 8 条与外部锚点（2024-09-03T08:00:00.000Z）记录的哈希不符：该序号被重新使用（其后记录曾被删除后重新追加），或日志被改写',
        );
        expect((await readFile(anchors.location, 'utf8')).trim().split('\n')).toHaveLength(2);
      } finally {
        await store.close();
      }
    });

    it('refuses an anchor file changed without the key, and `audit verify` reads the anchors the environment names', async () => {
      const config = await backend.freshConfig();
      const store = await openStore(config);
      await appendEntries(store.db, 3);
      await store.close();
      const env = await commandEnvFor(config);
      const location = join(folder(), `${backend.name}-cli.log`);
      vi.stubEnv('DATABASE_URL', env.DATABASE_URL);
      vi.stubEnv('WENGANG_DATA', env.WENGANG_DATA);
      vi.stubEnv('WENGANG_AUDIT_ANCHOR', location);
      vi.stubEnv('WENGANG_AUDIT_ANCHOR_KEY', KEY);
      vi.stubEnv('WENGANG_NOW', '2024-09-03T16:00:00+08:00');

      const first = await runCommand(runAudit, ['verify']);
      expect(first).toMatchObject({ code: 0, out: expect.stringContaining(`外部审计锚点（${location}）现记录至第 3 条`) });
      const line = JSON.parse(await readFile(location, 'utf8'));
      await writeFile(location, `${JSON.stringify({ ...line, seq: 2 })}\n`);
      const forged = await runCommand(runAudit, ['verify']);
      expect(forged.code).toBe(1);
      expect(forged.out).toContain(
        `审计日志校验未通过：外部锚点文件 ${location} 第 1 行的签名不符：锚点被改动，或以其他密钥写入`,
      );

      vi.stubEnv('WENGANG_AUDIT_ANCHOR_KEY', 'not-a-key');
      expect(() => auditAnchorsFromEnv(process.env)).toThrow(KeyConfigError);
      vi.stubEnv('WENGANG_AUDIT_ANCHOR_KEY', '');
      vi.stubEnv('NODE_ENV', 'production');
      expect(() => auditAnchorsFromEnv(process.env)).toThrow('生产环境必须配置 WENGANG_AUDIT_ANCHOR_KEY');
    });
  });
}
