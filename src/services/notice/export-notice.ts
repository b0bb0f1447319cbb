// The notice as an .xlsx for posting or archiving: a title row, then 单位名称 / 统一社会信用代码 / 裁员率 / 拟返还金额（元）.
import type { Kysely } from 'kysely';
import { writeXlsx, type ExportCell } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { formatChineseDate } from '../../policy/core/dates.ts';
import { formatYuan } from '../../policy/core/money.ts';
import { getNotice, layoffRatePercent, noticeItems } from './list-notices.ts';

export const NOTICE_XLSX_HEADERS = ['单位名称', '统一社会信用代码', '裁员率', '拟返还金额（元）'] as const;

/** Writes the units still listed on the notice; returns how many were written. */
export async function exportNoticeXlsx(db: Kysely<Database>, noticeId: number, path: string): Promise<number> {
  const notice = await getNotice(db, noticeId);
  const items = await noticeItems(db, noticeId);
  const title = `${notice.title}（公示期：${formatChineseDate(notice.openedOn)}至${formatChineseDate(notice.lastDay)}）`;
  // writeXlsx puts its header row first; the title takes that row and the column headers follow in bold.
  const rows: ExportCell[][] = [
    [...NOTICE_XLSX_HEADERS],
    ...items.map((i) => [i.unitName, i.creditCodeMasked, layoffRatePercent(i.layoffRate), formatYuan(i.amountFen)]),
  ];
  await writeXlsx(path, [
    {
      name: '公示名单',
      columns: [
        { header: title, width: 44 },
        { header: '', width: 24, text: true },
        { header: '', width: 10 },
        { header: '', width: 18 },
      ],
      rows,
      firstRowFont: { bold: true },
    },
  ]);
  return items.length;
}
