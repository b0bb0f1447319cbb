import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { jobRetentionRefundInput, type JobRetentionRefundInput } from '../../../src/policy/job-retention-refund.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { applyCaseTransition } from '../../../src/services/round/case-transitions.ts';
import { decideUnit } from '../../../src/services/screening/decide.ts';
import { diffRuns } from '../../../src/services/screening/run-diff.ts';
import { unitRoundDecision } from '../../../src/services/screening/round-decisions.ts';
import { runSummary } from '../../../src/services/screening/run-summary.ts';
import { resumeScreeningRun, startScreeningRun } from '../../../src/services/screening/screening-run.ts';
import { creditCodeOf, insertFixtureUnits, ROUND_POPULATION } from '../../support/round-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const params = projectParameters();
const clock = fixedClock('2024-08-15T01:00:00Z');
const options = { round: '2024', clock, params, chunkSize: 3 };

/** Periods December 2022 … July 2024: the fixture ledger. */
const PERIODS = Array.from({ length: 20 }, (_, i) => {
  const month = 11 + i;
  return `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
});

/** Unit 6 as the contract describes it, written out from its story rather than read back from the store. */
const unit6Input: JobRetentionRefundInput = {
  id: 6,
  asOf: '2024-08-15',
  unit: {
    creditCode: creditCodeOf(6),
    name: '测试单位6',
    orgType: 'enterprise',
    size: 'large',
    industry: null,
    employees: null,
    revenueWan: null,
    assetsWan: null,
    flags: [],
    laborDispatch: false,
    hasCorporateAccount: true,
  },
  months: PERIODS.map((period) => ({ period, dueFen: 2_000_000 })),
  payments: [
    ...PERIODS.map((period) => ({
      period,
      amountFen: 2_000_000,
      kind: 'contribution' as const,
      paidOn:
        ({ '2022-12': '2023-03-10', '2023-11': '2024-01-10', '2023-12': '2024-01-10' } as Record<string, string>)[period] ??
        `${period}-20`,
    })),
    { period: '2023-11', paidOn: '2024-01-10', amountFen: 12_345, kind: 'late_fee' as const },
  ],
  headcount: { start: 400, end: 398, retiredOrDied: 0 },
};

async function populated(config: Parameters<typeof openStore>[0]): Promise<Store> {
  const store = await openStore(config);
  await insertFixtureUnits(store, ROUND_POPULATION);
  return store;
}

const decisionsOf = (store: Store, runId: number) =>
  store.db
    .selectFrom('refund_decisions')
    .select(['unit_id', 'status', 'amount_fen', 'reasons', 'input_hash', 'pay_to'])
    .where('run_id', '=', runId)
    .orderBy('unit_id')
    .execute();

/** Unit 1's contribution for May 2023 becomes 1 fen: its data no longer match a decision made before. */
const shrinkMayPayment = (store: Store) =>
  store.db.updateTable('unit_payments').set({ amount_fen: 1 }).where('unit_id', '=', 1).where('period', '=', '2023-05').execute();

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`screening runs on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('decides every unit as the rule does and opens a case for each', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        const progress: number[] = [];
        const casesSoFar: number[] = [];
        const outcome = await startScreeningRun(store, {
          ...options,
          onProgress: async (p) => {
            progress.push(p.done);
            casesSoFar.push(
              Number(
                (
                  await store.db
                    .selectFrom('refund_cases')
                    .select((eb) => eb.fn.countAll().as('n'))
                    .executeTakeFirstOrThrow()
                ).n,
              ),
            );
          },
        });
        expect(progress).toEqual([3, 6, 8]);
        // Each chunk's cases are opened with its decisions, not in a pass after the run.
        expect(casesSoFar).toEqual([3, 6, 8]);
        expect(outcome).toMatchObject({ processedUnits: 8, totalUnits: 8, casesOpened: 8, casesRescreened: 0 });

        const decisions = await decisionsOf(store, outcome.runId);
        expect(decisions.map((d) => [d.unit_id, d.status, d.amount_fen, d.reasons])).toEqual([
          [1, 'eligible', 360_000, []],
          [2, 'ineligible', 0, ['LAYOFF_RATE_EXCEEDED']],
          [3, 'needs_review', 0, ['SIZE_UNKNOWN']],
          [4, 'needs_review', 0, ['DISPATCH_MUST_APPLY']],
          [5, 'ineligible', 0, ['ORG_TYPE_NOT_COVERED']],
          [6, 'eligible', 6_000_000, []],
          [7, 'ineligible', 0, ['ZOMBIE_ENTERPRISE']],
          [8, 'eligible', 360_000, []],
        ]);
        expect(decisions.find((d) => d.unit_id === 8)?.pay_to).toBe('contribution_account');

        const unit6 = await decideUnit(store.db, { round: '2024', unitId: 6 });
        const inAnyOrder = (input: JobRetentionRefundInput) => ({
          ...input,
          payments: [...input.payments].sort((a, b) =>
            `${a.period}${a.paidOn}${a.kind}`.localeCompare(`${b.period}${b.paidOn}${b.kind}`),
          ),
        });
        expect(inAnyOrder(jobRetentionRefundInput.parse(unit6.input))).toEqual(inAnyOrder(unit6Input));
        const stored = await store.db
          .selectFrom('refund_decisions')
          .selectAll()
          .where('unit_id', '=', 6)
          .executeTakeFirstOrThrow();
        // Written out from the story: 2023's contributions paid within 2023 are January to October (November and
        // December were paid in January 2024), 10 × 20,000 元; a large enterprise gets 30% of it; all 20 months from
        // December 2022 to July 2024 were paid in full before the screening date.
        expect({
          status: stored.status,
          amount: stored.amount_fen,
          base: stored.base_fen,
          months: stored.full_months,
          trace: stored.trace,
        }).toEqual({ status: 'eligible', amount: 6_000_000, base: 20_000_000, months: 20, trace: null });
        expect(stored.input_hash).toBe(unit6.inputHash);
        // Opening the decision rebuilds the trace the rule gives for the unit's input.
        const opened = await unitRoundDecision(store.db, params, '2024', 6);
        expect(opened).toMatchObject({ status: 'eligible', amountFen: 6_000_000, traceNote: null, inputHash: stored.input_hash });
        const trace = opened!.trace as { step: string; value: unknown; passed?: boolean; text: string }[];
        expect(trace.map((row) => row.step)).toEqual([
          'policyPeriod',
          'orgType',
          'exclusion.serious_dishonesty',
          'exclusion.zombie',
          'exclusion.deregistered',
          'exclusion.bankruptcy',
          'contributionMonthsMode',
          'contributionMonths',
          'layoffMethod',
          'layoffBasis',
          'layoffRate',
          'size',
          'ratio',
          'baseIncludesNextJanuaryPayment',
          'refundBase',
          'payTo',
          'laborDispatch',
          'amount',
        ]);
        expect(trace.filter((row) => row.passed === false)).toEqual([]);
        expect(trace.filter((row) => ['contributionMonths', 'layoffRate', 'refundBase', 'amount'].includes(row.step))).toEqual([
          expect.objectContaining({ value: 20, text: '足额缴费月数 20 ≥ 12（累计），符合' }),
          expect.objectContaining({ value: '0.005', text: '裁员率 0.5% ≤ 5.5%（裁员 2 人／基数 400 人），符合' }),
          expect.objectContaining({
            value: 20_000_000,
            text:
              '返还基数（2023年度所属期且于2023年内实际缴纳的失业保险费）200,000.00 元，未计入2023年内补缴以前年度欠费 ' +
              '20,000.00 元、2023年度费款于2024年及以后补缴 40,000.00 元，符合',
          }),
          expect.objectContaining({ value: 6_000_000, text: '返还金额 = 200,000.00 元 × 30% = 60,000.00 元' }),
        ]);

        const cases = await store.db
          .selectFrom('refund_cases')
          .select(['unit_id', 'state', 'amount_fen', 'run_id'])
          .orderBy('unit_id')
          .execute();
        expect(cases.map((c) => [c.unit_id, c.state, c.amount_fen])).toEqual(
          decisions.map((d) => [d.unit_id, d.status, d.amount_fen]),
        );
        expect(
          await store.db.selectFrom('refund_case_events').select(['action', 'to_state']).where('unit_id', '=', 3).execute(),
        ).toEqual([{ action: 'screen', to_state: 'needs_review' }]);
        const run = await store.db.selectFrom('screening_runs').selectAll().executeTakeFirstOrThrow();
        expect(run).toMatchObject({ status: 'completed', processed_units: 8, cursor_unit_id: 8, policy_version: params.version });
        expect(run.finished_at).toEqual(clock.now());
      } finally {
        await store.close();
      }
    });

    it('says so in Chinese, with the stored figures, when a decision is opened after its data or parameters changed', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        await startScreeningRun(store, options);
        await shrinkMayPayment(store);
        const changed = await unitRoundDecision(store.db, params, '2024', 1);
        expect(changed).toMatchObject({
          status: 'eligible',
          amountFen: 360_000,
          fullMonths: expect.any(Number),
          trace: null,
          traceNote: expect.stringContaining('该单位的数据自作出结论以来已有变更（输入指纹不一致），无法重建当时的计算过程'),
        });
        expect(changed!.traceNote).toContain('数据自作出结论以来已有变更');

        const otherVersion = Object.create(params, { version: { value: `${params.version}-next` } }) as typeof params;
        const other = await unitRoundDecision(store.db, otherVersion, '2024', 2);
        expect(other).toMatchObject({ status: 'ineligible', trace: null });
        expect(other!.traceNote).toContain(`参数版本 ${params.version} 作出`);
        expect((await unitRoundDecision(store.db, params, '2024', 2))!.trace!.length).toBeGreaterThan(5);
      } finally {
        await store.close();
      }
    });

    it("rebuilds a trace behind a hash of the figures layout before f2 only when today's data give the stored decision", async () => {
      const store = await populated(await backend.freshConfig());
      try {
        const first = await startScreeningRun(store, options);
        // Decisions stored before 2026-12-06 carry a bare sha256 of the figures as they were then laid out.
        await store.db
          .updateTable('refund_decisions')
          .set((eb) => ({ input_hash: eb.fn('substr', [eb.ref('input_hash'), eb.val(4)]) }))
          .where('run_id', '=', first.runId)
          .execute();
        const unchanged = await unitRoundDecision(store.db, params, '2024', 6);
        expect(unchanged).toMatchObject({ status: 'eligible', amountFen: 6_000_000 });
        expect(unchanged!.trace!.length).toBeGreaterThan(5);
        expect(unchanged!.traceNote).toContain('结论、金额和各项数值均与保存的一致');

        await shrinkMayPayment(store);
        const changed = await unitRoundDecision(store.db, params, '2024', 1);
        expect(changed).toMatchObject({ status: 'eligible', amountFen: 360_000, trace: null });
        expect(changed!.traceNote).toContain('按现有数据重新计算的结果与保存的不一致');

        // The earlier hash cannot show the data unchanged: every case still at the screening stage follows the new run.
        const again = await startScreeningRun(store, options);
        expect(again.casesRescreened).toBe(8);
        expect(await unitRoundDecision(store.db, params, '2024', 6)).toMatchObject({ amountFen: 6_000_000, traceNote: null });
        expect(await startScreeningRun(store, options)).toMatchObject({ casesRescreened: 0 });
      } finally {
        await store.close();
      }
    });

    it('takes a unit first insured during the base year from its first month, and its retirements from the whole year', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        await store.db.deleteFrom('unit_headcounts').where('unit_id', '=', 2).where('period', '<', '2023-04').execute();
        await store.db
          .updateTable('unit_headcounts')
          .set({ insured_count: 90 })
          .where('unit_id', '=', 2)
          .where('period', '=', '2023-04')
          .execute();
        await store.db
          .updateTable('unit_headcounts')
          .set({ natural_attrition: 3 })
          .where('unit_id', '=', 2)
          .where('period', '=', '2023-09')
          .execute();
        const { input, decision } = await decideUnit(store.db, { round: '2024', unitId: 2 });
        expect(input.headcount).toEqual({ start: 0, end: 80, retiredOrDied: 5, firstInsuredMonth: 90 });
        expect(decision).toMatchObject({ layoffs: 5, layoffRate: '0.0556' });
      } finally {
        await store.close();
      }
    });

    it('resumes an interrupted run to the same decisions as an uninterrupted one, none twice', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        const whole = await startScreeningRun(store, options);
        const stop = new Error('操作员中断');
        await expect(
          startScreeningRun(store, {
            ...options,
            onProgress: () => {
              throw stop;
            },
          }),
        ).rejects.toBe(stop);
        const interrupted = await store.db
          .selectFrom('screening_runs')
          .selectAll()
          .where('id', '!=', whole.runId)
          .executeTakeFirstOrThrow();
        expect(interrupted).toMatchObject({ status: 'failed', processed_units: 3, cursor_unit_id: 3 });

        const resumed = await resumeScreeningRun(store, interrupted.id, options);
        expect(resumed).toMatchObject({ processedUnits: 8, casesOpened: 0, casesRescreened: 0 });
        const strip = (rows: Awaited<ReturnType<typeof decisionsOf>>) =>
          rows.map(({ unit_id, status, amount_fen, input_hash }) => ({ unit_id, status, amount_fen, input_hash }));
        expect(strip(await decisionsOf(store, interrupted.id))).toEqual(strip(await decisionsOf(store, whole.runId)));
        await expect(resumeScreeningRun(store, interrupted.id, options)).rejects.toThrow(/已完成/);
      } finally {
        await store.close();
      }
    });

    it('re-runs reproducibly, and a diff shows exactly the unit whose data changed and why', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        const first = await startScreeningRun(store, options);
        const again = await startScreeningRun(store, options);
        expect(again.casesRescreened).toBe(0);
        expect(await decisionsOf(store, again.runId)).toEqual(await decisionsOf(store, first.runId));
        expect(await diffRuns(store.db, first.runId, again.runId)).toMatchObject({ changed: [], onlyInA: [], onlyInB: [] });

        await store.db
          .insertInto('decision_overrides')
          .values({
            round: '2024',
            unit_id: 3,
            field: 'unit.size',
            value: JSON.stringify('micro'),
            note: '营业执照核实为微型企业',
            entered_by: '王经办',
          })
          .execute();
        const resolved = await decideUnit(store.db, { round: '2024', unitId: 3 });
        expect(resolved.decision).toMatchObject({ status: 'eligible', amountFen: 360_000 });

        const third = await startScreeningRun(store, options);
        expect(third.casesRescreened).toBe(1);
        const diff = await diffRuns(store.db, first.runId, third.runId);
        expect(diff.changed).toHaveLength(1);
        expect(diff.changed[0]).toMatchObject({
          unitId: 3,
          before: { status: 'needs_review', amountFen: 0 },
          after: { status: 'eligible', amountFen: 360_000, amountYuan: '3,600.00' },
          reasonsAdded: [],
          reasonsRemoved: ['SIZE_UNKNOWN'],
        });
        expect(diff.changed[0]!.changedSteps.map((s) => s.step)).toContain('size');
        const case3 = await store.db.selectFrom('refund_cases').selectAll().where('unit_id', '=', 3).executeTakeFirstOrThrow();
        expect(case3).toMatchObject({ state: 'eligible', amount_fen: 360_000, run_id: third.runId, version: 2 });
        const unchanged = await store.db
          .selectFrom('refund_cases')
          .select('run_id')
          .where('unit_id', '=', 1)
          .executeTakeFirstOrThrow();
        expect(unchanged.run_id).toBe(first.runId);
      } finally {
        await store.close();
      }
    });

    it('never touches a case already proposed, and lists it in the summary', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        const first = await startScreeningRun(store, options);
        await store.db.transaction().execute((trx) =>
          applyCaseTransition(trx, {
            round: '2024',
            unitId: 1,
            action: 'propose',
            actor: { kind: 'staff', role: 'case_worker', name: '王经办' },
          }),
        );
        await store.db
          .insertInto('unit_flags')
          .values({ unit_id: 1, flag: 'serious_dishonesty', from_date: '2024-05-01' })
          .execute();
        const second = await startScreeningRun(store, options);
        expect(second.casesRescreened).toBe(0);
        expect((await diffRuns(store.db, first.runId, second.runId)).changed.map((c) => c.unitId)).toEqual([1]);
        expect(
          await store.db
            .selectFrom('refund_cases')
            .select(['state', 'amount_fen', 'run_id'])
            .where('unit_id', '=', 1)
            .executeTakeFirstOrThrow(),
        ).toEqual({ state: 'proposed', amount_fen: 360_000, run_id: first.runId });
        const summary = await runSummary(store.db, second.runId);
        expect(summary.laterStage).toEqual({
          label: '已在后续环节，未变更',
          count: 1,
          units: [{ unitId: 1, state: 'proposed', stateLabel: '已提交复核' }],
        });
      } finally {
        await store.close();
      }
    });

    it('sums a run by status, region, size and reason, and screens one region alone', async () => {
      const store = await populated(await backend.freshConfig());
      try {
        const all = await startScreeningRun(store, options);
        const summary = await runSummary(store.db, all.runId);
        expect(summary.total).toEqual({ key: 'total', label: '合计', units: 8, amountFen: 6_720_000, amountYuan: '67,200.00' });
        expect(summary.byStatus.map((t) => [t.key, t.label, t.units, t.amountFen])).toEqual([
          ['eligible', '符合条件', 3, 6_720_000],
          ['ineligible', '不符合条件', 3, 0],
          ['needs_review', '待人工复核', 2, 0],
        ]);
        expect(summary.byRegion.map((t) => [t.key, t.label, t.units, t.amountYuan])).toEqual([
          ['371002', '环翠区', 5, '3,600.00'],
          ['371082', '荣成市', 3, '63,600.00'],
        ]);
        expect(summary.bySize.find((t) => t.key === 'large')).toMatchObject({ units: 1, amountFen: 6_000_000 });
        expect(summary.byReason.map((t) => [t.key, t.units])).toEqual([
          ['DISPATCH_MUST_APPLY', 1],
          ['LAYOFF_RATE_EXCEEDED', 1],
          ['ORG_TYPE_NOT_COVERED', 1],
          ['SIZE_UNKNOWN', 1],
          ['ZOMBIE_ENTERPRISE', 1],
        ]);

        const regional = await startScreeningRun(store, { ...options, region: '371082' });
        expect(regional).toMatchObject({ totalUnits: 3, processedUnits: 3 });
        expect((await decisionsOf(store, regional.runId)).map((d) => d.unit_id)).toEqual([6, 7, 8]);
        const city = await startScreeningRun(store, { ...options, region: '371000' });
        expect(city.totalUnits).toBe(8);
      } finally {
        await store.close();
      }
    });
  });
}
