import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSinkProvider } from '../../../src/adapters/sms/local-sink.ts';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { deliverDueSms, enqueueSms, MAX_ATTEMPTS, SEND_LEASE_MS } from '../../../src/services/notify/outbox.ts';
import { SmsSendError } from '../../../src/domain/ports/sms-provider.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { recordingProvider, testCipher } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const START = '2024-10-08T01:00:00.000Z';
const MINUTE = 60_000;

function message(key: string, phone = '13863100001', at = new Date(START)) {
  return {
    key,
    round: '2024',
    unitId: null,
    phoneCipher: testCipher.encrypt(phone),
    phoneMasked: '138****0001',
    template: 'test',
    body: `测试短信 ${key}`,
    at,
  };
}

async function rows(store: Store) {
  return store.db
    .selectFrom('sms_outbox')
    .select(['idempotency_key', 'status', 'attempts', 'next_attempt_at', 'provider_message_id', 'last_error'])
    .orderBy('id')
    .execute();
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`SMS outbox on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('keeps one message per idempotency key', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        expect(await enqueueSms(store.db, message('notify:2024:1'))).toBe(true);
        expect(await enqueueSms(store.db, { ...message('notify:2024:1'), body: '第二份' })).toBe(false);
        const all = await store.db.selectFrom('sms_outbox').select('body').execute();
        expect(all).toEqual([{ body: '测试短信 notify:2024:1' }]);
      } finally {
        await store.close();
      }
    });

    it('gives the provider the plain number and records the message id', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await enqueueSms(store.db, message('a', '13912345678'));
        const provider = recordingProvider();
        expect(await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock: fixedClock(START) })).toEqual({
          sent: 1,
          retrying: 0,
          failed: 0,
        });
        expect(provider.delivered.map((m) => m.to)).toEqual(['13912345678']);
        expect(await rows(store)).toMatchObject([{ status: 'sent', attempts: 1, provider_message_id: 'm-1' }]);
      } finally {
        await store.close();
      }
    });

    it('never sends one key twice when two senders run at once', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
        for (const key of keys) await enqueueSms(store.db, message(key));
        const provider = recordingProvider({ delayMs: 2 });
        const clock = fixedClock(START);
        const sender = () => deliverDueSms({ db: store.db, provider, cipher: testCipher, clock, limit: 20 });
        const results = await Promise.all([sender(), sender(), sender()]);
        await sender();
        expect(results.reduce((n, r) => n + r.sent, 0)).toBeGreaterThan(0);
        expect(provider.delivered.map((m) => m.idempotencyKey).sort()).toEqual([...keys].sort());
        expect((await rows(store)).every((r) => r.status === 'sent')).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('retries a retryable failure after a back-off and then sends exactly once', async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await enqueueSms(store.db, message('retry'));
        const provider = recordingProvider();
        provider.failNext(new SmsSendError(true, '短信网关拒绝（HTTP 503）'));
        const clock = fixedClock(START);
        const deliver = () => deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
        expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
        const [waiting] = await rows(store);
        expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: '短信网关拒绝（HTTP 503）' });
        expect(new Date(waiting!.next_attempt_at).getTime()).toBe(new Date(START).getTime() + MINUTE);
        expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
        clock.set(new Date(new Date(START).getTime() + MINUTE));
        expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
        expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
        expect(provider.delivered).toHaveLength(1);
        expect(await rows(store)).toMatchObject([{ status: 'sent', attempts: 2, last_error: null }]);
      } finally {
        await store.close();
      }
    });

    it(`gives up after ${MAX_ATTEMPTS} failed attempts, and at once on a non-retryable failure`, async () => {
      const store = await openStore(await backend.freshConfig());
      try {
        await enqueueSms(store.db, message('flaky'));
        await enqueueSms(store.db, message('bad-number', '12'));
        const provider = {
          name: 'test',
          async send({ idempotencyKey }: { idempotencyKey: string }): Promise<{ messageId: string }> {
            throw new SmsSendError(
              idempotencyKey === 'flaky',
              idempotencyKey === 'flaky' ? '短信网关响应超时' : '短信网关拒绝（HTTP 400）：号码无效',
            );
          },
        };
        const clock = fixedClock(START);
        for (let i = 0; i < MAX_ATTEMPTS; i++) {
          await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock });
          clock.set(new Date(clock.now().getTime() + 24 * 60 * MINUTE));
        }
        expect(await rows(store)).toMatchObject([
          { idempotency_key: 'flaky', status: 'failed', attempts: MAX_ATTEMPTS, last_error: '短信网关响应超时' },
          { idempotency_key: 'bad-number', status: 'failed', attempts: 1 },
        ]);
      } finally {
        await store.close();
      }
    });

    it('after a sender died mid-send, takes the row over without a second message to the person', async () => {
      const store = await openStore(await backend.freshConfig());
      const dir = await mkdtemp(join(tmpdir(), 'wengang-sms-'));
      try {
        const logPath = join(dir, 'sms.log');
        await enqueueSms(store.db, message('notify:2024:7'));
        const clock = fixedClock(START);
        // The first sender claimed the row and the message went out, then the process died before recording it.
        await store.db
          .updateTable('sms_outbox')
          .set({ status: 'sending', attempts: 1, next_attempt_at: new Date(clock.now().getTime() + SEND_LEASE_MS) })
          .execute();
        await localSinkProvider(logPath).send({
          to: '13863100001',
          body: '测试短信 notify:2024:7',
          idempotencyKey: 'notify:2024:7',
        });

        const provider = localSinkProvider(logPath);
        expect(await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock })).toEqual({
          sent: 0,
          retrying: 0,
          failed: 0,
        });
        clock.set(new Date(clock.now().getTime() + SEND_LEASE_MS));
        expect(await deliverDueSms({ db: store.db, provider, cipher: testCipher, clock })).toEqual({
          sent: 1,
          retrying: 0,
          failed: 0,
        });
        const lines = (await readFile(logPath, 'utf8')).trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(await rows(store)).toMatchObject([
          { status: 'sent', attempts: 2, provider_message_id: JSON.parse(lines[0]!).messageId },
        ]);
      } finally {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
