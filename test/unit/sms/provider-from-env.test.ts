import { describe, expect, it } from 'vitest';
import { smsProviderFromEnv, SmsConfigError } from '../../../src/adapters/sms/provider-from-env.ts';

describe('SMS provider from the environment', () => {
  it('uses the local sink unless told otherwise', () => {
    expect(smsProviderFromEnv({}).name).toBe('local');
    expect(
      smsProviderFromEnv({ WENGANG_SMS: 'http', WENGANG_SMS_HTTP_URL: 'https://gw.example.cn/send', WENGANG_SMS_HTTP_TOKEN: 't' })
        .name,
    ).toBe('http');
    expect(
      smsProviderFromEnv({
        WENGANG_SMS: 'smpp',
        WENGANG_SMPP_URL: 'smpp://127.0.0.1:2775',
        WENGANG_SMPP_SYSTEM_ID: 'w',
        WENGANG_SMPP_PASSWORD: 'p',
      }).name,
    ).toBe('smpp');
  });

  it('names the missing or wrong setting in Chinese', () => {
    expect(() => smsProviderFromEnv({ WENGANG_SMS: 'http', WENGANG_SMS_HTTP_TOKEN: 't' })).toThrow(
      new SmsConfigError('短信通道配置缺少 WENGANG_SMS_HTTP_URL'),
    );
    expect(() => smsProviderFromEnv({ WENGANG_SMS: 'carrier-pigeon' })).toThrow(
      '未知短信通道 WENGANG_SMS=carrier-pigeon；可选 local、http、smpp',
    );
  });
});
