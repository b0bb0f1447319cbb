// Appends from two connections at once (PostgreSQL; PGlite has one connection): every committed transaction has its
// entry, a rolled-back one leaves no gap, and the chain verifies.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { appendAudit } from '../../../src/services/audit/append-audit.ts';
import { verifyAudit } from '../../../src/services/audit/verify-audit.ts';
import { storeBackends } from '../../support/store-backends.ts';

const postgres = storeBackends().find((backend) => backend.name === 'postgres')!;

describe.skipIf(postgres.skipReason)('concurrent audit appends on postgres', () => {
  beforeAll(postgres.setup);
  afterAll(postgres.teardown);

  it('gives a gap-free chain when two connections append at the same time', async () => {
    const config = await postgres.freshConfig();
    const [a, b] = [await openStore(config), await openStore(config)];
    try {
      const PER_CONNECTION = 15;
      const appender = (store: typeof a, name: string) =>
        Array.from({ length: PER_CONNECTION }, (_, i) =>
          store.db
            .transaction()
            .execute(async (trx) => {
              await appendAudit(trx, { actor: name, action: 'auth.sign_in', subject: `staff:${name}`, detail: { i } });
              await sql`SELECT pg_sleep(0.005)`.execute(trx); // hold the transaction open while the other connection waits
              if (i % 5 === 4) throw new Error('rolled back');
            })
            .then(
              () => true,
              () => false,
            ),
        );
      const outcomes = await Promise.all([...appender(a, '甲'), ...appender(b, '乙')]);
      const committed = outcomes.filter(Boolean).length;
      expect(committed).toBe(2 * PER_CONNECTION - 6);

      const entries = await a.db.selectFrom('audit_log').select(['seq', 'actor']).orderBy('seq').execute();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: committed }, (_, i) => i + 1));
      expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(['甲', '乙']));
      expect(await verifyAudit(a.db)).toMatchObject({ ok: true, count: committed });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
