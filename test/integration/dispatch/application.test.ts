// A labour-dispatch unit's application (鲁人社发〔2024〕8号 第三条) on both store backends: uploaded placements, the
// allocation by user unit, the case moved to eligible and through the same maker-checker review as screened units.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { previewDispatchApplication } from '../../../src/services/dispatch/decide-application.ts';
import { loadDispatchUpload } from '../../../src/services/dispatch/load-upload.ts';
import { DispatchUploadError } from '../../../src/services/dispatch/read-upload.ts';
import { submitDispatchApplication, withdrawDispatchApplication } from '../../../src/services/dispatch/submit-application.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { startScreeningRun } from '../../../src/services/screening/screening-run.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { proposeBatch } from '../../../src/services/review/propose-batch.ts';
import { approveBatch } from '../../../src/services/review/review-batch.ts';
import {
  contributionsOf,
  DISPATCH_CREDIT_CODE,
  DISPATCH_UNIT_ID,
  idNumberOf,
  insertDispatchUnit,
  insertPersons,
  months,
  userUnitCode,
  writePayments,
  type Contribution,
  writePlacements,
} from '../../support/dispatch-fixtures.ts';
import { testCipher as cipher } from '../../support/sealed-accounts.ts';
import { caseState, ROUND } from '../../support/review-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const maker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员张三' };
const checker: Actor = { kind: 'staff', role: 'reviewer', name: '复核员李四' };
const clock = fixedClock('2024-09-02T09:00:00+08:00');

const JIA = userUnitCode('91371002MA3YH000A');
const YI = userUnitCode('91371002MA3YH000B');
const BING = userUnitCode('12371002MB0000001');

/**
 * Own staff O; A at 甲 (Jan–Jun) then 乙 (Jul–Dec); B at 丙, a public institution; C at 乙 Mar–Aug only; E has
 * contributions but is not in the upload. Contributions outside the base year or paid after it must not count.
 */
const PERSONS = [
  { n: 1, name: '自有甲', contributions: months(1, 6).map((p) => [p, `${p}-15`, 5_000] as [string, string, number]) },
  {
    n: 2,
    name: '派遣乙',
    contributions: [['2022-12', '2023-01-15', 8_001], ...months(1, 12).map((p) => [p, `${p}-15`, 8_001])] as [
      string,
      string,
      number,
    ][],
  },
  { n: 3, name: '派遣丙', contributions: months(1, 12).map((p) => [p, `${p}-15`, 7_000] as [string, string, number]) },
  {
    n: 4,
    name: '派遣丁',
    contributions: [...months(1, 11).map((p) => [p, `${p}-15`, 4_333]), ['2023-12', '2024-01-20', 4_333]] as [
      string,
      string,
      number,
    ][],
  },
  { n: 5, name: '未列人员', contributions: [['2023-05', '2023-05-15', 10_001]] as [string, string, number][] },
];

const PLACEMENTS = [
  [idNumberOf(1), null, '自有甲', '是', null, null, null, null, null],
  [idNumberOf(2), null, '派遣乙', '否', '2023-01', '2023-06', JIA, '威海甲用工有限公司', '企业'],
  [idNumberOf(2), null, '派遣乙', '否', '2023-07', '2023-12', YI, '威海乙用工有限公司', '企业'],
  [idNumberOf(3), null, '派遣丙', '否', '2023-01', '2023-12', BING, '威海市某事业单位', '事业单位'],
  [idNumberOf(4), null, '派遣丁', null, '2023-03', '2023-08', YI, '威海乙用工有限公司', '企业'],
];

/**
 * By hand, 60% (small unit), half-up to the fen:
 * dispatch unit: O 6×5,000 + C's unplaced Jan, Feb, Sep–Nov 5×4,333 + E 10,001 = 61,666 → 36,999.6 → 37,000;
 * 甲: A Jan–Jun 6×8,001 = 48,006 → 28,803.6 → 28,804; 乙: A Jul–Dec 48,006 + C Mar–Aug 6×4,333 = 74,004 → 44,402.4 → 44,402;
 * 丙 (public institution) 12×7,000 = 84,000 not refunded. Total 110,206.
 */
const EXPECTED = [
  { recipient: DISPATCH_CREDIT_CODE, role: 'dispatch_unit', baseFen: 61_666, amountFen: 37_000 },
  { recipient: JIA, role: 'user_unit', baseFen: 48_006, amountFen: 28_804 },
  { recipient: YI, role: 'user_unit', baseFen: 74_004, amountFen: 44_402 },
];
const EXPECTED_TOTAL = 110_206;
const EXPECTED_EXCLUDED = 84_000;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`dispatch applications on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-dispatch-');

    const { withStore } = backend;

    async function upload(store: Store, rows = PLACEMENTS, name?: string) {
      const placementsPath = await writePlacements(folder(), rows, name);
      return loadDispatchUpload(store.db, { round: ROUND, unitId: DISPATCH_UNIT_ID, placementsPath, cipher });
    }

    it('allocates by user unit as the rule does, makes the case eligible and sends it through maker-checker review', async () => {
      await withStore(async (store) => {
        const { db } = store;
        await insertDispatchUnit(store, contributionsOf(PERSONS));
        await insertPersons(store, PERSONS);
        await expect(proposeBatch(db, { round: ROUND, unitIds: [DISPATCH_UNIT_ID], actor: maker, clock })).rejects.toThrow(
          /须主动申请且申请已判定/,
        );

        const { workers } = await upload(store, PLACEMENTS, 'a.xlsx');
        const preview = await previewDispatchApplication(db, { round: ROUND, unitId: DISPATCH_UNIT_ID, workers });
        expect(preview).toMatchObject({
          status: 'eligible',
          amountFen: EXPECTED_TOTAL,
          excludedFen: EXPECTED_EXCLUDED,
          paymentsSource: 'store',
        });
        expect(preview.allocations.map(({ recipientName: _name, ...a }) => a)).toEqual(EXPECTED);
        expect(preview.allocations.find((a) => a.recipient === JIA)?.recipientName).toBe('威海甲用工有限公司');
        expect(await db.selectFrom('dispatch_applications').select('id').execute()).toEqual([]);
        expect((await caseState(db, DISPATCH_UNIT_ID)).state).toBe('needs_review');

        const submitted = await submitDispatchApplication(db, {
          round: ROUND,
          unitId: DISPATCH_UNIT_ID,
          workers,
          actor: maker,
          clock,
        });
        expect(submitted).toMatchObject({ caseState: 'eligible', amountFen: EXPECTED_TOTAL });
        expect(await caseState(db, DISPATCH_UNIT_ID)).toMatchObject({ state: 'eligible', amount_fen: EXPECTED_TOTAL });
        const stored = await db.selectFrom('dispatch_applications').selectAll().executeTakeFirstOrThrow();
        expect(stored).toMatchObject({
          status: 'decided',
          amount_fen: EXPECTED_TOTAL,
          excluded_fen: EXPECTED_EXCLUDED,
          submitted_by: '经办员张三',
        });
        expect(JSON.stringify(stored.workers)).not.toContain(idNumberOf(2));
        const allocations = await db
          .selectFrom('dispatch_allocations')
          .select(['recipient_credit_code', 'role', 'base_fen', 'amount_fen'])
          .where('application_id', '=', stored.id)
          .orderBy('recipient_credit_code')
          .execute();
        expect(
          allocations.map((a) => ({
            recipient: a.recipient_credit_code,
            role: a.role,
            baseFen: a.base_fen,
            amountFen: a.amount_fen,
          })),
        ).toEqual(EXPECTED);
        const decision = await db
          .selectFrom('refund_cases as c')
          .innerJoin('refund_decisions as d', (j) => j.onRef('d.run_id', '=', 'c.run_id').onRef('d.unit_id', '=', 'c.unit_id'))
          .select(['d.status', 'd.amount_fen', 'd.trace'])
          .where('c.unit_id', '=', DISPATCH_UNIT_ID)
          .executeTakeFirstOrThrow();
        expect(decision).toMatchObject({ status: 'eligible', amount_fen: EXPECTED_TOTAL });
        expect(decision.trace?.some((step) => step.step === 'excludedBase' && step.text.includes('840.00'))).toBe(true);

        await expect(
          submitDispatchApplication(db, { round: ROUND, unitId: DISPATCH_UNIT_ID, workers, actor: maker, clock }),
        ).rejects.toThrow(/已有申请.*已判定/);

        // A later screening still says "must apply" for the unit, but its case stands on the decided application.
        await startScreeningRun(store, { round: ROUND, clock, params: loadParameters() });
        expect(await caseState(db, DISPATCH_UNIT_ID)).toMatchObject({ state: 'eligible', amount_fen: EXPECTED_TOTAL });

        const { batchId, totalFen } = await proposeBatch(db, { round: ROUND, unitIds: [DISPATCH_UNIT_ID], actor: maker, clock });
        expect(totalFen).toBe(EXPECTED_TOTAL);
        await expect(approveBatch(db, { batchId, actor: { ...checker, name: maker.name }, clock })).rejects.toThrow(/同一人/);
        await approveBatch(db, { batchId, actor: checker, clock });
        expect((await caseState(db, DISPATCH_UNIT_ID)).state).toBe('approved');
      });
    });

    it('replaces a withdrawn application, and a dispatch unit whose application is decided is found by the filter too', async () => {
      await withStore(async (store) => {
        const { db } = store;
        await insertDispatchUnit(store, contributionsOf(PERSONS));
        await insertPersons(store, PERSONS);
        const { workers } = await upload(store, PLACEMENTS, 'b.xlsx');
        const first = await submitDispatchApplication(db, {
          round: ROUND,
          unitId: DISPATCH_UNIT_ID,
          workers,
          actor: maker,
          clock,
        });
        const withdrawn = await withdrawDispatchApplication(db, {
          applicationId: first.applicationId,
          actor: maker,
          note: '用工单位名称填错',
          clock,
        });
        expect(withdrawn).toMatchObject({ caseState: 'needs_review', amountFen: 0 });
        // Without A's second placement, A's Jul–Dec contributions stay with the dispatch unit: 61,666 + 48,006 = 109,672 → 65,803.2.
        const second = await submitDispatchApplication(db, {
          round: ROUND,
          unitId: DISPATCH_UNIT_ID,
          actor: maker,
          clock,
          workers: (
            await upload(
              store,
              PLACEMENTS.filter((_, i) => i !== 2),
              'c.xlsx',
            )
          ).workers,
        });
        expect(second.allocations.find((a) => a.role === 'dispatch_unit')).toMatchObject({ baseFen: 109_672, amountFen: 65_803 });
        expect(second.amountFen).toBe(65_803 + 28_804 + 15_599);
        expect(await db.selectFrom('dispatch_applications').select(['id', 'status']).orderBy('id').execute()).toEqual([
          { id: first.applicationId, status: 'withdrawn' },
          { id: second.applicationId, status: 'decided' },
        ]);
        const batch = await proposeBatch(db, { round: ROUND, filter: {}, actor: maker, clock });
        expect(batch).toMatchObject({ unitCount: 1, totalFen: second.amountFen });
      });
    });

    it('takes the contributions from an uploaded sheet when the store has none, matching workers by 职工编号', async () => {
      await withStore(async (store) => {
        // E002 (own staff) paid 100.00 元 a month, March's only in January 2024; E001 123.45 元 for February.
        const e002 = months(1, 12).map((p): Contribution => [p, p === '2023-03' ? '2024-01-05' : `${p}-15`, 10_000]);
        await insertDispatchUnit(store, [['2023-02', '2023-02-15', 12_345], ...e002]);
        const placementsPath = await writePlacements(
          folder(),
          [
            [null, 'E001', '王五', '否', '2023-01', '2023-12', JIA, '威海甲用工有限公司', '企业'],
            [null, 'E002', '赵六', '是', null, null, null, null, null],
          ],
          'd.xlsx',
        );
        const paymentsPath = await writePayments(
          folder(),
          [
            [null, 'E001', '2023-02', '2023-02-15', '123.45'],
            ...e002.map(([period, paidOn]) => [null, 'E002', period, paidOn, '100.00']),
          ],
          'd-payments.xlsx',
        );
        await expect(
          loadDispatchUpload(store.db, { round: ROUND, unitId: DISPATCH_UNIT_ID, placementsPath, cipher }),
        ).rejects.toThrow(/请同时上传缴费明细表/);
        const loaded = await loadDispatchUpload(store.db, {
          round: ROUND,
          unitId: DISPATCH_UNIT_ID,
          placementsPath,
          paymentsPath,
          cipher,
        });
        const preview = await previewDispatchApplication(store.db, { round: ROUND, unitId: DISPATCH_UNIT_ID, ...loaded });
        // 12,345 × 60% = 7,407; 11 × 10,000 × 60% = 66,000 (the March contribution paid in 2024 does not count).
        expect(preview.allocations.map((a) => [a.recipient, a.amountFen])).toEqual([
          [DISPATCH_CREDIT_CODE, 66_000],
          [JIA, 7_407],
        ]);
        expect(preview.paymentsSource).toBe('upload');
      });
    });

    it("sends an application whose worker sheet does not add up to the unit's own payments to a reviewer, with nothing allocated", async () => {
      await withStore(async (store) => {
        // The unit paid 12 × 100.00 元 in 2023; the sheet claims 12 × 1,000.00 元 for a worker placed at 甲.
        await insertDispatchUnit(
          store,
          months(1, 12).map((p): Contribution => [p, `${p}-15`, 10_000]),
        );
        const placementsPath = await writePlacements(
          folder(),
          [[null, 'E001', '王五', '否', '2023-01', '2023-12', JIA, '威海甲用工有限公司', '企业']],
          'm.xlsx',
        );
        const paymentsPath = await writePayments(
          folder(),
          months(1, 12).map((p) => [null, 'E001', p, `${p}-15`, '1000.00']),
          'm-payments.xlsx',
        );
        const loaded = await loadDispatchUpload(store.db, {
          round: ROUND,
          unitId: DISPATCH_UNIT_ID,
          placementsPath,
          paymentsPath,
          cipher,
        });
        const preview = await previewDispatchApplication(store.db, { round: ROUND, unitId: DISPATCH_UNIT_ID, ...loaded });
        expect(preview).toMatchObject({ status: 'needs_review', reasons: ['WORKER_PAYMENTS_MISMATCH'], amountFen: 0 });
        expect(preview.allocations.map((a) => [a.recipient, a.baseFen, a.amountFen])).toEqual([[JIA, 1_200_000, 0]]);
        const submitted = await submitDispatchApplication(store.db, {
          round: ROUND,
          unitId: DISPATCH_UNIT_ID,
          ...loaded,
          actor: maker,
          clock,
        });
        expect(submitted).toMatchObject({ caseState: 'needs_review', amountFen: 0 });
        await expect(
          proposeBatch(store.db, { round: ROUND, unitIds: [DISPATCH_UNIT_ID], actor: maker, clock }),
        ).rejects.toThrow();
      });
    });

    it('rejects an upload with a bad ID check character or a placement ending before it starts, with a Chinese report', async () => {
      await withStore(async (store) => {
        await insertDispatchUnit(store, contributionsOf(PERSONS));
        await insertPersons(store, PERSONS);
        const badId = idNumberOf(2).slice(0, 17) + (idNumberOf(2).endsWith('0') ? '1' : '0');
        const rows = [
          PLACEMENTS[0]!,
          [badId, null, '派遣乙', '否', '2023-01', '2023-06', JIA, '威海甲用工有限公司', '企业'],
          [idNumberOf(3), null, '派遣丙', '否', '2023-09', '2023-03', BING, '威海市某事业单位', '事业单位'],
          [idNumberOf(4), null, '派遣丁', '否', '2023-03', '2023-08', null, null, null],
        ];
        const error = await upload(store, rows, 'e.xlsx').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DispatchUploadError);
        const problems = (error as DispatchUploadError).problems;
        expect(problems).toContainEqual(
          expect.objectContaining({ file: '派遣人员表', row: 3, column: '公民身份号码', message: expect.stringMatching(/校验/) }),
        );
        expect(problems).toContainEqual(
          expect.objectContaining({ row: 4, column: '派遣截止年月', message: expect.stringContaining('不能早于派遣起始年月') }),
        );
        expect(problems).toContainEqual(
          expect.objectContaining({ row: 5, column: '用工单位统一社会信用代码', message: expect.stringContaining('须填写') }),
        );
        expect((error as Error).message).toMatch(/未受理/);
        expect(await store.db.selectFrom('dispatch_applications').select('id').execute()).toEqual([]);
      });
    });
  });
}
