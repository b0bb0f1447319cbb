// Chooses the SMS provider from the environment:
//   WENGANG_SMS=local (default)  messages go to <WENGANG_DATA or ./data>/sms.log; nothing leaves the machine.
//   WENGANG_SMS=http             WENGANG_SMS_HTTP_URL (the gateway's send URL), WENGANG_SMS_HTTP_TOKEN (bearer token),
//                                optional WENGANG_SMS_HTTP_TIMEOUT_MS (default 10000).
//   WENGANG_SMS=smpp             WENGANG_SMPP_URL (smpp://host:port), WENGANG_SMPP_SYSTEM_ID, WENGANG_SMPP_PASSWORD,
//                                WENGANG_SMPP_SOURCE (sender address, default 12333), optional WENGANG_SMPP_JOURNAL
//                                (default <data folder>/smpp-journal.log; keep it: it prevents double sends).
import { dataPath } from '../data-folder.ts';
import type { SmsProvider } from '../../domain/ports/sms-provider.ts';
import { httpProvider } from './http-provider.ts';
import { localSinkProvider } from './local-sink.ts';
import { smppProvider } from './smpp-provider.ts';

/** A provider setting the operator must fix; the message is in Chinese. */
export class SmsConfigError extends Error {
  override name = 'SmsConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new SmsConfigError(`短信通道配置缺少 ${name}`);
  return value;
}

function optionalMs(env: Env, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text)) throw new SmsConfigError(`${name} 须为毫秒数`);
  return Number(text);
}

export function smsProviderFromEnv(env: Env): SmsProvider {
  const kind = env.WENGANG_SMS?.trim() || 'local';
  switch (kind) {
    case 'local':
      return localSinkProvider(dataPath(env, 'sms.log'));
    case 'http':
      return httpProvider({
        url: required(env, 'WENGANG_SMS_HTTP_URL'),
        token: required(env, 'WENGANG_SMS_HTTP_TOKEN'),
        timeoutMs: optionalMs(env, 'WENGANG_SMS_HTTP_TIMEOUT_MS'),
      });
    case 'smpp':
      return smppProvider({
        url: required(env, 'WENGANG_SMPP_URL'),
        systemId: required(env, 'WENGANG_SMPP_SYSTEM_ID'),
        password: required(env, 'WENGANG_SMPP_PASSWORD'),
        sourceAddr: env.WENGANG_SMPP_SOURCE?.trim() || '12333',
        journalPath: env.WENGANG_SMPP_JOURNAL?.trim() || dataPath(env, 'smpp-journal.log'),
      });
    default:
      throw new SmsConfigError(`未知短信通道 WENGANG_SMS=${kind}；可选 local、http、smpp`);
  }
}
