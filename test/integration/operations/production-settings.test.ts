// `wengang serve` under NODE_ENV=production with the demo defaults refuses to start, before opening any database,
// and says why in Chinese and English.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/wengang.mjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'wengang-production-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('refuses to serve in production with the local SMS sink, development keys and the demo database', () => {
  const result = spawnSync(process.execPath, [bin, 'serve'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NODE_ENV: 'production', WENGANG_DATA: dataDir, PORT: '0' },
    timeout: 60_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('错误：生产环境（NODE_ENV=production）拒绝以下不安全的设置');
  expect(result.stderr).toContain('短信通道为本机文件');
  expect(result.stderr).toContain('error: production (NODE_ENV=production) refuses these unsafe settings');
  expect(result.stderr).toContain('WENGANG_KEYS and WENGANG_INDEX_KEY not set');
  expect(readdirSync(dataDir)).toEqual([]);
}, 90_000);
