// A risk run goes rule by rule on both store backends: it reports its progress after each rule, and a run broken off
// part-way keeps the hits of the rules it finished and is resumed with only the rules it had not done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { resumeRiskRun, runRiskRules, type RiskRunProgress } from '../../../src/services/risk/run-rules.ts';
import { AS_OF, CITY, clock, paidTwiceByTwoDistricts, system } from '../../support/risk-fixtures.ts';
import { testCipher } from '../../support/sms-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const context = { parameters: projectParameters(), cipher: testCipher, actor: system, clock };
const only = ['duplicate_payment_across_districts', 'shared_bank_account'] as const;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`risk run progress on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('reports each rule as it is done and resumes a broken-off run with the rules left', async () => {
      await backend.withStore(async ({ db }) => {
        const [, second] = await paidTwiceByTwoDistricts(db);
        const progress: RiskRunProgress[] = [];
        const broken = runRiskRules(db, {
          ...context,
          cityCode: CITY,
          asOf: AS_OF,
          only,
          onProgress: (p) => {
            progress.push(p);
            throw new Error('interrupted');
          },
        });
        await expect(broken).rejects.toThrow('interrupted');
        const run = await db.selectFrom('risk_runs').selectAll().executeTakeFirstOrThrow();
        expect(run.finished_at).toBeNull();
        expect(run.rules_done).toEqual(['duplicate_payment_across_districts']);
        const kept = await db.selectFrom('risk_hits').select(['payment_id', 'run_id']).execute();
        expect(kept).toEqual([{ payment_id: second, run_id: run.id }]);

        const result = await resumeRiskRun(db, run.id, { ...context, onProgress: (p) => progress.push(p) });
        expect(progress.map((p) => [p.code, p.done, p.total])).toEqual([
          ['duplicate_payment_across_districts', 1, 2],
          ['shared_bank_account', 2, 2],
        ]);
        expect(result.rules.find((r) => r.code === 'duplicate_payment_across_districts')?.newHits).toBe(1);
        const finished = await db.selectFrom('risk_runs').selectAll().where('id', '=', run.id).executeTakeFirstOrThrow();
        expect(finished.finished_at).not.toBeNull();
        expect(finished.hit_count).toBe(result.newHits);
        const audit = await db.selectFrom('audit_log').select('subject').where('action', '=', 'risk_run.complete').execute();
        expect(audit).toEqual([{ subject: `risk_run:${run.id}` }]);
        await expect(resumeRiskRun(db, run.id, context)).rejects.toThrow('已完成');
      });
    });
  });
}
