// Splits the ledger texts a screening reads (refund-inputs.ts: `period due_fen;…` and `period paid_on amount_fen
// kind;…`) into the contract input's months and receipts. A city has millions of receipts but few distinct months and
// payment dates, so those strings are shared rather than cut out of the text for every receipt: the screening spent a
// quarter of its time collecting such garbage (docs/BENCHMARKS.md, fifth pass).
import type { PaymentKind } from '../../adapters/store/schema.ts';
import type { RefundInput } from '../../policy/refund/refund-input.ts';

const PERIOD_LENGTH = 7; // YYYY-MM
const DATE_LENGTH = 10; // YYYY-MM-DD
const KINDS: readonly PaymentKind[] = ['contribution', 'late_fee'];
/** Shared strings are forgotten beyond this many, so memory stays flat whatever the data. */
const MAX_SHARED = 50_000;

const shared = new Map<number, string>();

/** The digits of text[from, to) as a number (every character a digit, as PostgreSQL writes them). */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** text[from, from + length) — a period or a date — as one string per distinct value. */
function sharedSlice(text: string, from: number, length: number): string {
  // Digits only matter for the key: YYYYMM or YYYYMMDD read across the separators.
  let key = length;
  for (let i = from; i < from + length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 45) key = key * 10 + (code - 48);
  }
  let value = shared.get(key);
  if (value === undefined) {
    if (shared.size >= MAX_SHARED) shared.clear();
    value = text.slice(from, from + length);
    shared.set(key, value);
  }
  return value;
}

/** A whole number of fen from text[from, to); beyond 15 digits through Number, as any other reader would. */
function fenValue(text: string, from: number, to: number): number {
  return to - from <= 15 ? digitsValue(text, from, to) : Number(text.slice(from, to));
}

function endOfRow(text: string, from: number): number {
  const end = text.indexOf(';', from);
  return end === -1 ? text.length : end;
}

export function monthsFromText(text: string): RefundInput['months'] {
  const months: RefundInput['months'] = [];
  for (let start = 0; start < text.length;) {
    const end = endOfRow(text, start);
    const amountAt = start + PERIOD_LENGTH + 1;
    months.push({ period: sharedSlice(text, start, PERIOD_LENGTH), dueFen: fenValue(text, amountAt, end) });
    start = end + 1;
  }
  return months;
}

export function receiptsFromText(text: string): RefundInput['payments'] {
  const payments: RefundInput['payments'] = [];
  for (let start = 0; start < text.length;) {
    const end = endOfRow(text, start);
    const dateAt = start + PERIOD_LENGTH + 1;
    const amountAt = dateAt + DATE_LENGTH + 1;
    const kindAt = text.indexOf(' ', amountAt) + 1;
    const kind = KINDS.find((k) => k.length === end - kindAt && text.startsWith(k, kindAt));
    payments.push({
      period: sharedSlice(text, start, PERIOD_LENGTH),
      paidOn: sharedSlice(text, dateAt, DATE_LENGTH),
      amountFen: fenValue(text, amountAt, kindAt - 1),
      kind: kind ?? (text.slice(kindAt, end) as PaymentKind),
    });
    start = end + 1;
  }
  return payments;
}
