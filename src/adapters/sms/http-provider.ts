// A generic HTTP SMS gateway: POST <url> with JSON {to, body, requestId} and `Authorization: Bearer <token>`;
// the gateway answers 2xx with JSON {messageId}.
//
// Guarantee: requestId is the outbox idempotency key, sent again unchanged on every retry. The gateway must
// deduplicate on it (answer a repeated requestId with the first message's id and send nothing); with such a
// gateway a message reaches the person at most once, even when our process died after the gateway accepted it.
// A gateway that does not deduplicate can send twice after a timeout: do not configure one.
//
// Errors: 5xx, 429, network errors and timeouts are retryable (the gateway may simply be down); any other 4xx is
// not (the request itself is wrong and will be wrong again).
import type { SmsMessage, SmsProvider } from '../../domain/ports/sms-provider.ts';
import { SmsSendError } from '../../domain/ports/sms-provider.ts';

export interface HttpProviderConfig {
  url: string;
  token: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

export function httpProvider(config: HttpProviderConfig): SmsProvider {
  return {
    name: 'http',
    async send({ to, body, idempotencyKey }: SmsMessage) {
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
          body: JSON.stringify({ to, body, requestId: idempotencyKey }),
          signal: AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw new SmsSendError(true, timedOut ? '短信网关响应超时' : `无法连接短信网关：${(error as Error).message}`);
      }
      const text = await response.text().catch(() => '');
      if (!response.ok) {
        throw new SmsSendError(
          isRetryableStatus(response.status),
          `短信网关拒绝（HTTP ${response.status}）：${text.slice(0, 200)}`,
        );
      }
      let messageId: unknown;
      try {
        messageId = (JSON.parse(text) as { messageId?: unknown }).messageId;
      } catch {
        messageId = undefined;
      }
      // Accepted but unreadable: the gateway has the message, so a retry with the same requestId is safe.
      if (typeof messageId !== 'string' || !messageId) throw new SmsSendError(true, '短信网关应答缺少 messageId');
      return { messageId };
    },
  };
}
