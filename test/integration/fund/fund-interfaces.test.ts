// `wengang fund` in-process against a store named by the environment, and the fund API through Fastify's inject:
// the register kept by two people, a refusal over the cap in Chinese (exit code 3 / HTTP 409), --json output.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, storeConfigFromEnv } from '../../../src/adapters/store/open-store.ts';
import { runFund } from '../../../src/cli/commands/fund.ts';
import { fundRoutes } from '../../../src/server/routes/fund.ts';
import { fundReportRoutes } from '../../../src/server/routes/fund-reports.ts';
import { xlsxRows } from '../../support/export-cells.ts';
import { clock, params } from '../../support/fund-fixtures.ts';
import { runCommand } from '../../support/run-command.ts';
import { securedApp, staffCaller } from '../../support/staff-session.ts';
import { commandEnvFor, storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const MAKER = ['--user', '财务王五', '--role', 'finance'];
const CHECKER = ['--user', '复核员赵六', '--role', 'reviewer'];
const WEIHAI = ['--region', '371000'];

const run = (args: string[]) => runCommand(runFund, args);
const json = async (args: string[]) => JSON.parse((await run([...args, '--json'])).out);

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`fund command and API on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-fund-cli-');
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    // Each command opens the store afresh (a PGlite copy takes a second or two), so this test takes a while on PGlite.
    it(
      'keeps the register from the command line: balance, filing reviewed by another, commitments, a refusal, spending',
      { timeout: 240_000 },
      async () => {
        const config = await backend.freshConfig();
        await (await openStore(config)).close();
        const env = await commandEnvFor(config);
        vi.stubEnv('DATABASE_URL', env.DATABASE_URL);
        vi.stubEnv('WENGANG_DATA', env.WENGANG_DATA);
        vi.stubEnv('WENGANG_NOW', '2024-09-02');

        expect((await run(['budget', ...WEIHAI, '--balance-fen', '200000000', ...MAKER])).out).toContain(
          '威海市（371000，市级）2024 年度：封定历史结余 2,000,000.00 元，额度 300,000.00 元',
        );
        const plan = await json(['plan', ...WEIHAI, '--filed-on', '2024-08-20', '--document', '威人社字〔2024〕60号', ...MAKER]);
        await expect(
          runFund(['approve-plan', ...WEIHAI, '--plan', String(plan.id), '--user', '财务王五', '--role', 'reviewer']),
        ).rejects.toMatchObject({ zh: expect.stringContaining('双人复核'), exitCode: 3 });
        expect((await run(['approve-plan', ...WEIHAI, '--plan', String(plan.id), ...CHECKER])).out).toContain(
          '已备案（复核 复核员赵六）',
        );
        const first = await json([
          'commit',
          ...WEIHAI,
          '--item',
          'vocational_training',
          '--amount-fen',
          '25000000',
          '--description',
          '2024年第一期职业培训',
          ...MAKER,
        ]);
        expect(first).toMatchObject({
          committedFen: 25_000_000,
          remainingFen: 5_000_000,
          commitment: { committedOn: '2024-09-02' },
        });
        await expect(
          runFund(['commit', ...WEIHAI, '--item', 'job', '--amount-fen', '5000001', '--description', '岗位补贴', ...MAKER]),
        ).rejects.toMatchObject({ zh: expect.stringContaining('不得超过额度 300,000.00 元'), exitCode: 3 });
        await expect(
          runFund([
            'commit',
            ...WEIHAI,
            '--item',
            'job',
            '--amount-fen',
            '100',
            '--description',
            '岗位补贴',
            '--user',
            '经办员',
            '--role',
            'case_worker',
          ]),
        ).rejects.toMatchObject({ zh: expect.stringContaining('只有财务人员'), exitCode: 3 });
        expect(
          (await run(['spend', ...WEIHAI, '--commitment', String(first.commitment.id), '--spent-fen', '24000000', ...MAKER])).out,
        ).toContain('已支出试点支出承诺');
        const shown = (await run(['show', ...WEIHAI])).out;
        expect(shown).toContain('职业培训补贴：未支出承诺 0.00 元，已支出 240,000.00 元');
        expect(shown).toContain('剩余额度 60,000.00 元');
        const out = join(folder(), 'report.xlsx');
        expect((await run(['report', ...WEIHAI, '--month', '2024-09', '--out', out])).out).toContain(
          '已生成 威海市 2024-09 失业保险基金月报',
        );
        expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK');
        const WORKER = ['--user', '经办员张三', '--role', 'case_worker'];
        const reported = await json([
          'incident',
          '--region',
          '371002',
          '--category',
          'mass_event',
          '--occurred-at',
          '2024-09-01T10:00:00+08:00',
          '--description',
          '部分单位集中反映返还未到账',
          ...WORKER,
        ]);
        expect(reported).toMatchObject({ regionName: '环翠区', categoryLabel: '群体性事件' });
        expect(
          (
            await run([
              'incident',
              '--region',
              '371002',
              '--category',
              'mass_event',
              '--occurred-at',
              '2024-09-01T10:00:00+08:00',
              '--description',
              '已逐户解释，情绪平稳',
              '--corrects',
              String(reported.id),
              ...WORKER,
            ])
          ).out,
        ).toContain('已登记要情报告');
        expect((await run(['incidents', '--region', '371000'])).out).toContain(`（更正 #${reported.id}）：已逐户解释，情绪平稳`);
        const incidentsFile = join(folder(), 'incidents.xlsx');
        await expect(runFund(['incidents', '--region', '371000', '--out', incidentsFile])).rejects.toMatchObject({
          zh: '请用 --user 指定经办人',
        });
        expect((await run(['incidents', '--region', '371000', '--out', incidentsFile, ...WORKER])).out.trim()).toBe(
          `已导出要情报告 2 条：${incidentsFile}`,
        );
        // Newest first, as the console lists them: the correction above the entry it corrects.
        const exported = await xlsxRows(incidentsFile);
        expect(exported.map((row) => row.slice(2, 5))).toEqual([
          ['地区', '类别', '要情内容'],
          ['环翠区', '群体性事件', '已逐户解释，情绪平稳'],
          ['环翠区', '群体性事件', '部分单位集中反映返还未到账'],
        ]);
        const store = await openStore(storeConfigFromEnv(process.env));
        try {
          const audited = await store.db
            .selectFrom('audit_log')
            .select(['actor', 'subject'])
            .where('action', '=', 'data.export')
            .execute();
          expect(audited).toEqual([{ actor: expect.stringContaining('经办员张三'), subject: 'fund_incidents:371000' }]);
        } finally {
          await store.close();
        }
        expect(await json(['list'])).toEqual([
          expect.objectContaining({ regionCode: '371000', committedFen: 24_000_000, spentFen: 24_000_000 }),
        ]);
        const monitored = (await run(['monitor', ...WEIHAI, '--from', '2024-09', '--to', '2024-09'])).out;
        expect(monitored).toContain('2024-09：收入 0.00 元，支出 240,000.00 元，结余 1,760,000.00 元，可支付 66 个月');
        expect(monitored).toContain('预警（地区支出骤增）：威海市 2024-09 支出 240,000.00 元，较上月 0.00 元增幅超过 50%');
      },
    );

    it('serves the register over HTTP to finance, the reviewer and the auditor, and refuses over the cap with 409', async () => {
      const store = await openStore(await backend.freshConfig());
      const app = await securedApp(store, clock, [
        [fundRoutes, { store, clock, params }],
        [fundReportRoutes, { store, clock, params }],
      ]);
      try {
        const finance = await staffCaller(store.db, clock, { username: 'wangwu', displayName: '财务王五', roles: ['finance'] });
        const reviewer = await staffCaller(store.db, clock, {
          username: 'zhaoliu',
          displayName: '复核员赵六',
          roles: ['reviewer'],
        });
        const auditor = await staffCaller(store.db, clock, { username: 'sunqi', displayName: '审计员孙七', roles: ['auditor'] });
        const post = async (who: typeof finance, url: string, payload: object) =>
          app.inject({ method: 'POST', url, payload, headers: await who.headers() });
        const base = '/api/v1/fund/pilot/371000/2024';

        expect(
          (await post(finance, '/api/v1/fund/pilot', { regionCode: '371000', year: 2024, sealedBalanceFen: 1_000_000 })).json(),
        ).toMatchObject({ capFen: 150_000 });
        const early = await post(finance, `${base}/commitments`, { item: 'job', amountFen: 100, description: '岗位补贴' });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.message).toContain('实施方案已向省人力资源社会保障厅、省财政厅备案，不符合');
        const plan = (await post(finance, `${base}/plans`, { filedOn: '2024-08-01', documentNo: '威人社字〔2024〕52号' })).json();
        expect((await post(reviewer, `${base}/plans/${plan.id}/reject`, {})).statusCode).toBe(400);
        expect((await post(reviewer, `${base}/plans/${plan.id}/approve`, {})).json()).toMatchObject({
          status: 'reviewed',
          reviewedBy: reviewer.name,
        });
        expect(
          (await post(finance, `${base}/commitments`, { item: 'job', amountFen: 150_000, description: '岗位补贴' })).statusCode,
        ).toBe(201);
        const over = await post(finance, `${base}/commitments`, {
          item: 'skill_evaluation',
          amountFen: 1,
          description: '技能评价',
        });
        expect(over.statusCode).toBe(409);
        expect(over.json().error.message).toContain('不得超过额度 1,500.00 元');

        const register = await app.inject({ method: 'GET', url: base, headers: await auditor.headers() });
        expect(register.json()).toMatchObject({
          planFiled: true,
          budget: { committedFen: 150_000, remainingFen: 0 },
          commitments: [{ amountFen: 150_000 }],
        });
        expect(
          (await app.inject({ method: 'GET', url: '/api/v1/fund/pilot/371002/2024', headers: await auditor.headers() }))
            .statusCode,
        ).toBe(404);
        const monitoring = await app.inject({
          method: 'GET',
          url: '/api/v1/fund/monitoring/371000?from=2024-01&to=2024-02',
          headers: await reviewer.headers(),
        });
        expect(monitoring.json()).toMatchObject({
          regionName: '威海市',
          sealed: { balanceFen: 1_000_000 },
          months: [{ period: '2024-01', balanceFen: 1_000_000 }, { period: '2024-02' }],
        });
        expect(
          (
            await app.inject({
              method: 'GET',
              url: '/api/v1/fund/monitoring/371000?from=2024-03&to=2024-02',
              headers: await reviewer.headers(),
            })
          ).statusCode,
        ).toBe(400);
        const report = await app.inject({
          method: 'GET',
          url: '/api/v1/fund/reports/371000/2024-08',
          headers: await auditor.headers(),
        });
        expect(report.statusCode).toBe(200);
        expect(report.headers['content-disposition']).toContain(encodeURIComponent('威海市失业保险基金月报-2024-08.xlsx'));
        expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}
