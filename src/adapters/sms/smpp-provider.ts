// SMPP client (SMPP 3.4/5.0 via the `smpp` package): one bind_transceiver session, kept open and re-opened after
// a drop; each message goes out as submit_sm in UCS-2 (data_coding 8), a long one as UDH-concatenated parts.
//
// Guarantee: at most once per idempotency key. SMPP has no idempotency of its own, so a journal file
// (KeyJournal) records each key as `submitting` before the first submit_sm and `accepted` (with the message id)
// or `rejected` after the SMSC's answer. Sending a key again then:
//   accepted   → returns the recorded message id, sends nothing;
//   rejected   → sends again (the SMSC answered that it refused every part sent, so nothing reached the person);
//   submitting → refuses (non-retryable): an earlier attempt died without an answer, the SMSC may have the message,
//                and a person must check the delivery rather than risk a second SMS.
// A timeout, a dropped connection or a refusal after some parts were accepted also leave `submitting`.
import { createHash } from 'node:crypto';
import type { Pdu, Session } from 'smpp';
import type { SmsMessage, SmsProvider } from '../../domain/ports/sms-provider.ts';
import { SmsSendError } from '../../domain/ports/sms-provider.ts';
import { KeyJournal } from './key-journal.ts';
import { ESM_CLASS_UDHI, UCS2_DATA_CODING, ucs2Parts } from './smpp-segments.ts';

export interface SmppProviderConfig {
  /** smpp://host:port */
  url: string;
  systemId: string;
  password: string;
  /** Source address (the agency's short code, e.g. 12333). */
  sourceAddr: string;
  journalPath: string;
  timeoutMs?: number;
}

interface JournalRecord {
  key: string;
  state: 'submitting' | 'accepted' | 'rejected';
  messageId?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const ENQUIRE_LINK_MS = 30_000;

/** An answer from the SMSC with a non-zero command_status: the PDU was refused. */
class SmppStatusError extends Error {
  constructor(readonly status: number) {
    super(`SMPP command_status 0x${status.toString(16).padStart(8, '0')}`);
  }
}

/** ESME_RSYSERR, ESME_RMSGQFUL, ESME_RTHROTTLED: the SMSC is busy or unwell, not refusing the message itself. */
const retryableStatuses = new Set([0x08, 0x14, 0x58]);

function request(
  session: Session,
  command: 'bind_transceiver' | 'submit_sm',
  options: Record<string, unknown>,
  timeoutMs: number,
): Promise<Pdu> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`SMPP ${command} 超时`)), timeoutMs);
    session[command](options, (response) => {
      clearTimeout(timer);
      if (response.command_status === 0) resolve(response);
      else reject(new SmppStatusError(response.command_status));
    });
  });
}

export function smppProvider(config: SmppProviderConfig): SmsProvider {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const journal = new KeyJournal<JournalRecord>(config.journalPath);
  let bound: Promise<Session> | undefined;
  const closed = new WeakSet<Session>();

  async function open(): Promise<Session> {
    // Loaded on first use, so the other providers work on an installation without the smpp package.
    const { default: smpp } = await import('smpp');
    return new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ url: config.url, auto_enquire_link_period: ENQUIRE_LINK_MS }, () => {
        request(session, 'bind_transceiver', { system_id: config.systemId, password: config.password }, timeoutMs).then(
          () => resolve(session),
          (error: Error) => {
            session.destroy();
            reject(error);
          },
        );
      });
      session.on('error', (error: Error) => reject(error));
      session.on('close', () => {
        closed.add(session);
        reject(new Error('SMPP 连接已关闭'));
      });
      // Delivery receipts and link checks from the SMSC must be answered, or it drops the session.
      session.on('deliver_sm', (pdu: Pdu) => session.send(pdu.response()));
      session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
    });
  }

  /** The bound session, opened (again) when there is none or the last one was closed. */
  async function session(): Promise<Session> {
    try {
      let live = bound && (await bound);
      if (!live || closed.has(live)) {
        bound = open();
        live = await bound;
      }
      return live;
    } catch (error) {
      bound = undefined;
      const text =
        error instanceof SmppStatusError
          ? `短信中心拒绝登录（${error.message}）`
          : `无法连接短信中心：${(error as Error).message}`;
      throw new SmsSendError(!(error instanceof SmppStatusError), text);
    }
  }

  return {
    name: 'smpp',
    async send({ to, body, idempotencyKey: key }: SmsMessage) {
      const prior = await journal.lookup(key);
      if (prior?.state === 'accepted') return { messageId: prior.messageId! };
      if (prior?.state === 'submitting') {
        throw new SmsSendError(false, '上次发送中断且未收到短信中心应答，短信可能已送达：为避免重复发送，请人工核实');
      }
      const live = await session();
      const reference = createHash('sha256').update(key).digest()[0]!;
      const parts = ucs2Parts(body, reference);
      await journal.append({ key, state: 'submitting' });
      const ids: string[] = [];
      try {
        for (const part of parts) {
          const response = await request(
            live,
            'submit_sm',
            {
              source_addr: config.sourceAddr,
              destination_addr: to,
              registered_delivery: 1,
              data_coding: UCS2_DATA_CODING,
              esm_class: part.udh ? ESM_CLASS_UDHI : 0,
              short_message: part.udh ? Buffer.concat([part.udh, part.text]) : part.text,
            },
            timeoutMs,
          );
          ids.push(String(response.message_id));
        }
      } catch (error) {
        if (error instanceof SmppStatusError && ids.length === 0) {
          await journal.append({ key, state: 'rejected' });
          throw new SmsSendError(retryableStatuses.has(error.status), `短信中心拒绝短信（${error.message}）`);
        }
        throw new SmsSendError(false, `发送中断（${(error as Error).message}），短信可能已部分送达：请人工核实，系统不会重发`);
      }
      const messageId = ids.join(',');
      await journal.append({ key, state: 'accepted', messageId });
      return { messageId };
    },
    async close() {
      const current = bound;
      bound = undefined;
      if (!current) return;
      const live = await current.catch(() => undefined);
      if (!live) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => live.destroy(() => resolve()), 1000);
        live.unbind(() => {
          clearTimeout(timer);
          live.close(() => resolve());
        });
      });
    },
  };
}
