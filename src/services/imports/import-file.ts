// Imports one file of one kind, all or nothing. Rows stream from the file in chunks: each chunk is validated, its
// references are resolved with set-based look-ups and its good rows are staged. Once the file is read, duplicate
// natural keys are looked for; if any row is bad nothing is written (the one transaction is rolled back) and the
// problems (up to 1,000) come back with an .xlsx report. Otherwise the staged rows are upserted and the batch logged
// (with every row, for kinds that keep a batch log).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ReadProgress, TableRow } from '../../adapters/files/read-table.ts';
import { readTable } from '../../adapters/files/read-table.ts';
import { TableFileError, type RowError } from '../../adapters/files/table-errors.ts';
import { ValidationReport, validateRows, type ParsedRow } from '../../adapters/files/validate-rows.ts';
import { writeErrorReport } from '../../adapters/files/write-xlsx.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { fileSha256, recordBatch } from './batches.ts';
import type { AnyImportKind } from './import-kind.ts';
import { importKinds } from './kinds/index.ts';
import { ReferenceResolver } from './references.ts';
import { ImportStage, type StagedRow, type WriteCounts } from './stage.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';

/** Problems kept in full (the rest are counted). */
export const ERROR_LIMIT = 1000;
/** Rows validated and looked up together. */
const READ_CHUNK = 5000;
export const EXAMPLE_ROW_MESSAGE = '请删除模板中的示例行';

export type ImportProgress =
  ({ phase: 'read'; rows: number } & ReadProgress) | { phase: 'write'; rows: number; totalRows: number };

export interface ImportOptions {
  kind: string;
  path: string;
  /** The name the user gave the file (logged with the batch). */
  fileName: string;
  actor: string;
  cipher: FieldCipher;
  /** Where a rejected file's .xlsx error report is written (import-reports/ in the data folder). */
  reportDir: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface AcceptedImport extends WriteCounts {
  status: 'accepted';
  batchId: number;
  kind: string;
  rowCount: number;
}

export interface RejectedImport {
  status: 'rejected';
  batchId: number;
  kind: string;
  rowCount: number;
  invalidRowCount: number;
  /** All problems found; `errors` holds the first ERROR_LIMIT, by row. */
  errorCount: number;
  errors: RowError[];
  /** Set when the file as a whole cannot be read (format, encoding, header). */
  fileError?: string;
  reportPath: string;
}

export type ImportResult = AcceptedImport | RejectedImport;

export class UnknownImportKindError extends Error {
  constructor(kind: string) {
    super(`未知的导入类型：${kind}；可用类型：${[...importKinds.keys()].join('、')}`);
    this.name = 'UnknownImportKindError';
  }
}

/** Thrown inside the transaction to roll it back when the file has problems. */
class Rejection extends Error {}

export function errorReportPath(reportDir: string, batchId: number): string {
  return join(reportDir, `import-${batchId}-errors.xlsx`);
}

export async function importFile(store: { db: Kysely<Database> }, options: ImportOptions): Promise<ImportResult> {
  const kind = importKinds.get(options.kind);
  if (!kind) throw new UnknownImportKindError(options.kind);
  const sha256 = await fileSha256(options.path);
  const report = new ValidationReport(ERROR_LIMIT);
  const batch = { kind: options.kind, fileName: options.fileName, sha256, actor: options.actor };
  let fileError: string | undefined;
  try {
    return await store.db.transaction().execute(async (trx) => {
      const { stage, counts } = await stageAndWrite(trx, kind, options, report);
      const batchId = await recordBatch(trx, { ...batch, rowCount: report.rowCount, status: 'accepted', errorCount: 0 });
      await stage.logBatch(batchId);
      // Appended last, not locked first: an import writes for minutes and must not hold up every audited action; it
      // locks no row an audited transaction waits for (units, people and ledger rows, not cases or payments).
      await appendAudit(trx, {
        actor: options.actor,
        action: 'data.import',
        subject: auditSubject.importBatch(batchId),
        detail: { kind: options.kind, sha256, rowCount: report.rowCount, ...counts },
      });
      return { status: 'accepted', batchId, kind: options.kind, rowCount: report.rowCount, ...counts };
    });
  } catch (error) {
    if (error instanceof TableFileError) {
      fileError = error.message;
      for (const problem of error.problems) report.add(problem);
      if (error.problems.length === 0) report.add({ row: 0, column: '', value: '', message: error.message });
    } else if (!(error instanceof Rejection)) {
      throw error;
    }
  }
  const batchId = await recordBatch(store.db, {
    ...batch,
    rowCount: report.rowCount,
    status: 'rejected',
    errorCount: report.errorCount,
  });
  const errors = [...report.errors].sort((a, b) => a.row - b.row);
  const reportPath = errorReportPath(options.reportDir, batchId);
  await mkdir(options.reportDir, { recursive: true });
  await writeErrorReport(errors, reportPath, { omittedCount: report.omittedErrorCount });
  return {
    status: 'rejected',
    batchId,
    kind: options.kind,
    rowCount: report.rowCount,
    invalidRowCount: report.invalidRowCount,
    errorCount: report.errorCount,
    errors,
    reportPath,
    ...(fileError === undefined ? {} : { fileError }),
  };
}

/** Reads, checks and stages the whole file; throws Rejection when any row is bad, else writes and counts. */
async function stageAndWrite(
  trx: Kysely<Database>,
  kind: AnyImportKind,
  options: ImportOptions,
  report: ValidationReport,
): Promise<{ stage: ImportStage; counts: WriteCounts }> {
  const stage = await ImportStage.create(trx, kind.target);
  const resolver = await ReferenceResolver.open(trx, options.cipher);
  const headers = new Map(kind.spec.columns.map((column) => [column.key as string, column.header]));

  const stageChunk = async (chunk: ParsedRow<Record<string, unknown>>[]) => {
    if (chunk.length === 0) return;
    const { refs, problems } = await resolver.resolve(kind, chunk);
    const staged: StagedRow[] = [];
    for (const row of chunk) {
      const found = [
        ...problems(row),
        ...(kind.checkRow?.(row.value) ?? []).map((problem) => ({
          row: row.rowNumber,
          column: headers.get(problem.column)!,
          value: cellText(row.value[problem.column]),
          message: problem.message,
        })),
      ];
      if (found.length > 0) {
        found.forEach((problem) => report.add(problem));
        report.invalidRowCount++;
        continue;
      }
      const key = kind.naturalKey.map((column) => cellText(row.value[column])).join(' / ');
      staged.push({ cells: kind.toCells(row.value, refs, options.cipher), rowNumber: row.rowNumber, key });
    }
    // Staged even after an error elsewhere, so that duplicates among the remaining rows are reported too.
    await stage.append(staged);
  };

  const read = readTable(options.path, kind.spec, {
    onProgress: (progress) => options.onProgress?.({ phase: 'read', rows: report.rowCount, ...progress }),
  });
  let chunk: ParsedRow<Record<string, unknown>>[] = [];
  for await (const row of validateRows(kind.spec, withoutExampleRow(kind, read, report), report)) {
    chunk.push(row);
    if (chunk.length >= READ_CHUNK) {
      await stageChunk(chunk);
      chunk = [];
    }
  }
  await stageChunk(chunk);

  const keyHeaders = kind.naturalKey.map((column) => headers.get(column)!).join('、');
  for (const duplicate of await stage.duplicates(ERROR_LIMIT)) {
    const [first, ...repeats] = duplicate.rows;
    for (const row of repeats) {
      report.add({
        row,
        column: keyHeaders,
        value: duplicate.key,
        message: `与第 ${first} 行重复：同一文件中${keyHeaders}相同的记录只能出现一次`,
      });
      report.invalidRowCount++;
    }
  }
  if (!report.ok) throw new Rejection();
  const counts = await stage.write(options.actor, (done) =>
    options.onProgress?.({ phase: 'write', rows: done, totalRows: stage.rowCount }),
  );
  return { stage, counts };
}

/** The template's example row, left in by mistake, is an error rather than data. */
async function* withoutExampleRow(
  kind: AnyImportKind,
  rows: AsyncIterable<TableRow>,
  report: ValidationReport,
): AsyncGenerator<TableRow> {
  for await (const row of rows) {
    if (kind.spec.columns.every((column) => (row.values[column.header] ?? '').trim() === column.example)) {
      report.rowCount++;
      report.invalidRowCount++;
      report.add({ row: row.rowNumber, column: '', value: '', message: EXAMPLE_ROW_MESSAGE });
      continue;
    }
    yield row;
  }
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
