// The payment process as a child process for the fault and concurrency tests:
//   node --import tsx test/support/payment-worker.ts <databaseUrl> <batchId> [delayMs]
// Prints `ready` once connected and waits for a line on stdin before it starts (so a test can start it ahead of time
// and let several go at once; when stdin closes first, it exits without sending anything). Prints `claim <paymentId>`
// inside each payment's transaction, then pauses delayMs before the commit, so a test can SIGKILL it between a
// payment's writes and its commit; prints the batch's progress as JSON when nothing is left to send, and exits 0.
// It connects to the already migrated database directly (not through openStore, which also loads PGlite), to start fast.
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely } from 'kysely';
import { postgresDialect } from '../../src/adapters/store/postgres-dialect.ts';
import type { Database } from '../../src/adapters/store/schema.ts';
import { runPaymentBatch } from '../../src/services/payments/run-batch.ts';
import { systemClock } from '../../src/domain/ports/clock.ts';

const [databaseUrl, batchArg, delayArg] = process.argv.slice(2);
if (!databaseUrl || !batchArg) {
  process.stderr.write('usage: payment-worker.ts <databaseUrl> <batchId> [delayMs]\n');
  process.exit(2);
}
const delayMs = Number(delayArg ?? 0);
const db = new Kysely<Database>({ dialect: postgresDialect(databaseUrl) });
await db.selectFrom('payment_batches').select('id').limit(1).execute();
process.stdout.write('ready\n');
const go = await new Promise<boolean>((resolve) => {
  process.stdin.once('data', () => resolve(true));
  process.stdin.once('end', () => resolve(false));
});
process.stdin.destroy();
try {
  if (go) await run();
} finally {
  await db.destroy();
}

async function run(): Promise<void> {
  const progress = await runPaymentBatch(db, {
    batchId: Number(batchArg),
    clock: systemClock,
    workerId: `worker-${process.pid}`,
    beforeCommit: async (paymentId) => {
      process.stdout.write(`claim ${paymentId}\n`);
      if (delayMs) await sleep(delayMs);
    },
  });
  process.stdout.write(`${JSON.stringify(progress)}\n`);
}
