// The whole 免申即享 round on the demo population, driven through the `wengang` command exactly as an agency would
// script it: generate → screen → propose → (maker-checker) approve → 公示 → close after the working days → SMS →
// a unit confirms with its link and one-time code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/wengang.mjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'wengang-round-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function wengang(now: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WENGANG_DATA: dataDir, WENGANG_NOW: now, DATABASE_URL: '' },
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

function smsLog(): Array<{ key: string; to: string; body: string }> {
  return readFileSync(join(dataDir, 'sms.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

describe('a refund round on the demo population, from the command line', () => {
  const ctx: { batchId?: number; noticeId?: number; proposed?: number } = {};

  it('generates the demo population', () => {
    const result = wengang('2024-08-15', 'generate', '--scale', 'demo', '--seed', '11');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/生成完成：规模 demo/);
  }, 300_000);

  it('screens every insured unit, and a re-run gives identical decisions', () => {
    const first = wengang('2024-08-15', 'screen', '--round', '2024', '--json');
    expect(first.status, first.stderr).toBe(0);
    const run = first.json();
    expect(run.processedUnits).toBe(5000);
    const byStatus = Object.fromEntries(run.summary.byStatus.map((s: { key: string; units: number }) => [s.key, s.units]));
    expect(byStatus.eligible).toBeGreaterThan(3000);
    expect(byStatus.ineligible).toBeGreaterThan(100);
    expect(byStatus.needs_review).toBeGreaterThan(10);
    const reasons = run.summary.byReason.map((r: { key: string }) => r.key);
    expect(reasons).toEqual(expect.arrayContaining(['LAYOFF_RATE_EXCEEDED', 'DISPATCH_MUST_APPLY', 'ORG_TYPE_NOT_COVERED', 'CONTRIBUTION_MONTHS_INSUFFICIENT']));

    const second = wengang('2024-08-15', 'screen', '--round', '2024', '--json').json();
    const diff = wengang('2024-08-15', 'runs', 'diff', String(run.runId), String(second.runId), '--json');
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.json().changed).toEqual([]);
  }, 180_000);

  it('a case worker proposes a district, the same person cannot approve it, a reviewer does', () => {
    const proposed = wengang('2024-08-20', 'review', 'propose', '--round', '2024', '--region', '371083', '--user', '张三', '--role', 'case_worker', '--json');
    expect(proposed.status, proposed.stderr).toBe(0);
    ctx.batchId = proposed.json().batchId;
    ctx.proposed = proposed.json().unitCount;
    expect(ctx.proposed).toBeGreaterThan(100);

    const self = wengang('2024-08-21', 'review', 'approve', '--batch', String(ctx.batchId), '--user', '张三', '--role', 'reviewer');
    expect(self.status).toBe(3);
    expect(self.stderr).toMatch(/复核人不能与提交人为同一人/);
    const approved = wengang('2024-08-21', 'review', 'approve', '--batch', String(ctx.batchId), '--user', '李四', '--role', 'reviewer', '--json');
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.json().status).toBe('approved');
  }, 120_000);

  it('publishes the 公示 for 5 working days and refuses to close it early', () => {
    const opened = wengang('2024-09-02', 'notice', 'open', '--round', '2024', '--batch', String(ctx.batchId), '--user', '张三', '--role', 'case_worker', '--json');
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.json()).toMatchObject({ openedOn: '2024-09-02', workingDays: 5, lastDay: '2024-09-06', unitCount: ctx.proposed });
    ctx.noticeId = opened.json().noticeId;

    const early = wengang('2024-09-06', 'notice', 'close', '--notice', String(ctx.noticeId), '--user', '张三', '--role', 'case_worker');
    expect(early.status).toBe(3);
    expect(early.stderr).toMatch(/2024年9月7日 起方可结束公示/);
    const notYet = wengang('2024-09-06', 'notify', 'send', '--round', '2024', '--json');
    expect(notYet.json().notified).toBe(0); // nothing is notified while the notice runs

    const closed = wengang('2024-09-09', 'notice', 'close', '--notice', String(ctx.noticeId), '--user', '张三', '--role', 'case_worker', '--json');
    expect(closed.status, closed.stderr).toBe(0);
    expect(closed.json().passedCount).toBe(ctx.proposed);
  }, 120_000);

  it('texts every unit with its amount and link; a unit confirms with the one-time code', () => {
    const sent = wengang('2024-09-09', 'notify', 'send', '--round', '2024', '--json');
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.json().notified + sent.json().manual.length).toBe(ctx.proposed);
    const notices = smsLog().filter((m) => m.key.startsWith('notify:2024:'));
    expect(notices).toHaveLength(sent.json().notified);
    const message = notices[0]!;
    expect(message.body).toMatch(/^【威海人社】.+：您单位符合2024年失业保险稳岗返还条件，拟返还[\d,]+\.\d{2}元。/);
    expect(message.to).toMatch(/^\d{3}\*{4}\d{4}$/);

    const token = /confirm\/([\w-]+)/.exec(message.body)![1]!;
    const shown = wengang('2024-09-10', 'confirm', token, '--json');
    expect(shown.status, shown.stderr).toBe(0);
    const code = /验证码为(\d{6})/.exec(smsLog().at(-1)!.body)![1]!;
    const wrong = wengang('2024-09-10', 'confirm', token, '--code', code === '000000' ? '111111' : '000000');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/验证码/);
    const confirmed = wengang('2024-09-10', 'confirm', token, '--code', code, '--json');
    expect(confirmed.status, confirmed.stderr).toBe(0);
    expect(confirmed.json().confirmedAt).toBeTruthy();

    const unconfirmed = wengang('2024-09-10', 'notify', 'unconfirmed', '--round', '2024', '--json');
    expect(unconfirmed.json()).toHaveLength(sent.json().notified - 1);
  }, 120_000);
});
