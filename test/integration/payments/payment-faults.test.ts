// The payment process killed with SIGKILL at random moments and restarted, again and again, and two payment
// processes on the same batch at once — on PostgreSQL, with real processes. Every payment must end
// with exactly one bank attempt and one `send` ledger transaction, and the ledger must balance.
// Workers are started ahead of time and wait for a go line on stdin, so the time a process takes to start overlaps
// the kill cycles. FAULT_SEED=<n> replays a run's kill times.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { paymentProgress } from '../../../src/services/payments/run-batch.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { authorisedBatch, ledgerState, sendAudit } from '../../support/payment-fixtures.ts';

const WORKER = fileURLToPath(new URL('../../support/payment-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DELAY_MS = 10;
const KILLS = 50;
/** Workers started ahead, so starting one (about a second of CPU for tsx and the modules) overlaps the cycles. */
const SPARES = 3;

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  /** The progress line printed when the worker finished its run. */
  result: Promise<{ sentNow: number } | undefined>;
  /** Resolves when the worker has claimed `count` payments (each inside its transaction, before the commit). */
  claimed(count: number): Promise<void>;
  /** The payment it claimed last. */
  lastClaim(): number | undefined;
  exited: Promise<unknown>;
  go(): void;
}

function startWorker(databaseUrl: string, batchId: number): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, databaseUrl, String(batchId), String(DELAY_MS)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout! });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let claims = 0;
  let last: number | undefined;
  const waiting: { count: number; resolve: () => void }[] = [];
  const result = new Promise<{ sentNow: number } | undefined>((resolve) => {
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('claim ')) {
        claims += 1;
        last = Number(line.slice('claim '.length));
        for (const w of waiting.filter((w) => w.count <= claims)) w.resolve();
      } else resolve(JSON.parse(line));
    });
    lines.on('close', () => resolve(undefined));
  });
  return {
    child,
    result,
    exited,
    ready: Promise.race([
      ready,
      exited.then(() => {
        throw new Error('支付进程未能启动');
      }),
    ]),
    lastClaim: () => last,
    claimed: (count) => new Promise((resolve) => (claims >= count ? resolve() : waiting.push({ count, resolve }))),
    go: () => child.stdin!.write('go\n'),
  };
}

async function stopSpare(worker: Worker): Promise<void> {
  worker.child.stdin!.end();
  await worker.exited;
}

/** A small seeded generator, so a failing run can be replayed with FAULT_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

for (const backend of storeBackends().filter((b) => b.name === 'postgres')) {
  describe.skipIf(backend.skipReason)('payment process under SIGKILL and concurrency on postgres', () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    async function fresh(): Promise<{ store: Store; databaseUrl: string }> {
      const config = await backend.freshConfig();
      if (!('databaseUrl' in config)) throw new Error('the fault test needs PostgreSQL');
      return { store: await openStore(config), databaseUrl: config.databaseUrl };
    }

    it(`is killed at ${KILLS}+ random moments and restarted: every payment is sent exactly once`, async () => {
      const seed = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
      const next = random(seed);
      const { store, databaseUrl } = await fresh();
      try {
        const batches = [await authorisedBatch(store.db, 60)];
        let kills = 0;
        /** Kills that landed inside a payment's transaction: its claimed payment was still unsent afterwards. */
        let midTransaction = 0;
        let spares = Array.from({ length: SPARES }, () => startWorker(databaseUrl, batches.at(-1)!));
        for (;;) {
          const worker = spares.shift()!;
          spares.push(startWorker(databaseUrl, batches.at(-1)!));
          await worker.ready;
          worker.go();
          // After a random number of claims and a random pause: inside a payment's transaction (before its commit) or
          // just after it; now and then before the first claim.
          const claims = Math.floor(next() * 4);
          const pause = next() * DELAY_MS * 1.5;
          const killPoint = worker
            .claimed(claims)
            .then(() => sleep(pause))
            .then(() => false);
          const finished = await Promise.race([worker.exited.then(() => true), killPoint]);
          if (!finished) {
            worker.child.kill('SIGKILL');
            await worker.exited;
            kills += 1;
            const claimed = worker.lastClaim();
            if (claimed !== undefined) {
              const payment = await store.db
                .selectFrom('payments')
                .select('status')
                .where('id', '=', claimed)
                .executeTakeFirstOrThrow();
              if (payment.status === 'in_batch') midTransaction += 1;
            }
          }
          if ((await paymentProgress(store.db, batches.at(-1)!)).remaining > 0) continue;
          if (kills >= KILLS) break;
          // The batch is done before enough kills: go on with another one.
          await Promise.all(spares.map(stopSpare));
          batches.push(await authorisedBatch(store.db, 30));
          spares = Array.from({ length: SPARES }, () => startWorker(databaseUrl, batches.at(-1)!));
        }
        await Promise.all(spares.map(stopSpare));
        expect(kills, `FAULT_SEED=${seed}`).toBeGreaterThanOrEqual(KILLS);
        expect(midTransaction, `FAULT_SEED=${seed}`).toBeGreaterThanOrEqual(10);
        for (const batchId of batches) {
          expect(await sendAudit(store.db, batchId), `FAULT_SEED=${seed}, batch ${batchId}`).toMatchObject({
            notExactlyOnce: [],
            statuses: ['sent'],
          });
        }
        const ledger = await ledgerState(store.db);
        expect(ledger.debits).toBe(ledger.credits);
        expect(ledger.unbalanced).toBe(0);
        expect(ledger.balances.payable).toBe(0);
      } finally {
        await store.close();
      }
    }, 180_000);

    it('two payment processes started on the same batch at once send each payment once between them', async () => {
      const { store, databaseUrl } = await fresh();
      try {
        const batchId = await authorisedBatch(store.db, 60);
        const workers = [startWorker(databaseUrl, batchId), startWorker(databaseUrl, batchId)];
        await Promise.all(workers.map((w) => w.ready));
        for (const w of workers) w.go();
        const results = await Promise.all(workers.map((w) => w.result));
        await Promise.all(workers.map((w) => w.exited));
        expect(results.reduce((sum, r) => sum + (r?.sentNow ?? 0), 0)).toBe(60);
        expect(await sendAudit(store.db, batchId)).toMatchObject({ payments: 60, notExactlyOnce: [], statuses: ['sent'] });
        expect(await paymentProgress(store.db, batchId)).toMatchObject({ remaining: 0, readyToExport: true });
        const ledger = await ledgerState(store.db);
        expect(ledger.debits).toBe(ledger.credits);
      } finally {
        await store.close();
      }
    }, 60_000);
  });
}
