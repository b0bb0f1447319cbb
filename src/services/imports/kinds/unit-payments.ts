// 单位缴费流水: each payment with its receipt number, the month it pays for, the date paid, the amount and whether it
// is a contribution or a late fee (late fees never count toward the refund base, 鲁人社发〔2024〕8号 第二条).
// Natural key: unit, 缴费流水号.
import { amountYuan, date, defineImportSpec, enumOf, period, text } from '../../../adapters/files/column-spec.ts';
import type { PaymentKind } from '../../../adapters/store/schema.ts';
import { unitOf, type ImportKind } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE } from './columns.ts';
import { PAYMENT_KIND_LABELS } from './labels.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface UnitPaymentRow {
  creditCode: string;
  receiptNo: string;
  period: string;
  paidOn: string;
  amountFen: number;
  kind: PaymentKind;
}

export const unitPaymentsKind: ImportKind<UnitPaymentRow> = {
  description: '每笔缴费的流水号、所属期、缴费日期、金额，以及缴费或滞纳金',
  spec: defineImportSpec<UnitPaymentRow>({
    kind: 'unit-payments',
    title: importKindLabels['unit-payments'],
    columns: {
      creditCode: { header: '统一社会信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      receiptNo: { header: '缴费流水号', required: true, example: 'JF202307150001', ...text({ maxLength: 64 }) },
      period: { header: '费款所属期', required: true, example: '2023-06', ...period() },
      paidOn: { header: '缴费日期', required: true, example: '2023-07-15', ...date() },
      amountFen: { header: '金额（元）', required: true, example: '3,456.78', ...amountYuan() },
      kind: { header: '类型', required: true, example: '缴费', ...enumOf(PAYMENT_KIND_LABELS) },
    },
  }),
  references: [{ to: 'unit', column: 'creditCode', mustExist: true }],
  naturalKey: ['creditCode', 'receiptNo'],
  target: {
    table: 'unit_payments',
    columns: ['unit_id', 'receipt_no', 'period', 'paid_on', 'amount_fen', 'kind', 'region_code'],
    key: ['unit_id', 'receipt_no'],
    audit: 'none',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const unit = unitOf(refs, row.creditCode);
    return [unit.id, row.receiptNo, row.period, row.paidOn, row.amountFen, row.kind, unit.regionCode];
  },
};
