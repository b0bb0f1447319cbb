// Port for sending one SMS. Adapters in src/adapters/sms/ (local sink, HTTP gateway, SMPP); the outbox
// (outbox.ts) is the only caller. The idempotency key is the outbox row's key: a provider must never let two sends
// with the same key reach the person twice (each adapter documents how far it can promise that).

export interface SmsMessage {
  /** Mobile number in plain text; it exists only for the duration of the send. */
  to: string;
  body: string;
  idempotencyKey: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ messageId: string }>;
  close?(): Promise<void>;
}

/** A failed send. `retryable`: the message certainly did not go out and a later attempt may succeed. */
export class SmsSendError extends Error {
  override name = 'SmsSendError';
  constructor(
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
  }
}
