// 失业保险关系转入: transfer records received from another place (鲁人社发〔2024〕8号 第七条 转移接续), in the layout
// docs/TRANSFERS.md describes and `wengang benefit transfer-export` writes. A claim here then uses the carried-over
// months. Natural key: person, transfer date.
import { date, defineImportSpec, integer, text } from '../../../adapters/files/column-spec.ts';
import { personOf, type ImportKind } from '../import-kind.ts';
import { EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';

export interface TransferRow {
  idNumber: string;
  name: string | null;
  from: string;
  to: string | null;
  transferredOn: string;
  insuredMonths: number;
  usedMonths: number;
  remainingMonths: number;
}

/** The columns of a transfer file, in order: written on export, read on import. */
export const transferHeaders = [
  '公民身份号码',
  '姓名',
  '转出地',
  '转入地',
  '转移日期',
  '累计缴费月数',
  '已领取失业保险金月数',
  '剩余可领取月数',
] as const;

export const benefitTransfersKind: ImportKind<TransferRow> = {
  description: '失业保险关系转入记录（外地转出、本地接续）',
  spec: defineImportSpec<TransferRow>({
    kind: 'benefit-transfers',
    title: '失业保险关系转移',
    columns: {
      idNumber: { header: transferHeaders[0], required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      name: { header: transferHeaders[1], required: false, example: '张三', ...text({ maxLength: 64 }) },
      from: { header: transferHeaders[2], required: true, example: '济南市', ...text({ maxLength: 64 }) },
      to: { header: transferHeaders[3], required: false, example: '威海市', ...text({ maxLength: 64 }) },
      transferredOn: { header: transferHeaders[4], required: true, example: '2024-06-20', ...date() },
      insuredMonths: { header: transferHeaders[5], required: true, example: '70', ...integer({ min: 0, max: 1200 }) },
      usedMonths: { header: transferHeaders[6], required: true, example: '5', ...integer({ min: 0, max: 24 }) },
      remainingMonths: { header: transferHeaders[7], required: true, example: '13', ...integer({ min: 0, max: 24 }) },
    },
  }),
  references: [{ to: 'person', column: 'idNumber', mustExist: true }],
  naturalKey: ['idNumber', 'transferredOn'],
  target: {
    table: 'benefit_transfers',
    columns: [
      'direction',
      'person_id',
      'counterpart',
      'transferred_on',
      'insured_months',
      'used_months',
      'remaining_months',
      'region_code',
    ],
    key: ['person_id', 'direction', 'transferred_on'],
    audit: 'created',
    mode: 'upsert',
  },
  checkRow(row) {
    return row.usedMonths + row.remainingMonths > 24
      ? [{ column: 'remainingMonths', message: '已领取与剩余月数合计不能超过24个月' }]
      : [];
  },
  toCells(row, refs) {
    const person = personOf(refs, row.idNumber);
    return [
      'in',
      person.id,
      row.from,
      row.transferredOn,
      row.insuredMonths,
      row.usedMonths,
      row.remainingMonths,
      person.regionCode,
    ];
  },
};
