import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpProvider } from '../../../src/adapters/sms/http-provider.ts';
import { SmsSendError } from '../../../src/domain/ports/sms-provider.ts';

interface Received {
  authorization: string | undefined;
  body: { to: string; body: string; requestId: string };
}

/** A gateway that deduplicates on requestId, answering with `plan` statuses first. */
async function gateway(plan: number[] = [], delayMs = 0) {
  const received: Received[] = [];
  const sent = new Map<string, string>();
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    received.push({ authorization: request.headers.authorization, body: JSON.parse(text) });
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const status = plan.shift() ?? 200;
    if (status !== 200) {
      response.writeHead(status).end('{"error":"busy"}');
      return;
    }
    const { requestId } = received.at(-1)!.body;
    if (!sent.has(requestId)) sent.set(requestId, `gw-${sent.size + 1}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messageId: sent.get(requestId) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return { url, received, sent, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const MESSAGE = { to: '13863100001', body: '【威海人社】测试：拟返还12,345.67元。', idempotencyKey: 'notify:2024:1' };

describe('HTTP SMS provider', () => {
  it('posts the number, the Chinese text and the idempotency key with the bearer token', async () => {
    const gw = await gateway();
    close = gw.close;
    const result = await httpProvider({ url: gw.url, token: 's3cret' }).send(MESSAGE);
    expect(result).toEqual({ messageId: 'gw-1' });
    expect(gw.received).toEqual([
      { authorization: 'Bearer s3cret', body: { to: MESSAGE.to, body: MESSAGE.body, requestId: MESSAGE.idempotencyKey } },
    ]);
  });

  it('treats 503 as retryable, and the retry with the same requestId reaches the person once', async () => {
    const gw = await gateway([503]);
    close = gw.close;
    const provider = httpProvider({ url: gw.url, token: 't' });
    const first = await provider.send(MESSAGE).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(SmsSendError);
    expect(first).toMatchObject({ retryable: true });
    expect((first as Error).message).toContain('503');
    expect(await provider.send(MESSAGE)).toEqual({ messageId: 'gw-1' });
    expect(await provider.send(MESSAGE)).toEqual({ messageId: 'gw-1' });
    expect(gw.sent.size).toBe(1);
  });

  it('does not retry a request the gateway rejects as wrong (4xx)', async () => {
    const gw = await gateway([400]);
    close = gw.close;
    await expect(httpProvider({ url: gw.url, token: 't' }).send(MESSAGE)).rejects.toMatchObject({ retryable: false });
  });

  it('treats a timeout and an unreachable gateway as retryable', async () => {
    const gw = await gateway([], 500);
    close = gw.close;
    await expect(httpProvider({ url: gw.url, token: 't', timeoutMs: 50 }).send(MESSAGE)).rejects.toMatchObject({
      retryable: true,
      message: '短信网关响应超时',
    });
    await expect(httpProvider({ url: 'http://127.0.0.1:1/sms', token: 't' }).send(MESSAGE)).rejects.toMatchObject({
      retryable: true,
    });
  });
});
