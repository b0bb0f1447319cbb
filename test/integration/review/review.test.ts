// Maker-checker review of refund cases on both store backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { approveBatch, returnBatch } from '../../../src/services/review/review-batch.ts';
import { caseHistory } from '../../../src/services/review/case-history.ts';
import { proposeBatch } from '../../../src/services/review/propose-batch.ts';
import { resolveCase } from '../../../src/services/review/resolve-case.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { caseState, insertCleanLedger, insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';

const maker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员张三' };
const checker: Actor = { kind: 'staff', role: 'reviewer', name: '复核员李四' };
const clock = fixedClock('2024-09-02T09:00:00+08:00');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`review (maker-checker) on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    const { withStore } = backend;

    it('proposes the eligible cases as a batch with their count and total', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const a = await insertUnitWithCase(db, run, { name: '威海甲有限公司' }, { state: 'eligible', amountFen: 100_050 });
        const b = await insertUnitWithCase(db, run, { name: '威海乙有限公司' }, { state: 'eligible', amountFen: 20_000 });
        const batch = await proposeBatch(db, { round: ROUND, unitIds: [a.id, b.id], actor: maker, note: '第一批', clock });
        expect(batch).toMatchObject({ unitCount: 2, totalFen: 120_050 });
        const stored = await db
          .selectFrom('review_batches')
          .selectAll()
          .where('id', '=', batch.batchId)
          .executeTakeFirstOrThrow();
        expect(stored).toMatchObject({ status: 'proposed', unit_count: 2, total_fen: 120_050, proposed_by: '经办员张三' });
        expect(await caseState(db, a.id)).toMatchObject({ state: 'proposed', batch_id: batch.batchId });
      });
    });

    it('selects by region and maximum amount, leaving dispatch units and other cases out', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const small = await insertUnitWithCase(db, run, { name: '环翠小额公司' }, { state: 'eligible', amountFen: 5_000 });
        const large = await insertUnitWithCase(db, run, { name: '环翠大额公司' }, { state: 'eligible', amountFen: 900_000 });
        const elsewhere = await insertUnitWithCase(
          db,
          run,
          { name: '荣成公司', regionCode: '371082' },
          { state: 'eligible', amountFen: 5_000 },
        );
        const dispatch = await insertUnitWithCase(
          db,
          run,
          { name: '派遣公司', laborDispatch: true },
          { state: 'needs_review', amountFen: 0 },
        );
        const batch = await proposeBatch(db, {
          round: ROUND,
          filter: { regionCode: '371002', maxAmountFen: 10_000 },
          actor: maker,
          clock,
        });
        expect(batch.unitCount).toBe(1);
        expect((await caseState(db, small.id)).state).toBe('proposed');
        for (const other of [large, elsewhere, dispatch]) expect((await caseState(db, other.id)).batch_id).toBeNull();
        // A city code covers its districts and county-level cities.
        const city = await proposeBatch(db, { round: ROUND, filter: { regionCode: '371000' }, actor: maker, clock });
        expect(city.unitCount).toBe(2);
      });
    });

    it('refuses dispatch units and cases that are not eligible, naming them, and changes nothing', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const ok = await insertUnitWithCase(db, run, { name: '正常公司' }, { state: 'eligible', amountFen: 5_000 });
        const dispatch = await insertUnitWithCase(
          db,
          run,
          { name: '某劳务派遣公司', laborDispatch: true },
          { state: 'needs_review', amountFen: 0 },
        );
        const pending = await insertUnitWithCase(
          db,
          run,
          { name: '待补录公司', size: null },
          { state: 'needs_review', amountFen: 0 },
        );
        await expect(proposeBatch(db, { round: ROUND, unitIds: [ok.id, dispatch.id], actor: maker, clock })).rejects.toThrow(
          /劳务派遣.*某劳务派遣公司/,
        );
        await expect(proposeBatch(db, { round: ROUND, unitIds: [ok.id, pending.id], actor: maker, clock })).rejects.toThrow(
          /待补录公司（待人工复核）/,
        );
        expect((await caseState(db, ok.id)).state).toBe('eligible');
        expect(await db.selectFrom('review_batches').select('id').execute()).toEqual([]);
      });
    });

    it('never lets the proposer approve their own batch, in the service or in the database', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const unit = await insertUnitWithCase(db, run, { name: '自审公司' }, { state: 'eligible', amountFen: 5_000 });
        const { batchId } = await proposeBatch(db, { round: ROUND, unitIds: [unit.id], actor: maker, clock });
        const sameNameReviewer: Actor = { kind: 'staff', role: 'reviewer', name: '经办员张三' };
        await expect(approveBatch(db, { batchId, actor: sameNameReviewer, clock })).rejects.toThrow('复核人不能与提交人为同一人');
        await expect(
          db
            .updateTable('review_batches')
            .set({ status: 'approved', reviewed_by: '经办员张三' })
            .where('id', '=', batchId)
            .execute(),
        ).rejects.toMatchObject({ code: '23514' });
        expect((await caseState(db, unit.id)).state).toBe('proposed');

        await approveBatch(db, { batchId, actor: checker, clock });
        expect((await caseState(db, unit.id)).state).toBe('approved');
        const batch = await db.selectFrom('review_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
        expect(batch).toMatchObject({ status: 'approved', reviewed_by: '复核员李四' });
        await expect(approveBatch(db, { batchId, actor: checker, clock })).rejects.toThrow('不能再次复核');
      });
    });

    it('returns a batch only with a note, sending its cases back to review', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const unit = await insertUnitWithCase(db, run, { name: '退回公司' }, { state: 'eligible', amountFen: 5_000 });
        const { batchId } = await proposeBatch(db, { round: ROUND, unitIds: [unit.id], actor: maker, clock });
        await expect(returnBatch(db, { batchId, actor: checker, note: '  ', clock })).rejects.toThrow('须填写退回意见');
        expect((await caseState(db, unit.id)).state).toBe('proposed');
        await returnBatch(db, { batchId, actor: checker, note: '缴费记录需核实', clock });
        expect((await caseState(db, unit.id)).state).toBe('needs_review');
        const last = (await caseHistory(db, ROUND, unit.id)).at(-1)!;
        expect(last).toMatchObject({
          action: 'return',
          fromState: 'proposed',
          toState: 'needs_review',
          actor: '复核员李四',
          note: '缴费记录需核实',
        });
        expect(await db.selectFrom('review_batches').select(['status', 'review_note']).executeTakeFirstOrThrow()).toEqual({
          status: 'returned',
          review_note: '缴费记录需核实',
        });
      });
    });

    it('resolves a missing size: the unit is decided again, becomes eligible at 60%, and before/after are recorded', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const unit = await insertUnitWithCase(
          db,
          run,
          { name: '规模不明公司', size: null },
          { state: 'needs_review', amountFen: 0, size: null },
        );
        await insertCleanLedger(db, unit.id, 12_345);
        await expect(
          resolveCase(db, { round: ROUND, unitId: unit.id, actor: maker, overrides: { 'unit.size': 'small' }, note: ' ', clock }),
        ).rejects.toThrow('须填写说明');
        const resolved = await resolveCase(db, {
          round: ROUND,
          unitId: unit.id,
          actor: maker,
          overrides: { 'unit.size': 'small' },
          note: '据市场监管部门登记信息补录',
          clock,
        });
        // 第二条: SMEs get back 60% of what they paid for 2023 (12 months × 123.45 元 = 1,481.40 元 → 888.84 元).
        expect(resolved).toMatchObject({ state: 'eligible', amountFen: 88_884 });
        expect(await caseState(db, unit.id)).toMatchObject({ state: 'eligible', amount_fen: 88_884 });

        const manualRun = await db
          .selectFrom('screening_runs')
          .selectAll()
          .where('id', '=', resolved.runId)
          .executeTakeFirstOrThrow();
        expect(manualRun).toMatchObject({ created_by: '经办员张三', status: 'completed', total_units: 1 });
        const decision = await db
          .selectFrom('refund_decisions')
          .selectAll()
          .where('run_id', '=', resolved.runId)
          .executeTakeFirstOrThrow();
        expect(decision).toMatchObject({
          unit_id: unit.id,
          status: 'eligible',
          amount_fen: 88_884,
          size: 'small',
          ratio_bp: 6000,
        });
        expect(await db.selectFrom('decision_overrides').select(['field', 'value', 'entered_by']).execute()).toEqual([
          { field: 'unit.size', value: 'small', entered_by: '经办员张三' },
        ]);

        const event = (await caseHistory(db, ROUND, unit.id)).at(-1)!;
        expect(event).toMatchObject({
          action: 'resolve',
          fromState: 'needs_review',
          toState: 'eligible',
          actor: '经办员张三',
          before: { state: 'needs_review', amount_fen: 0, run_id: run },
          after: { state: 'eligible', amount_fen: 88_884, run_id: resolved.runId },
        });
        expect(event.note).toContain('unit.size');
        expect(event.note).toContain('据市场监管部门登记信息补录');
      });
    });

    it('refuses an override of a field that is not unit or headcount data', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const unit = await insertUnitWithCase(db, run, { name: '乱填公司', size: null }, { state: 'needs_review', amountFen: 0 });
        await expect(
          resolveCase(db, {
            round: ROUND,
            unitId: unit.id,
            actor: maker,
            overrides: { 'unit.sise': 'small' },
            note: '补录',
            clock,
          }),
        ).rejects.toThrow('不能人工补录的字段：unit.sise');
      });
    });

    it('keeps the history of a case: who did what, when, in order', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const unit = await insertUnitWithCase(db, run, { name: '历史公司' }, { state: 'eligible', amountFen: 5_000 });
        const { batchId } = await proposeBatch(db, { round: ROUND, unitIds: [unit.id], actor: maker, note: '提交', clock });
        await approveBatch(db, { batchId, actor: checker, clock });
        const history = await caseHistory(db, ROUND, unit.id);
        expect(history.map((e) => [e.action, e.fromState, e.toState, e.actor])).toEqual([
          ['propose', 'eligible', 'proposed', '经办员张三'],
          ['approve', 'proposed', 'approved', '复核员李四'],
        ]);
        expect(history[0]!.at.toISOString()).toBe('2024-09-02T01:00:00.000Z');
        expect(history[0]!.after).toMatchObject({ batch_id: batchId });
      });
    });
  });
}
