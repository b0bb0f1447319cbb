// The whole 免申即享 round on the demo population, driven through the `wengang` command exactly as an agency would
// script it: generate → screen → propose → (maker-checker) approve → 公示 → close after the working days → SMS →
// units confirm with their link and one-time code → a labour-dispatch unit applies and goes the same way → payments
// (finance proposes, another authorises) → bank file → a returned payment re-issued after an account correction →
// reconciliation and a balanced fund ledger.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { keyRingFromEnv } from '../../../src/adapters/crypto/key-ring.ts';
import { SmFieldCipher } from '../../../src/adapters/crypto/sm-field-cipher.ts';
import { numbersInFolder } from '../../support/find-numbers.ts';

const developmentCipher = new SmFieldCipher(keyRingFromEnv({}).keyRing);

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
  return readFileSync(join(dataDir, 'sms.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** A unit confirms: opens its link (which texts a code), then confirms with the code. */
function confirmUnit(now: string, body: string) {
  const token = /confirm\/([\w-]+)/.exec(body)![1]!;
  expect(wengang(now, 'confirm', token, '--json').status).toBe(0);
  const code = /验证码为(\d{6})/.exec(smsLog().at(-1)!.body)![1]!;
  return wengang(now, 'confirm', token, '--code', code, '--json');
}

/** The bank's answer to an instruction file: every line paid, except the ones named, which come back returned. */
function bankReturn(instruction: string, returned: readonly string[]): string {
  const lines = readFileSync(instruction, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => /^\d+-\d+$/.test(cells[1] ?? ''));
  const file = `${instruction}.return.csv`;
  writeFileSync(
    file,
    [
      '付款流水号,金额（元）,处理结果,银行流水号,失败原因',
      ...lines.map(([, ref, , , , , , amount], i) =>
        returned.includes(ref!) ? `${ref},${amount},退回,R${i},账户已销户` : `${ref},${amount},成功,B${i},`,
      ),
    ].join('\n'),
  );
  return file;
}

const FINANCE = ['--user', '王财务', '--role', 'finance'];
const AUTHORISER = ['--user', '赵财务', '--role', 'finance'];

describe('a refund round on the demo population, from the command line', () => {
  const ctx: { batchId?: number; noticeId?: number; proposed?: number; dispatchUnit?: number; dispatchAllocations?: number } = {};

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
    expect(reasons).toEqual(
      expect.arrayContaining([
        'LAYOFF_RATE_EXCEEDED',
        'DISPATCH_MUST_APPLY',
        'ORG_TYPE_NOT_COVERED',
        'CONTRIBUTION_MONTHS_INSUFFICIENT',
      ]),
    );

    const second = wengang('2024-08-15', 'screen', '--round', '2024', '--json').json();
    const diff = wengang('2024-08-15', 'runs', 'diff', String(run.runId), String(second.runId), '--json');
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.json().changed).toEqual([]);
  }, 180_000);

  it('a case worker proposes a district, the same person cannot approve it, a reviewer does', () => {
    const proposed = wengang(
      '2024-08-20',
      'review',
      'propose',
      '--round',
      '2024',
      '--region',
      '371083',
      '--user',
      '张三',
      '--role',
      'case_worker',
      '--json',
    );
    expect(proposed.status, proposed.stderr).toBe(0);
    ctx.batchId = proposed.json().batchId;
    ctx.proposed = proposed.json().unitCount;
    expect(ctx.proposed).toBeGreaterThan(100);

    const self = wengang(
      '2024-08-21',
      'review',
      'approve',
      '--batch',
      String(ctx.batchId),
      '--user',
      '张三',
      '--role',
      'reviewer',
    );
    expect(self.status).toBe(3);
    expect(self.stderr).toMatch(/复核人不能与提交人为同一人/);
    const approved = wengang(
      '2024-08-21',
      'review',
      'approve',
      '--batch',
      String(ctx.batchId),
      '--user',
      '李四',
      '--role',
      'reviewer',
      '--json',
    );
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.json().status).toBe('approved');
  }, 120_000);

  it('publishes the 公示 for 5 working days and refuses to close it early', () => {
    const opened = wengang(
      '2024-09-02',
      'notice',
      'open',
      '--round',
      '2024',
      '--batch',
      String(ctx.batchId),
      '--user',
      '张三',
      '--role',
      'case_worker',
      '--json',
    );
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.json()).toMatchObject({
      openedOn: '2024-09-02',
      workingDays: 5,
      lastDay: '2024-09-06',
      unitCount: ctx.proposed,
    });
    ctx.noticeId = opened.json().noticeId;

    const early = wengang(
      '2024-09-06',
      'notice',
      'close',
      '--notice',
      String(ctx.noticeId),
      '--user',
      '张三',
      '--role',
      'case_worker',
    );
    expect(early.status).toBe(3);
    expect(early.stderr).toMatch(/2024年9月7日 起方可结束公示/);
    const notYet = wengang('2024-09-06', 'notify', 'send', '--round', '2024', '--json');
    expect(notYet.json().notified).toBe(0); // nothing is notified while the notice runs

    const closed = wengang(
      '2024-09-09',
      'notice',
      'close',
      '--notice',
      String(ctx.noticeId),
      '--user',
      '张三',
      '--role',
      'case_worker',
      '--json',
    );
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

  it('two more units confirm', () => {
    const notices = smsLog().filter((m) => m.key.startsWith('notify:2024:'));
    for (const message of notices.slice(1, 3)) expect(confirmUnit('2024-09-10', message.body).status).toBe(0);
  }, 120_000);

  it('a labour-dispatch unit applies, and its case goes through the same review, 公示 and confirmation', async () => {
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    const candidates = await store.db
      .selectFrom('refund_cases as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select('u.id')
      .where('c.round', '=', '2024')
      .where('u.labor_dispatch', '=', true)
      .where('c.state', '=', 'needs_review')
      .orderBy('u.id')
      .limit(20)
      .execute();
    await store.close();
    for (const { id } of candidates) {
      const preview = wengang(
        '2024-09-10',
        'dispatch',
        'preview',
        '--round',
        '2024',
        '--unit',
        String(id),
        '--stored-placements',
        '--user',
        '张三',
        '--role',
        'case_worker',
        '--json',
      );
      const allocation = preview.status === 0 ? preview.json() : undefined;
      if (allocation?.status === 'eligible' && allocation.allocations.some((a: { role: string }) => a.role === 'user_unit')) {
        ctx.dispatchUnit = id;
        ctx.dispatchAllocations = allocation.allocations.filter((a: { amountFen: number }) => a.amountFen > 0).length;
        break;
      }
    }
    expect(ctx.dispatchUnit, 'an eligible dispatch unit with workers placed at user units').toBeDefined();
    const unit = String(ctx.dispatchUnit);
    const submitted = wengang(
      '2024-09-10',
      'dispatch',
      'submit',
      '--round',
      '2024',
      '--unit',
      unit,
      '--stored-placements',
      '--user',
      '张三',
      '--role',
      'case_worker',
      '--json',
    );
    expect(submitted.status, submitted.stderr).toBe(0);

    const batch = wengang(
      '2024-09-10',
      'review',
      'propose',
      '--round',
      '2024',
      '--unit',
      unit,
      '--user',
      '张三',
      '--role',
      'case_worker',
      '--json',
    ).json().batchId;
    expect(
      wengang('2024-09-11', 'review', 'approve', '--batch', String(batch), '--user', '李四', '--role', 'reviewer').status,
    ).toBe(0);
    const notice = wengang(
      '2024-09-11',
      'notice',
      'open',
      '--round',
      '2024',
      '--batch',
      String(batch),
      '--user',
      '张三',
      '--role',
      'case_worker',
      '--json',
    ).json();
    expect(notice.lastDay).toBe('2024-09-18'); // 09-14 is a make-up working day, 09-15…17 the Mid-Autumn holiday
    expect(
      wengang('2024-09-19', 'notice', 'close', '--notice', String(notice.noticeId), '--user', '张三', '--role', 'case_worker')
        .status,
    ).toBe(0);
    expect(wengang('2024-09-19', 'notify', 'send', '--round', '2024', '--json').json().notified).toBe(1);
    const message = smsLog().find((m) => m.key === `notify:2024:${unit}`)!;
    expect(confirmUnit('2024-09-20', message.body).status).toBe(0);
  }, 180_000);

  it('pays every confirmed recipient exactly once, re-issues a returned payment and reconciles to a balanced ledger', () => {
    const created = wengang('2024-09-23', 'pay', 'create', '--round', '2024', ...FINANCE, '--json');
    expect(created.status, created.stderr).toBe(0);
    expect(created.json().paymentCount).toBe(3 + ctx.dispatchAllocations!);
    expect(wengang('2024-09-23', 'pay', 'create', '--round', '2024', ...FINANCE, '--json').json().paymentCount).toBe(0);
    const payments = wengang('2024-09-23', 'pay', 'list', '--round', '2024', '--json').json();
    const userUnits = payments.filter(
      (p: { unitId: number; role: string }) => p.unitId === ctx.dispatchUnit && p.role === 'user_unit',
    );
    expect(userUnits.length).toBeGreaterThan(0); // dispatched workers' share goes straight to the user units

    const batch = String(wengang('2024-09-23', 'pay', 'propose', '--round', '2024', ...FINANCE, '--json').json().batchId);
    const self = wengang('2024-09-23', 'pay', 'authorise', '--batch', batch, ...FINANCE);
    expect(self.status).toBe(3);
    expect(wengang('2024-09-23', 'pay', 'authorise', '--batch', batch, ...AUTHORISER).status).toBe(0);
    expect(wengang('2024-09-23', 'pay', 'run', '--batch', batch, ...AUTHORISER, '--json').json().remaining).toBe(0);
    const instruction = join(dataDir, 'batch1.csv');
    expect(wengang('2024-09-23', 'bank', 'export', '--batch', batch, '--out', instruction, '--json').status).toBe(0);
    const returnedRef = `${payments[0].id}-1`;
    const answer = wengang('2024-09-25', 'bank', 'import', bankReturn(instruction, [returnedRef]), '--user', '王财务', '--json');
    expect(answer.status, answer.stderr).toBe(0);
    expect(answer.json()).toMatchObject({ returned: 1, paid: payments.length - 1 });

    const correction = wengang(
      '2024-09-26',
      'bank',
      'correct',
      'propose',
      '--payment',
      String(payments[0].id),
      '--account',
      '6222020200112233445',
      '--bank',
      '中国工商银行威海分行',
      '--reason',
      '单位提供新的对公账户',
      ...FINANCE,
      '--json',
    ).json();
    expect(
      wengang('2024-09-26', 'bank', 'correct', 'approve', '--correction', String(correction.correctionId), ...FINANCE).status,
    ).toBe(3);
    expect(
      wengang(
        '2024-09-26',
        'bank',
        'correct',
        'approve',
        '--correction',
        String(correction.correctionId),
        ...AUTHORISER,
        '--json',
      ).json().attempt,
    ).toBe(2);

    const reissue = String(wengang('2024-09-27', 'pay', 'propose', '--round', '2024', ...FINANCE, '--json').json().batchId);
    expect(wengang('2024-09-27', 'pay', 'authorise', '--batch', reissue, ...AUTHORISER).status).toBe(0);
    wengang('2024-09-27', 'pay', 'run', '--batch', reissue, ...AUTHORISER);
    const second = join(dataDir, 'batch2.csv');
    wengang('2024-09-27', 'bank', 'export', '--batch', reissue, '--out', second);
    expect(readFileSync(second, 'utf8')).toContain(`${payments[0].id}-2`);
    expect(wengang('2024-09-29', 'bank', 'import', bankReturn(second, []), '--user', '王财务', '--json').json().paid).toBe(1);

    expect(wengang('2024-09-29', 'reconcile', '--batch', reissue, '--json').json()).toMatchObject({
      balanced: true,
      differences: [],
    });
    const after = wengang('2024-09-29', 'pay', 'list', '--round', '2024', '--json').json();
    expect(after).toHaveLength(payments.length); // re-issued under the same payment, never a new one
    expect(after.every((p: { status: string }) => p.status === 'paid')).toBe(true);
    const ledger = wengang('2024-09-29', 'ledger', 'check', '--json');
    expect(ledger.status, ledger.stdout).toBe(0);
    expect(ledger.json().ok).toBe(true);

    // Every step above left a hash-chained audit entry, and the chain is intact.
    const audit = wengang('2024-09-29', 'audit', 'verify', '--json');
    expect(audit.status, audit.stdout + audit.stderr).toBe(0);
    const opened = wengang('2024-09-29', 'audit', 'search', '--action', 'case.open', '--json');
    expect(opened.stdout).toContain('screening_run:');
  }, 240_000);

  it('leaves no bank account number readable anywhere in the data folder', async () => {
    const store = await openStore({ dataDir: join(dataDir, 'pglite') });
    const accounts = new Set<string>(['6222020200112233445']);
    try {
      const sealed = await sql<{ cipher: Buffer }>`
        SELECT corporate_account_cipher AS cipher FROM units UNION ALL SELECT contribution_account_cipher FROM units
        UNION ALL SELECT account_cipher FROM confirmations UNION ALL SELECT account_cipher FROM payments
        UNION ALL SELECT account_cipher FROM payment_attempts UNION ALL SELECT account_cipher FROM account_corrections
        UNION ALL SELECT bank_account_cipher FROM persons`.execute(store.db);
      for (const { cipher } of sealed.rows) if (cipher) accounts.add(developmentCipher.decrypt(cipher));
    } finally {
      await store.close();
    }
    expect(accounts.size).toBeGreaterThan(4000);
    expect(await numbersInFolder(join(dataDir, 'pglite'), accounts)).toEqual([]);
    // The instruction file is the one place they are written in full: the search would find them there.
    expect((await numbersInFolder(dataDir, accounts)).every((hit) => /batch\d\.csv/.test(hit.file))).toBe(true);
    expect((await numbersInFolder(dataDir, accounts)).length).toBeGreaterThan(0);
  }, 240_000);
});
