// The environment settings read at start-up: a production server with everything set starts; each unsafe production
// setting (local SMS sink, missing gateway settings, development keys, demo accounts) is refused with its reason in
// Chinese and English; a malformed value is refused anywhere; outside production the demo defaults are accepted.
import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../../src/config/settings.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://wengang@db.internal:5432/wengang',
  WENGANG_KEYS: '1:00112233445566778899aabbccddeeff:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  WENGANG_INDEX_KEY: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  WENGANG_AUDIT_ANCHOR_KEY_FILE: '/etc/wengang/anchor.key',
  WENGANG_SMS: 'http',
  WENGANG_SMS_HTTP_URL: 'https://sms.gateway.example.cn/send',
  WENGANG_SMS_HTTP_TOKEN: 'gateway-token',
  PORT: '8080',
};

function refusal(env: Record<string, string | undefined>): SettingsError {
  try {
    readSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('environment settings', () => {
  it('accepts a complete production setting and drops variables it does not know', () => {
    const settings = readSettings({ ...PRODUCTION, PATH: '/usr/bin' });
    expect(settings).toMatchObject({ WENGANG_SMS: 'http', PORT: '8080', DATABASE_URL: PRODUCTION.DATABASE_URL });
    expect(settings).not.toHaveProperty('PATH');
    expect(
      readSettings({
        ...PRODUCTION,
        WENGANG_SMS: 'smpp',
        WENGANG_SMPP_URL: 'smpp://10.0.0.5:2775',
        WENGANG_SMPP_SYSTEM_ID: 'wg',
        WENGANG_SMPP_PASSWORD: 'pw',
      }).WENGANG_SMS,
    ).toBe('smpp');
  });

  it('refuses the local SMS sink in production, in Chinese and English', () => {
    for (const sms of [undefined, 'local']) {
      const error = refusal({ ...PRODUCTION, WENGANG_SMS: sms });
      expect(error.zh).toContain('生产环境（NODE_ENV=production）拒绝以下不安全的设置');
      expect(error.zh).toContain('短信通道为本机文件');
      expect(error.en).toContain('SMS goes to the local sink');
    }
  });

  it('refuses an SMS gateway without its settings', () => {
    expect(refusal({ ...PRODUCTION, WENGANG_SMS_HTTP_TOKEN: undefined }).zh).toContain('短信网关参数缺少 WENGANG_SMS_HTTP_TOKEN');
    const smpp = refusal({ ...PRODUCTION, WENGANG_SMS: 'smpp', WENGANG_SMPP_URL: 'smpp://10.0.0.5:2775' });
    expect(smpp.zh).toContain('短信网关参数缺少 WENGANG_SMPP_SYSTEM_ID、WENGANG_SMPP_PASSWORD');
    expect(smpp.en).toContain('SMS gateway settings missing: WENGANG_SMPP_SYSTEM_ID, WENGANG_SMPP_PASSWORD');
  });

  it('refuses the development keys in production', () => {
    const error = refusal({ ...PRODUCTION, WENGANG_KEYS: undefined, WENGANG_INDEX_KEY: undefined });
    expect(error.zh).toContain('未配置 WENGANG_KEYS 和 WENGANG_INDEX_KEY：将使用公开的开发密钥');
    expect(error.en).toContain('published development keys');
    expect(refusal({ ...PRODUCTION, WENGANG_AUDIT_ANCHOR_KEY_FILE: undefined }).zh).toContain('审计锚点将使用开发密钥');
  });

  it('refuses demo accounts in production: asked for, or implied by the embedded database', () => {
    const demo = refusal({ ...PRODUCTION, WENGANG_DEMO: '1' });
    expect(demo.zh).toContain('WENGANG_DEMO=1 会生成演示数据和公开密码的演示账号');
    expect(demo.en).toContain('demo accounts with a published password');
    const embedded = refusal({ ...PRODUCTION, DATABASE_URL: undefined });
    expect(embedded.zh).toContain('未设置 DATABASE_URL：内嵌数据库会生成演示数据和演示账号');
  });

  it('lists every unsafe setting at once', () => {
    const error = refusal({ NODE_ENV: 'production' });
    expect(error.zh.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
    expect(error.en.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
  });

  it('refuses a malformed value anywhere, and accepts the demo defaults outside production', () => {
    expect(refusal({ WENGANG_SMS: 'carrier-pigeon' }).zh).toMatch(/环境变量设置有误：\nWENGANG_SMS: local, http or smpp/);
    expect(refusal({ PORT: 'eighty' }).en).toMatch(/PORT: must be digits/);
    expect(refusal({ DATABASE_URL: 'mysql://x' }).zh).toContain('DATABASE_URL');
    expect(readSettings({ NODE_ENV: 'development' })).toEqual({ NODE_ENV: 'development' });
    expect(readSettings({})).toEqual({});
  });
});
