// `wengang reform` run in process against a store named by the environment, as a policy officer would run it: define a
// reform from a YAML file (a second save is a new version), compare the versions, run one against the stored
// population, read and export its impact, and write it out as parameter files for review — the running parameters
// stay as they were.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { runReform } from '../../../src/cli/commands/reform.ts';
import { generateIntoStore } from '../../../src/demo/generate/generate-into-store.ts';
import { runCommand } from '../../support/run-command.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { commandEnvFor, storeBackends } from '../../support/store-backends.ts';

const OFFICER = ['--user', '经办员张三', '--role', 'case_worker'];
const json = async (args: string[]) => JSON.parse((await runCommand(runReform, [...args, '--json'])).out);

const reformYaml = (percentBp: number) => `name: 中小微企业返还比例调整
description: 测算中小微企业返还比例下调的影响
changes:
  - rule: job-retention-refund
    key: smeRatioBp
    from: 2024-01-01
    to: 2024-12-31
    value: ${percentBp}
    legalBasis: 省人社厅拟调整稳岗返还比例（征求意见稿）
`;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`wengang reform on ${backend.name}`, () => {
    let dir: string;
    beforeAll(async () => {
      await backend.setup();
      const config = await backend.freshConfig();
      const store = await openStore(config);
      const params = projectParameters();
      await generateIntoStore(store, {
        scale: { units: 80, regions: 'weihai', people: { unitShare: 0 } },
        seed: 5,
        cipher: testCipher,
        params,
      });
      await store.close();
      const env = await commandEnvFor(config);
      vi.stubEnv('DATABASE_URL', env.DATABASE_URL);
      vi.stubEnv('WENGANG_DATA', env.WENGANG_DATA);
      vi.stubEnv('WENGANG_NOW', '2024-08-20');
      dir = await mkdtemp(join(tmpdir(), 'wengang-reform-'));
    }, 180_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      if (dir) await rm(dir, { recursive: true, force: true });
      await backend.teardown();
    });

    it('defines two versions, compares them, runs one, exports its impact and its parameter change', async () => {
      const file = join(dir, 'reform.yaml');
      await writeFile(file, reformYaml(5000), 'utf8');
      const first = await json(['save', '--file', file, ...OFFICER]);
      expect(first).toMatchObject({ name: '中小微企业返还比例调整', version: 1, createdBy: '经办员张三' });
      await writeFile(file, reformYaml(4500), 'utf8');
      const second = await json(['save', '--file', file, ...OFFICER]);
      expect(second).toMatchObject({ name: '中小微企业返还比例调整', version: 2 });

      const listed = await runCommand(runReform, ['list']);
      expect(listed.out).toContain(`方案 #${first.id}「中小微企业返还比例调整」第 1 版（经办员张三）`);
      expect(listed.out).toContain('job-retention-refund.smeRatioBp：2024-01-01 至 2024-12-31 取值 4500');

      const compared = await runCommand(runReform, ['compare', '--id', String(first.id), '--with', String(second.id)]);
      expect(compared.out.trim()).toBe(
        'job-retention-refund.smeRatioBp：2024-01-01～2024-12-31 5000 → 2024-01-01～2024-12-31 4500',
      );

      const ran = await json(['run', '--id', String(first.id), ...OFFICER]);
      expect(ran).toMatchObject({
        status: 'completed',
        totalUnits: 80,
        processedUnits: 80,
        reform: { id: first.id, version: 1 },
      });
      const total = ran.tally.total;
      expect(total.units).toBe(80);
      expect(total.reformFen).toBeLessThan(total.baselineFen);
      const shown = await runCommand(runReform, ['result', '--run', String(ran.id)]);
      expect(shown.out).toContain(
        `测算 #${ran.id}：方案「中小微企业返还比例调整」第 1 版，2024 年度，测算日期 2024-08-15，已完成`,
      );
      expect(shown.out).toContain(`结论或金额变化 ${total.changed} 个`);

      const xlsx = join(dir, 'impact.xlsx');
      expect((await runCommand(runReform, ['xlsx', '--run', String(ran.id), '--out', xlsx])).out).toContain(`已导出 ${xlsx}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      expect(workbook.worksheets.length).toBeGreaterThan(1);

      const out = join(dir, 'changes');
      const written = await json(['export', '--id', String(second.id), '--out', out]);
      expect(written).toEqual([join(out, 'job-retention-refund.yaml')]);
      const exported = parse(await readFile(written[0], 'utf8'));
      expect(exported.parameters.smeRatioBp.values).toContainEqual({
        from: '2024-01-01',
        to: '2024-12-31',
        value: 4500,
        legalBasis: '省人社厅拟调整稳岗返还比例（征求意见稿）',
      });
      // Promotion is the reviewed change of that file; the running parameters are untouched by the export.
      const inForce = projectParameters()
        .definition('job-retention-refund', 'smeRatioBp')
        .values.filter((v) => v.from <= '2024-08-15' && (v.to === null || v.to >= '2024-08-15'));
      expect(inForce.map((v) => v.value)).toEqual([6000]);
    }, 120_000);

    it('refuses a reform without a legal basis at export, and an unknown parameter at save, in Chinese', async () => {
      const file = join(dir, 'bad.yaml');
      await writeFile(file, reformYaml(5000).replace(/\n\s+legalBasis:.*\n/, '\n'), 'utf8');
      const saved = await json(['save', '--file', file, ...OFFICER]);
      await expect(runReform(['export', '--id', String(saved.id), '--out', join(dir, 'x')])).rejects.toMatchObject({
        zh: expect.stringContaining('没有填写法律依据'),
        exitCode: 3,
      });
      await writeFile(file, reformYaml(5000).replace('smeRatioBp', 'noSuchKey'), 'utf8');
      await expect(runReform(['save', '--file', file, ...OFFICER])).rejects.toMatchObject({ exitCode: 3 });
    }, 60_000);
  });
}
