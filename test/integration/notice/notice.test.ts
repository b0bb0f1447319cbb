// 公示 of approved cases on both store backends: the period on the Chinese working-day calendar, objections, closing,
// and nothing moving on to notification before the notice closes.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseWorkingDays } from '../../../src/adapters/calendar/chinese-working-days.ts';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { TransitionError, type Actor } from '../../../src/domain/refund-case.ts';
import { closeDueNotices, closeNotice } from '../../../src/services/notice/close-notice.ts';
import { exportNoticeXlsx } from '../../../src/services/notice/export-notice.ts';
import { listNotices, noticeItems } from '../../../src/services/notice/list-notices.ts';
import { openNotice } from '../../../src/services/notice/open-notice.ts';
import { recordObjection } from '../../../src/services/notice/record-objection.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { approveBatch } from '../../../src/services/review/review-batch.ts';
import { proposeBatch } from '../../../src/services/review/propose-batch.ts';
import { applyCaseTransition } from '../../../src/services/round/case-transitions.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { caseState, insertRun, insertUnitWithCase, ROUND } from '../../support/review-fixtures.ts';

const maker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员张三' };
const checker: Actor = { kind: 'staff', role: 'reviewer', name: '复核员李四' };
/** 2024-09-27 (Friday) in Shanghai: the 5 working days are 09-27, 09-29 (make-up Sunday), 09-30, 10-08, 10-09. */
const OPENED = '2024-09-27T10:00:00+08:00';

async function approvedBatch(store: Store, units: { name: string; amountFen: number; layoffRate?: string }[]) {
  const clock = fixedClock('2024-09-20T09:00:00+08:00');
  const run = await insertRun(store.db);
  const ids = [];
  for (const u of units)
    ids.push(
      (
        await insertUnitWithCase(
          store.db,
          run,
          { name: u.name },
          { state: 'eligible', amountFen: u.amountFen, layoffRate: u.layoffRate },
        )
      ).id,
    );
  const { batchId } = await proposeBatch(store.db, { round: ROUND, unitIds: ids, actor: maker, clock });
  await approveBatch(store.db, { batchId, actor: checker, clock });
  return { batchId, ids };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`公示 on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    const { withStore } = backend;

    it('runs 5 working days over the National Day holiday and closes only after the last one', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const { batchId, ids } = await approvedBatch(store, [{ name: '威海甲有限公司', amountFen: 88_884 }]);
        const clock = fixedClock(OPENED);
        const opened = await openNotice(db, {
          round: ROUND,
          batchIds: [batchId],
          actor: maker,
          clock,
          calendar: chineseWorkingDays,
          title: '稳岗返还公示（第一批）',
        });
        expect(opened).toMatchObject({ openedOn: '2024-09-27', workingDays: 5, lastDay: '2024-10-09', unitCount: 1 });
        expect(await caseState(db, ids[0]!)).toMatchObject({ state: 'in_notice', notice_id: opened.noticeId });

        clock.set('2024-10-09T23:30:00+08:00');
        await expect(closeNotice(db, { noticeId: opened.noticeId, actor: maker, clock })).rejects.toThrow(
          '2024年10月10日 起方可结束公示',
        );
        expect((await caseState(db, ids[0]!)).state).toBe('in_notice');

        clock.set('2024-10-10T08:00:00+08:00');
        expect(await closeNotice(db, { noticeId: opened.noticeId, actor: maker, clock })).toEqual({
          noticeId: opened.noticeId,
          passedCount: 1,
        });
        expect((await caseState(db, ids[0]!)).state).toBe('notice_passed');
        const [notice] = await listNotices(db, { round: ROUND });
        expect(notice).toMatchObject({ status: 'closed', closedBy: '经办员张三', unitCount: 1, totalFen: 88_884 });
      });
    });

    it('publishes only approved batches', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const run = await insertRun(db);
        const unit = await insertUnitWithCase(db, run, { name: '未复核公司' }, { state: 'eligible', amountFen: 1_000 });
        const { batchId } = await proposeBatch(db, { round: ROUND, unitIds: [unit.id], actor: maker, clock: fixedClock(OPENED) });
        await expect(
          openNotice(db, {
            round: ROUND,
            batchIds: [batchId],
            actor: maker,
            clock: fixedClock(OPENED),
            calendar: chineseWorkingDays,
          }),
        ).rejects.toThrow('只有复核通过的批次才能公示');
        expect(await listNotices(db)).toEqual([]);
      });
    });

    it('takes an objection during the period, sends the unit back to review, and refuses one afterwards', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const {
          batchId,
          ids: [first, second],
        } = await approvedBatch(store, [
          { name: '被异议公司', amountFen: 10_000 },
          { name: '无异议公司', amountFen: 20_000 },
        ]);
        const clock = fixedClock(OPENED);
        const { noticeId } = await openNotice(db, {
          round: ROUND,
          batchIds: [batchId],
          actor: maker,
          clock,
          calendar: chineseWorkingDays,
        });

        clock.set('2024-10-09T17:00:00+08:00');
        await recordObjection(db, { noticeId, unitId: first!, content: '群众反映该单位2023年有大规模裁员', actor: maker, clock });
        expect((await caseState(db, first!)).state).toBe('needs_review');
        expect((await noticeItems(db, noticeId)).map((i) => i.unitName)).toEqual(['无异议公司']);
        expect((await noticeItems(db, noticeId, { includeWithdrawn: true })).find((i) => i.unitId === first)?.withdrawn).toBe(
          true,
        );

        clock.set('2024-10-10T09:00:00+08:00');
        await expect(
          recordObjection(db, { noticeId, unitId: second!, content: '逾期异议', actor: maker, clock }),
        ).rejects.toThrow('公示期已于 2024年10月9日 结束');
        expect((await caseState(db, second!)).state).toBe('in_notice');
        expect(await db.selectFrom('notice_objections').select(['unit_id', 'recorded_by']).execute()).toEqual([
          { unit_id: first, recorded_by: '经办员张三' },
        ]);

        await closeNotice(db, { noticeId, actor: checker, clock });
        expect((await caseState(db, second!)).state).toBe('notice_passed');
        expect((await caseState(db, first!)).state).toBe('needs_review');
      });
    });

    it('lets nothing move to notified before the notice closes', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const {
          batchId,
          ids: [unitId],
        } = await approvedBatch(store, [{ name: '等待告知公司', amountFen: 10_000 }]);
        const clock = fixedClock(OPENED);
        await openNotice(db, { round: ROUND, batchIds: [batchId], actor: maker, clock, calendar: chineseWorkingDays });
        const notify = () =>
          db
            .transaction()
            .execute((trx) =>
              applyCaseTransition(trx, { round: ROUND, unitId: unitId!, action: 'notify', actor: { kind: 'system' } }),
            );
        await expect(notify()).rejects.toBeInstanceOf(TransitionError);
        expect((await caseState(db, unitId!)).state).toBe('in_notice');

        clock.set('2024-10-10T00:05:00+08:00');
        expect(await closeDueNotices(db, clock)).toHaveLength(1);
        await expect(notify()).resolves.toBe('notified');
      });
    });

    it('closes only the notices that are due', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const early = await approvedBatch(store, [{ name: '早公示公司', amountFen: 1_000 }]);
        const late = await approvedBatch(store, [{ name: '晚公示公司', amountFen: 2_000 }]);
        const clock = fixedClock('2024-09-02T09:00:00+08:00');
        const first = await openNotice(db, {
          round: ROUND,
          batchIds: [early.batchId],
          actor: maker,
          clock,
          calendar: chineseWorkingDays,
        });
        clock.set('2024-09-06T09:00:00+08:00');
        await openNotice(db, { round: ROUND, batchIds: [late.batchId], actor: maker, clock, calendar: chineseWorkingDays });
        clock.set('2024-09-09T09:00:00+08:00');
        expect(await closeDueNotices(db, clock)).toEqual([{ noticeId: first.noticeId, passedCount: 1 }]);
        expect((await listNotices(db)).map((n) => n.status)).toEqual(['open', 'closed']);
      });
    });

    it('exports the list as an .xlsx with a title row and Chinese headers', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const { batchId } = await approvedBatch(store, [
          { name: '威海甲有限公司', amountFen: 123_456_78, layoffRate: '0.0425' },
          { name: '威海乙有限公司', amountFen: 5, layoffRate: '0' },
        ]);
        const { noticeId } = await openNotice(db, {
          round: ROUND,
          batchIds: [batchId],
          actor: maker,
          clock: fixedClock(OPENED),
          calendar: chineseWorkingDays,
          title: '稳岗返还拟返还名单',
        });
        const dir = await mkdtemp(join(tmpdir(), 'wengang-notice-'));
        try {
          const path = join(dir, '公示.xlsx');
          expect(await exportNoticeXlsx(db, noticeId, path)).toBe(2);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.readFile(path);
          const sheet = workbook.worksheets[0]!;
          const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
          expect(String(values(1)[0])).toBe('稳岗返还拟返还名单（公示期：2024年9月27日至2024年10月9日）');
          expect(values(2)).toEqual(['单位名称', '统一社会信用代码', '裁员率', '拟返还金额（元）']);
          expect(values(3)).toEqual(['威海甲有限公司', expect.stringMatching(/^913710\*{8}\d{3}X$/), '4.25%', '123,456.78']);
          expect(values(4)).toEqual(['威海乙有限公司', expect.stringMatching(/^913710\*{8}\d{3}X$/), '0%', '0.05']);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
