// Every environment setting the system reads, in one zod schema, read once at start-up. Entry points and adapters take
// their settings from here, never from process.env. With NODE_ENV=production the settings a demonstration relies on
// are refused — the local SMS sink, the built-in development keys, the demo population and its accounts — with a
// message in Chinese and English naming each one, so a misconfigured server never starts half safe.
import { z } from 'zod';

const text = z.string().trim();
const flag = z.enum(['0', '1', ''], { error: 'must be 0 or 1 / 须为 0 或 1' });
const digits = z.string().regex(/^\d*$/, 'must be digits / 须为数字');

export const settingsSchema = z.object({
  NODE_ENV: text.optional(),
  /** postgres://… selects PostgreSQL; empty means the embedded PGlite database in the data folder. */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/.*)?$/, 'must be postgres://… / 须为 postgres:// 地址')
    .optional(),
  WENGANG_DATA: text.optional(),
  PORT: digits.optional(),
  HOST: text.optional(),
  WENGANG_BASE_URL: text.optional(),
  WENGANG_SECURE_COOKIES: flag.optional(),
  WENGANG_TRUST_PROXY: text.optional(),
  WENGANG_AGENCY_REGION: z
    .string()
    .regex(/^(\d{6})?$/, 'a six-digit region code / 六位行政区划代码')
    .optional(),
  WENGANG_LOG: flag.optional(),
  WENGANG_METRICS_ALLOW: text.optional(),
  WENGANG_DEMO: flag.optional(),
  WENGANG_NOW: text.optional(),
  WENGANG_KEYS: text.optional(),
  WENGANG_INDEX_KEY: text.optional(),
  WENGANG_AUDIT_ANCHOR: text.optional(),
  WENGANG_AUDIT_ANCHOR_KEY: text.optional(),
  WENGANG_AUDIT_ANCHOR_KEY_FILE: text.optional(),
  WENGANG_SMS: z.enum(['local', 'http', 'smpp', ''], { error: 'local, http or smpp / 可选 local、http、smpp' }).optional(),
  WENGANG_SMS_HTTP_URL: text.optional(),
  WENGANG_SMS_HTTP_TOKEN: text.optional(),
  WENGANG_SMS_HTTP_TIMEOUT_MS: digits.optional(),
  WENGANG_SMPP_URL: text.optional(),
  WENGANG_SMPP_SYSTEM_ID: text.optional(),
  WENGANG_SMPP_PASSWORD: text.optional(),
  WENGANG_SMPP_SOURCE: text.optional(),
  WENGANG_SMPP_JOURNAL: text.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Settings that cannot be used; `zh` and `en` list every problem, one a line. */
export class SettingsError extends Error {
  override name = 'SettingsError';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
  }
}

type Problem = readonly [zh: string, en: string];

const SMS_REQUIRED: Record<string, readonly (keyof Settings)[]> = {
  http: ['WENGANG_SMS_HTTP_URL', 'WENGANG_SMS_HTTP_TOKEN'],
  smpp: ['WENGANG_SMPP_URL', 'WENGANG_SMPP_SYSTEM_ID', 'WENGANG_SMPP_PASSWORD'],
};

/** What makes these settings unsafe for a production server (none outside production). */
export function unsafeInProduction(s: Settings): Problem[] {
  if (s.NODE_ENV !== 'production') return [];
  const problems: Problem[] = [];
  const sms = s.WENGANG_SMS || 'local';
  if (sms === 'local')
    problems.push([
      '短信通道为本机文件（WENGANG_SMS 未设置或为 local）：请设置 WENGANG_SMS=http 或 smpp 及短信网关参数',
      'SMS goes to the local sink (WENGANG_SMS unset or local): set WENGANG_SMS=http or smpp with the gateway settings',
    ]);
  const missing = (SMS_REQUIRED[sms] ?? []).filter((name) => !s[name]);
  if (missing.length)
    problems.push([`短信网关参数缺少 ${missing.join('、')}`, `SMS gateway settings missing: ${missing.join(', ')}`]);
  if (!s.WENGANG_KEYS || !s.WENGANG_INDEX_KEY)
    problems.push([
      '未配置 WENGANG_KEYS 和 WENGANG_INDEX_KEY：将使用公开的开发密钥加密个人信息',
      'WENGANG_KEYS and WENGANG_INDEX_KEY not set: personal data would be sealed with the published development keys',
    ]);
  if (!s.WENGANG_AUDIT_ANCHOR_KEY && !s.WENGANG_AUDIT_ANCHOR_KEY_FILE)
    problems.push([
      '未配置 WENGANG_AUDIT_ANCHOR_KEY 或 WENGANG_AUDIT_ANCHOR_KEY_FILE：审计锚点将使用开发密钥',
      'WENGANG_AUDIT_ANCHOR_KEY(_FILE) not set: audit anchors would use the development key',
    ]);
  if (s.WENGANG_DEMO === '1')
    problems.push([
      'WENGANG_DEMO=1 会生成演示数据和公开密码的演示账号',
      'WENGANG_DEMO=1 generates the demo population and demo accounts with a published password',
    ]);
  if (!s.DATABASE_URL)
    problems.push([
      '未设置 DATABASE_URL：内嵌数据库会生成演示数据和演示账号，生产环境请使用 PostgreSQL',
      'DATABASE_URL not set: the embedded database generates demo data and demo accounts; use PostgreSQL in production',
    ]);
  return problems;
}

/** Reads and checks the settings; throws SettingsError on a malformed value or an unsafe production setting. */
export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`环境变量设置有误：\n${issues.join('\n')}`, `invalid environment settings:\n${issues.join('\n')}`);
  }
  const problems = unsafeInProduction(parsed.data);
  if (problems.length)
    throw new SettingsError(
      `生产环境（NODE_ENV=production）拒绝以下不安全的设置：\n${problems.map(([zh]) => `- ${zh}`).join('\n')}`,
      `production (NODE_ENV=production) refuses these unsafe settings:\n${problems.map(([, en]) => `- ${en}`).join('\n')}`,
    );
  return parsed.data;
}

/** This process's settings, read from its environment (checked once more on each read: the tests change it). */
export function settings(): Settings {
  return readSettings(process.env);
}
