// What the browser tests run against: the web app built once (when web/dist is missing), the real server (buildServer
// with the web pages) on a PGlite store copied from the migrated template, a fixed clock the test moves, a recording SMS
// provider, and Debian's Chromium driven by playwright-core. Without /usr/bin/chromium the tests skip with the reason
// printed, except under CI=true, where they run (and fail) so a missing browser is never silently passed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import { openStore, type Store } from '../../src/adapters/store/open-store.ts';
import { buildServer } from '../../src/server/app.ts';
import { WEB_DIST } from '../../src/server/routes/web.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import { DEMO_PASSWORD, demoStaff } from '../../src/demo/demo-staff.ts';
import { codeInBody, recordingProvider, testCipher } from '../support/sms-fixtures.ts';

/** The demo staff's user names split into words: data, not English on a page (expectNoEnglish allows them). */
export const STAFF_NAME_WORDS: ReadonlySet<string> = new Set(demoStaff.flatMap((a) => a.username.split(/[._-]/)));

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Why the browser tests cannot run here, or undefined when they can (under CI=true they always run). */
export const browserSkipReason =
  process.env.CI === 'true' || existsSync(CHROMIUM)
    ? undefined
    : `浏览器测试已跳过：未找到 ${CHROMIUM}（apt-get install chromium fonts-noto-cjk）`;
if (browserSkipReason) console.warn(browserSkipReason);

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds web/dist unless it is there already. */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}

export interface Harness {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  sms: ReturnType<typeof recordingProvider>;
  baseUrl: string;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startHarness(options: { now: string }): Promise<Harness> {
  ensureWebBuilt();
  const root = await mkdtemp(join(tmpdir(), 'wengang-e2e-'));
  const dataDir = join(root, 'store');
  await cp(inject('pgliteTemplate'), dataDir, { recursive: true });
  const store = await openStore({ dataDir });
  const clock = fixedClock(options.now);
  const sms = recordingProvider();
  const app: FastifyInstance = await buildServer({
    params: projectParameters(),
    store,
    clock,
    cipher: testCipher,
    sms,
    importReportDir: join(root, 'import-reports'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return {
    store,
    clock,
    sms,
    baseUrl,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Nothing a person reads on the page is an English word (credit codes and numbers mix letters with digits); `dataWords`
 * are data shown as people typed them, e.g. the user names in recorded actor names such as 财务孙七（caiwu）.
 */
export async function expectNoEnglish(page: Page, dataWords: ReadonlySet<string> = new Set()): Promise<void> {
  const text = await page.locator('body').innerText();
  expect((text.match(/\b[A-Za-z]{4,}\b/g) ?? []).filter((word) => !dataWords.has(word))).toEqual([]);
}

/**
 * A button's label as Ant Design renders it: a space between the two characters of a two-character label, and after a
 * button has been loading, its fading spinner (named "loading") may still be in the button's name for a while.
 */
export const buttonLabel = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s?')}$`);

/** Signs the harness's page in to the staff console as a demo account (src/demo/demo-staff.ts). */
export async function signInStaff(h: Harness, username: string): Promise<void> {
  const { page } = h;
  const account = demoStaff.find((a) => a.username === username)!;
  await page.goto(`${h.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: buttonLabel('登录') }).click();
  await expect.poll(() => page.getByTestId('current-staff').innerText()).toContain(account.displayName);
}

/** Opens a page of the staff console from its side menu. */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-menu-item').filter({ hasText: label }).click();
}

/**
 * Signs a person in to the person portal (/person) in a new page: ID number, the SMS code the recording provider
 * delivered, and the portal's signed-in view.
 */
export async function signInPerson(h: Harness, idNumber: string): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width: 1100, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await page.goto(`${h.baseUrl}/person`);
  await page.getByLabel('公民身份号码').fill(idNumber);
  const before = h.sms.delivered.length;
  await page.getByRole('button', { name: '获取短信验证码' }).click();
  await expect.poll(() => h.sms.delivered.length).toBe(before + 1);
  await page.getByLabel('短信验证码').fill(codeInBody(h.sms.delivered.at(-1)!.body));
  await page.getByRole('button', { name: buttonLabel('登录') }).click();
  await page.getByTestId('portal-signed-in').waitFor();
  return page;
}
