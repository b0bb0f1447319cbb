// The default SMS "provider" for development and demos: nothing leaves the machine. Each message becomes one JSON
// line in <data folder>/sms.log (the sms_outbox table stays the record of what was sent). The phone number is
// written masked, so the log holds no personal data in plain text.
//
// Guarantee: exactly once per idempotency key. The log is also the key index: a key already in it returns the
// message id it was logged with, without a second line.
import { createHash } from 'node:crypto';
import { maskPhone } from '../../domain/masking.ts';
import type { SmsMessage, SmsProvider } from '../../domain/ports/sms-provider.ts';
import { KeyJournal } from './key-journal.ts';

export interface SinkLine {
  key: string;
  messageId: string;
  to: string;
  body: string;
  at: string;
}

export function localSinkProvider(logPath: string, now: () => Date = () => new Date()): SmsProvider {
  const journal = new KeyJournal<SinkLine>(logPath);
  return {
    name: 'local',
    async send({ to, body, idempotencyKey }: SmsMessage) {
      const logged = await journal.lookup(idempotencyKey);
      if (logged) return { messageId: logged.messageId };
      const messageId = `local-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16)}`;
      await journal.append({ key: idempotencyKey, messageId, to: maskPhone(to), body, at: now().toISOString() });
      return { messageId };
    },
  };
}
