// The SMPP provider against an SMSC simulated in the test with the same `smpp` package, on 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import smpp, { type Pdu } from 'smpp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smppProvider } from '../../../src/adapters/sms/smpp-provider.ts';
import type { SmsProvider } from '../../../src/domain/ports/sms-provider.ts';

interface Submitted {
  to: string;
  dataCoding: number;
  udh: number[] | undefined;
  text: string;
}

/** An SMSC that accepts system_id "wengang" / "pw"; `answer` decides each submit_sm's fate. */
async function smsc(answer: (n: number) => 'ok' | 'throttled' | 'silent' = () => 'ok') {
  const submitted: Submitted[] = [];
  const server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: Pdu) => {
      const ok = pdu.system_id === 'wengang' && pdu.password === 'pw';
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RBINDFAIL }));
    });
    session.on('submit_sm', (pdu: Pdu) => {
      const fate = answer(submitted.length + 1);
      const message = pdu.short_message as { udh?: Buffer[]; message: string };
      submitted.push({
        to: String(pdu.destination_addr),
        dataCoding: Number(pdu.data_coding),
        udh: message.udh && [...message.udh[0]!],
        text: message.message,
      });
      if (fate === 'ok') session.send(pdu.response({ message_id: `smsc-${submitted.length}` }));
      if (fate === 'throttled') session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
    });
    session.on('unbind', (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `smpp://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of server.sessions) s.destroy();
      server.close(() => resolve());
    });
  return { url, submitted, close };
}

/** The texts as a handset would show them: parts joined in order per concatenation reference. */
function joined(submitted: Submitted[]): string[] {
  const byRef = new Map<string, Submitted[]>();
  for (const s of submitted) {
    const ref = s.udh ? `${s.udh[3]}` : `single-${byRef.size}`;
    byRef.set(ref, [...(byRef.get(ref) ?? []), s]);
  }
  return [...byRef.values()].map((parts) =>
    parts
      .sort((a, b) => (a.udh?.[5] ?? 0) - (b.udh?.[5] ?? 0))
      .map((p) => p.text)
      .join(''),
  );
}

const BODY =
  '【威海人社】威海海洋食品有限公司：您单位符合2024年失业保险稳岗返还条件，拟返还12,345.67元。请于30日内登录 https://wengang.example.cn/confirm/AbC_d-123 确认。如有疑问请致电12333。';

let dir = '';
let cleanups: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wengang-smpp-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
  await rm(dir, { recursive: true, force: true });
});

async function setup(answer?: (n: number) => 'ok' | 'throttled' | 'silent', password = 'pw') {
  const center = await smsc(answer);
  const config = {
    url: center.url,
    systemId: 'wengang',
    password,
    sourceAddr: '12333',
    journalPath: join(dir, 'smpp-journal.log'),
    timeoutMs: 300,
  };
  const provider: SmsProvider = smppProvider(config);
  cleanups.push(center.close, async () => provider.close?.());
  return { center, provider, config };
}

describe('SMPP provider', () => {
  it('delivers a long Chinese message intact in UCS-2 parts to the number', async () => {
    const { center, provider } = await setup();
    const { messageId } = await provider.send({ to: '13863100001', body: BODY, idempotencyKey: 'notify:2024:1' });
    expect(center.submitted.length).toBeGreaterThan(1);
    expect(center.submitted.every((s) => s.to === '13863100001' && s.dataCoding === 8)).toBe(true);
    expect(joined(center.submitted)).toEqual([BODY]);
    expect(messageId.split(',')).toHaveLength(center.submitted.length);
  });

  it('does not send a key again, even from a new process, once the SMSC accepted it', async () => {
    const { center, provider, config } = await setup();
    const first = await provider.send({ to: '13863100001', body: '【威海人社】验证码为123456。', idempotencyKey: 'code:1' });
    const restarted = smppProvider(config);
    cleanups.push(async () => restarted.close?.());
    expect(await restarted.send({ to: '13863100001', body: '【威海人社】验证码为123456。', idempotencyKey: 'code:1' })).toEqual(
      first,
    );
    expect(center.submitted).toHaveLength(1);
  });

  it('retries a message the SMSC throttled, sending it once', async () => {
    const { center, provider } = await setup((n) => (n === 1 ? 'throttled' : 'ok'));
    await expect(provider.send({ to: '13863100002', body: '【威海人社】测试', idempotencyKey: 'k' })).rejects.toMatchObject({
      retryable: true,
    });
    await provider.send({ to: '13863100002', body: '【威海人社】测试', idempotencyKey: 'k' });
    expect(center.submitted).toHaveLength(2);
    expect(joined(center.submitted.slice(1))).toEqual(['【威海人社】测试']);
  });

  it('after a submit with no answer, refuses to send the key again (it may have arrived)', async () => {
    const { center, provider } = await setup((n) => (n === 1 ? 'silent' : 'ok'));
    await expect(provider.send({ to: '13863100003', body: '【威海人社】测试', idempotencyKey: 'k' })).rejects.toMatchObject({
      retryable: false,
    });
    const again = await provider
      .send({ to: '13863100003', body: '【威海人社】测试', idempotencyKey: 'k' })
      .catch((e: Error) => e);
    expect(again).toMatchObject({ retryable: false });
    expect((again as Error).message).toContain('人工核实');
    expect(center.submitted).toHaveLength(1);
  });

  it('reports a refused bind as not retryable', async () => {
    const { center, provider } = await setup(undefined, 'wrong');
    await expect(provider.send({ to: '13863100004', body: '测试', idempotencyKey: 'k' })).rejects.toMatchObject({
      retryable: false,
    });
    expect(center.submitted).toHaveLength(0);
  });
});
