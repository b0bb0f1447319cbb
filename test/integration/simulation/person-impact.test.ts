// A what-if run reaches persons too, on both store backends: skill-subsidy applications re-decided from the input
// rebuilt from the store, unemployment-benefit claims from the input each keeps. A reform of one certificate level's
// amount moves exactly that level's grants by the difference; a reform of the monthly benefit moves every eligible
// claim by its months; a reform that changes nothing moves nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { importedCertificateRegistry } from '../../../src/adapters/registry/imported-certificate-registry.ts';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { benefitParameters } from '../../../src/policy/unemployment-benefit.ts';
import { skillSubsidyParameters } from '../../../src/policy/skill-subsidy.ts';
import { impactLines } from '../../../src/cli/commands/reform.ts';
import { exportImpactXlsx } from '../../../src/services/simulation/impact-export.ts';
import { impactRun } from '../../../src/services/simulation/impact-read.ts';
import { runImpact } from '../../../src/services/simulation/impact-run.ts';
import { saveReform } from '../../../src/services/simulation/reforms.ts';
import { applyForSkillSubsidy } from '../../../src/services/skill-subsidy/apply.ts';
import { approvedClaim, insertClaimant } from '../../support/benefit-fixtures.ts';
import { idNumberFor } from '../../support/import-fixtures.ts';
import { testCipher } from '../../support/person-fixtures.ts';
import { insertCertificateHolder } from '../../support/skill-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const params = projectParameters();
const clock = fixedClock('2024-09-10T10:00:00+08:00');
const caseWorker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员甲' };
const YEAR = { from: '2024-01-01', to: '2024-12-31' } as const;
const amounts = params.at(skillSubsidyParameters, 'amountByLevel', '2024-09-10')!.value;
const monthly = params.at(benefitParameters, 'monthlyBenefitFen', '2024-06-05')!.value;

/** Two level-4 and one level-5 applicant, each applying with their certificate; one approved benefit claim. */
async function applicants(store: Store): Promise<number> {
  const registry = importedCertificateRegistry(store.db, testCipher);
  const holders = [
    await insertCertificateHolder(store.db, { idNumber: idNumberFor(901), issueDate: '2024-08-01', level: 4 }),
    await insertCertificateHolder(store.db, { idNumber: idNumberFor(902), issueDate: '2024-08-02', level: 4 }),
    await insertCertificateHolder(store.db, { idNumber: idNumberFor(903), issueDate: '2024-08-03', level: 5 }),
  ];
  for (const h of holders) {
    const submitted = await applyForSkillSubsidy(store.db, {
      certificateNumber: h.certificateNumber,
      channel: 'case_worker',
      by: '经办员甲',
      registry,
      cipher: testCipher,
      params,
      clock,
    });
    expect(submitted).toMatchObject({ status: 'eligible', reasons: [] });
  }
  const claimId = await approvedClaim(store.db, await insertClaimant(store.db, { months: 36 }));
  const claim = await store.db
    .selectFrom('benefit_claims')
    .select('max_months')
    .where('id', '=', claimId)
    .executeTakeFirstOrThrow();
  return claim.max_months;
}

async function run(store: Store, name: string, changes: { rule: string; key: string; value: unknown }[]) {
  const saved = await saveReform(store.db, params, {
    reform: { name, changes: changes.map((c) => ({ ...c, ...YEAR })) },
    actor: caseWorker,
    clock,
  });
  const { runId, tally } = await runImpact(store, params, {
    reformId: saved.id,
    round: '2024',
    actor: caseWorker,
    clock,
    cipher: testCipher,
  });
  return { runId, persons: tally.persons! };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`what-if runs over claims and applications on ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());
    it('moves exactly the level-4 grants by the new amount, every claim by its months, and nothing for an unchanged reform', async () => {
      await backend.withStore(async (store) => {
        const maxMonths = await applicants(store);
        const raised = 180_000;

        const skill = await run(store, '中级证书补贴1800元', [
          { rule: 'skill-subsidy', key: 'amountByLevel', value: { ...amounts, 4: raised } },
        ]);
        const level4 = skill.persons.skillLevel['4']!;
        expect(level4).toMatchObject({ units: 2, baselineEligible: 2, reformEligible: 2, changed: 2 });
        expect(level4.reformFen - level4.baselineFen).toBe(2 * (raised - amounts[4]!));
        expect(skill.persons.skillLevel['5']).toMatchObject({ units: 1, changed: 0, baselineFen: amounts[5] });
        expect(skill.persons.skill.reformFen - skill.persons.skill.baselineFen).toBe(2 * (raised - amounts[4]!));
        expect(skill.persons.benefit).toMatchObject({ units: 1, changed: 0, baselineFen: monthly * maxMonths });
        const audit = await store.db
          .selectFrom('audit_log')
          .select('detail')
          .where('action', '=', 'simulation.read_id_numbers')
          .where('subject', '=', `simulation_run:${skill.runId}`)
          .execute();
        expect(audit).toHaveLength(1);

        // The same difference as the console prints it and in the workbook's row of 中级 certificates (增减 column).
        const difference = `${(2 * (raised - amounts[4]!)) / 100}.00`;
        const lines = impactLines(await impactRun(store.db, params, skill.runId));
        expect(lines).toContain(`其中中级工（四级）：+${difference} 元，变化 2 件`);
        const dir = await mkdtemp(join(tmpdir(), 'wengang-person-impact-'));
        try {
          await exportImpactXlsx(store.db, params, skill.runId, join(dir, 'impact.xlsx'));
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(join(dir, 'impact.xlsx'));
          const sheet = workbook.getWorksheet('失业保险金与技能补贴')!;
          const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
          expect(rows.find((r) => String(r[1]).includes('中级'))?.[7]).toBe(difference);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }

        const benefit = await run(store, '失业保险金月标准提高100元', [
          { rule: 'unemployment-benefit', key: 'monthlyBenefitFen', value: monthly + 10_000 },
        ]);
        expect(benefit.persons.benefit).toMatchObject({ units: 1, changed: 1, newlyEligiblePeople: 0 });
        expect(benefit.persons.benefit.reformFen - benefit.persons.benefit.baselineFen).toBe(10_000 * maxMonths);
        expect(benefit.persons.skill.changed).toBe(0);

        const same = await run(store, '不调整', [{ rule: 'skill-subsidy', key: 'amountByLevel', value: amounts }]);
        for (const bucket of [same.persons.skill, same.persons.benefit, ...Object.values(same.persons.skillLevel)]) {
          expect(bucket.changed).toBe(0);
          expect(bucket.reformFen).toBe(bucket.baselineFen);
          expect(bucket.newlyEligible + bucket.noLongerEligible).toBe(0);
        }
        expect(same.persons.skill.baselineEligible).toBe(3);
      });
    }, 120_000);
  });
}
