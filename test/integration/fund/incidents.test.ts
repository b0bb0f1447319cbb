// Major incident reports (要情报告, 鲁人社发〔2024〕8号 第八条) on both store backends: recorded with an audit entry in the
// same transaction; never changed or deleted (the database refuses, in Chinese); a correction is a new entry naming the
// one it corrects; the list covers the region and those below it; the export opens with the entries.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { exportIncidents, listIncidents, recordIncident } from '../../../src/services/fund/incidents.ts';
import { clock } from '../../support/fund-fixtures.ts';
import { storeBackends, suiteWithFolder } from '../../support/store-backends.ts';

const worker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员张三' };
const auditor: Actor = { kind: 'staff', role: 'auditor', name: '审计员吴九' };

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`incident reports on ${backend.name}`, () => {
    const folder = suiteWithFolder(backend, 'wengang-incidents-');
    const { withStore } = backend;

    it('appends audited entries, refuses changes and deletions, records corrections as new entries and exports them', async () => {
      await withStore(async (store) => {
        const { db } = store;
        const first = await recordIncident(db, {
          occurredAt: '2024-08-10T09:30:00+08:00',
          regionCode: '371002',
          category: 'fund_security',
          description: '发现一笔疑似冒领稳岗返还资金',
          followUp: '已暂停支付并核查',
          actor: worker,
          clock,
        });
        const correction = await recordIncident(db, {
          occurredAt: '2024-08-10T09:30:00+08:00',
          regionCode: '371002',
          category: 'fund_security',
          description: '经核查为单位账户信息错误，非冒领',
          correctsId: first.id,
          actor: worker,
          clock,
        });
        await recordIncident(db, {
          occurredAt: '2024-08-12T15:00:00+08:00',
          regionCode: '371003',
          category: 'public_opinion',
          description: '网络反映返还到账慢',
          actor: worker,
          clock,
        });
        await expect(
          recordIncident(db, {
            occurredAt: '2024-08-12T15:00:00+08:00',
            regionCode: '371003',
            category: 'other',
            description: '审计员不应登记',
            actor: auditor,
            clock,
          }),
        ).rejects.toThrow('只有经办员、复核员或财务人员');
        await expect(
          recordIncident(db, {
            occurredAt: '2024-09-30T00:00:00+08:00',
            regionCode: '371003',
            category: 'other',
            description: '未来',
            actor: worker,
            clock,
          }),
        ).rejects.toThrow('发生时间不能晚于现在');

        await expect(
          db.updateTable('fund_incidents').set({ description: '改写' }).where('id', '=', first.id).execute(),
        ).rejects.toThrow('要情报告只能追加');
        await expect(db.deleteFrom('fund_incidents').where('id', '=', first.id).execute()).rejects.toThrow('要情报告只能追加');

        expect(correction).toMatchObject({ correctsId: first.id, categoryLabel: '基金安全', regionName: '环翠区' });
        const huancui = await listIncidents(db, { regionCode: '371002' });
        expect(huancui.map((i) => i.id)).toEqual([correction.id, first.id]);
        expect(await listIncidents(db, { regionCode: '371000' })).toHaveLength(3);
        const audit = await db.selectFrom('audit_log').select(['action', 'subject']).orderBy('seq').execute();
        expect(audit).toEqual(
          [first, correction]
            .map((i) => ({ action: 'fund_incident.record', subject: `fund_incident:${i.id}` }))
            .concat([expect.objectContaining({ action: 'fund_incident.record' })]),
        );

        const path = join(folder(), 'incidents.xlsx');
        expect(await exportIncidents(db, { regionCode: '371000' }, path)).toBe(3);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        const sheet = workbook.getWorksheet('要情报告')!;
        expect(sheet.getRow(1).getCell(5).value).toBe('要情内容');
        const descriptions = [2, 3, 4].map((n) => sheet.getRow(n).getCell(5).value);
        expect(descriptions).toEqual(['网络反映返还到账慢', '经核查为单位账户信息错误，非冒领', '发现一笔疑似冒领稳岗返还资金']);
        expect(sheet.getRow(3).getCell(7).value).toBe(first.id);
      });
    });
  });
}
