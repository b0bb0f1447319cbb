// The bank's return file (回单文件), CSV or XLSX: one line per payment line of an instruction file with what the bank
// did with it. Read through src/adapters/files/read-table.ts with this spec.
import { amountYuan, defineImportSpec, enumOf, text, type FieldParser } from '../files/column-spec.ts';

export type BankOutcome = 'paid' | 'failed' | 'returned';

export interface ReturnLine {
  paymentId: number;
  attempt: number;
  amountFen: number;
  outcome: BankOutcome;
  bankReference: string | null;
  bankReason: string | null;
}

export interface ReturnRow {
  reference: { paymentId: number; attempt: number };
  amountFen: number;
  outcome: BankOutcome;
  bankReference: string | null;
  bankReason: string | null;
}

export { bankOutcomeLabels as outcomeLabels } from '../../domain/vocabulary/payments.ts';

function reference(): FieldParser<{ paymentId: number; attempt: number }> {
  return {
    hint: '付款指令文件中的付款流水号，如 1024-1',
    parse(raw) {
      const m = /^([1-9]\d{0,14})-([1-9]\d{0,3})$/.exec(raw);
      return m
        ? { value: { paymentId: Number(m[1]), attempt: Number(m[2]) } }
        : { error: '付款流水号格式不正确，应为 支付编号-次数，如 1024-1' };
    },
  };
}

export const returnFileSpec = defineImportSpec<ReturnRow>({
  kind: 'bank-return',
  title: '银行回单',
  columns: {
    reference: { header: '付款流水号', required: true, example: '1024-1', ...reference() },
    amountFen: { header: '金额（元）', required: true, example: '7200.00', ...amountYuan() },
    outcome: {
      header: '处理结果',
      required: true,
      example: '成功',
      ...enumOf({ 成功: 'paid', 失败: 'failed', 退回: 'returned' } as const),
    },
    bankReference: { header: '银行流水号', required: false, example: 'B20240920000001', ...text({ maxLength: 64 }) },
    bankReason: {
      header: '失败原因',
      required: false,
      example: '',
      note: '处理结果为失败或退回时必填',
      ...text({ maxLength: 200 }),
    },
  },
});

export function toReturnLine(row: ReturnRow): ReturnLine {
  return {
    ...row.reference,
    amountFen: row.amountFen,
    outcome: row.outcome,
    bankReference: row.bankReference,
    bankReason: row.bankReason,
  };
}
