// Reads a dispatch unit's uploaded sheets (see application-sheets.ts) into the dispatch-allocation rule's workers and
// worker payments (鲁人社发〔2024〕8号 第三条). Every cell and every row is checked; any problem rejects the whole
// upload with a Chinese report (file, row, column, value, problem). A worker named by 公民身份号码 is keyed by the
// number's blind index (the same key persons are found by), so no ID number is kept in clear.
import { readTable } from '../../adapters/files/read-table.ts';
import { TableFileError, type RowError } from '../../adapters/files/table-errors.ts';
import { ValidationReport, validateRows, type ParsedRow } from '../../adapters/files/validate-rows.ts';
import type { ImportSpec } from '../../adapters/files/column-spec.ts';
import { maskIdNumber } from '../../domain/masking.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import type { OrgType } from '../../policy/core/input-fields.ts';
import { paymentSheet, placementSheet, type PaymentSheetRow, type PlacementSheetRow } from './application-sheets.ts';

export interface UploadedPlacement {
  from: string;
  to: string;
  userUnit: { creditCode: string; name: string; orgType: OrgType };
}

/** A worker as the rule takes it, with what a clerk needs to recognise the person (never the ID number in clear). */
export interface UploadedWorker {
  workerId: string;
  name: string;
  idNumberMasked: string | null;
  employeeNo: string | null;
  ownStaff: boolean;
  placements: UploadedPlacement[];
}

export interface WorkerPayment {
  workerId: string;
  period: string;
  paidOn: string;
  amountFen: number;
}

export interface UploadProblem extends RowError {
  /** Which sheet: 派遣人员表 or 缴费明细表. */
  file: string;
}

export class DispatchUploadError extends Error {
  constructor(readonly problems: readonly UploadProblem[]) {
    super(
      `上传的申请材料有 ${problems.length} 处问题，未受理：${problems.slice(0, 3).map(problemText).join('；')}${problems.length > 3 ? '……' : ''}`,
    );
  }
}

export function problemText(p: UploadProblem): string {
  return `${p.file}${p.row ? `第 ${p.row} 行` : ''}${p.column ? `「${p.column}」` : ''}${p.value ? `（${p.value}）` : ''}：${p.message}`;
}

export const PLACEMENT_FILE = '派遣人员表';
export const PAYMENT_FILE = '缴费明细表';
const ERROR_LIMIT = 1000;
const EMPLOYEE_KEY = '职工编号:';

/** All rows of a sheet that parse, and the problems of the others (a sheet that cannot be read is one problem). */
async function readSheet<Row>(
  path: string,
  spec: ImportSpec<Row>,
  file: string,
  problems: UploadProblem[],
): Promise<ParsedRow<Row>[]> {
  const report = new ValidationReport(ERROR_LIMIT);
  const rows: ParsedRow<Row>[] = [];
  try {
    for await (const row of validateRows(spec, readTable(path, spec), report)) rows.push(row);
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    if (error.problems.length === 0) problems.push({ file, row: 0, column: '', value: '', message: error.message });
    for (const problem of error.problems) problems.push({ file, ...problem });
  }
  for (const problem of report.errors) problems.push({ file, ...problem });
  if (report.rowCount === 0 && problems.every((p) => p.file !== file))
    problems.push({ file, row: 0, column: '', value: '', message: '没有数据行' });
  return rows;
}

function header(spec: { columns: readonly { key: string; header: string }[] }, key: string): string {
  return spec.columns.find((column) => column.key === key)!.header;
}

const H = {
  idNumber: header(placementSheet, 'idNumber'),
  fromPeriod: header(placementSheet, 'fromPeriod'),
  toPeriod: header(placementSheet, 'toPeriod'),
  userCreditCode: header(placementSheet, 'userCreditCode'),
  userName: header(placementSheet, 'userName'),
  userOrgType: header(placementSheet, 'userOrgType'),
  name: header(placementSheet, 'name'),
  period: header(paymentSheet, 'period'),
};

/** The problems of one placement row on its own. */
function placementRowProblems(
  row: PlacementSheetRow,
  requireIdNumber: boolean,
): { column: string; value: string; message: string }[] {
  const found: { column: string; value: string; message: string }[] = [];
  if (row.idNumber === null && row.employeeNo === null)
    found.push({ column: H.idNumber, value: '', message: '公民身份号码与职工编号至少填写一项' });
  else if (row.idNumber === null && requireIdNumber) {
    found.push({ column: H.idNumber, value: '', message: '系统已有本单位的个人缴费明细，须填写公民身份号码以便匹配缴费记录' });
  }
  if (row.fromPeriod !== null && row.toPeriod !== null && row.toPeriod < row.fromPeriod) {
    found.push({ column: H.toPeriod, value: row.toPeriod, message: `派遣截止年月不能早于派遣起始年月（${row.fromPeriod}）` });
  }
  if (row.ownStaff) {
    for (const key of ['userCreditCode', 'userName', 'userOrgType'] as const) {
      if (row[key] !== null) found.push({ column: H[key], value: String(row[key]), message: '自有员工不应填写用工单位' });
    }
    return found;
  }
  const missing = '被派遣人员（是否自有员工为“否”）须填写';
  for (const key of ['fromPeriod', 'toPeriod', 'userCreditCode', 'userName', 'userOrgType'] as const) {
    if (row[key] === null) found.push({ column: H[key], value: '', message: `${missing}${H[key]}` });
  }
  return found;
}

interface WorkerDraft extends UploadedWorker {
  firstRow: number;
  placementRows: number[];
}

/** Groups the placement rows by worker, checking that the rows of one worker agree and do not overlap. */
function groupWorkers(
  rows: ParsedRow<PlacementSheetRow>[],
  cipher: FieldCipher,
  requireIdNumber: boolean,
  problems: UploadProblem[],
) {
  const workers = new Map<string, WorkerDraft>();
  const employeeNos = new Map<string, string>();
  const problem = (row: number, p: { column: string; value: string; message: string }) =>
    problems.push({ file: PLACEMENT_FILE, row, ...p });
  for (const { rowNumber, value: row } of rows) {
    const own = placementRowProblems(row, requireIdNumber);
    own.forEach((p) => problem(rowNumber, p));
    if (own.length) continue;
    const workerId = row.idNumber !== null ? cipher.blindIndex(row.idNumber) : `${EMPLOYEE_KEY}${row.employeeNo}`;
    if (row.employeeNo !== null) employeeNos.set(row.employeeNo, workerId);
    let worker = workers.get(workerId);
    if (!worker) {
      worker = {
        workerId,
        name: row.name,
        idNumberMasked: row.idNumber === null ? null : maskIdNumber(row.idNumber),
        employeeNo: row.employeeNo,
        ownStaff: true,
        placements: [],
        firstRow: rowNumber,
        placementRows: [],
      };
      workers.set(workerId, worker);
    } else if (worker.name !== row.name) {
      problem(rowNumber, {
        column: H.name,
        value: row.name,
        message: `同一人员在第 ${worker.firstRow} 行的姓名为“${worker.name}”，请核对`,
      });
      continue;
    }
    if (row.ownStaff) continue;
    const placement: UploadedPlacement = {
      from: row.fromPeriod!,
      to: row.toPeriod!,
      userUnit: { creditCode: row.userCreditCode!, name: row.userName!, orgType: row.userOrgType! },
    };
    const overlap = worker.placements.findIndex((p) => p.from <= placement.to && placement.from <= p.to);
    if (overlap >= 0) {
      problem(rowNumber, {
        column: H.fromPeriod,
        value: `${placement.from}至${placement.to}`,
        message: `与第 ${worker.placementRows[overlap]} 行的派遣期间重叠，同一人员同一月份只能派往一个用工单位`,
      });
      continue;
    }
    // A worker dispatched in some months is not own staff: the months outside every placement stay with the dispatch unit.
    worker.ownStaff = false;
    worker.placements.push(placement);
    worker.placementRows.push(rowNumber);
  }
  return { workers, employeeNos };
}

function paymentsOf(
  rows: ParsedRow<PaymentSheetRow>[],
  cipher: FieldCipher,
  workers: ReadonlyMap<string, WorkerDraft>,
  employeeNos: ReadonlyMap<string, string>,
  problems: UploadProblem[],
): WorkerPayment[] {
  const payments: WorkerPayment[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, value: row } of rows) {
    const problem = (column: string, value: string, message: string) =>
      problems.push({ file: PAYMENT_FILE, row: rowNumber, column, value, message });
    if (row.idNumber === null && row.employeeNo === null) {
      problem(H.idNumber, '', '公民身份号码与职工编号至少填写一项');
      continue;
    }
    const workerId = row.idNumber !== null ? cipher.blindIndex(row.idNumber) : employeeNos.get(row.employeeNo!);
    if (workerId === undefined || !workers.has(workerId)) {
      problem(
        row.idNumber !== null ? H.idNumber : '职工编号',
        row.idNumber ?? row.employeeNo!,
        `${PLACEMENT_FILE}中没有该人员，请先在${PLACEMENT_FILE}中填写`,
      );
      continue;
    }
    const key = `${workerId}\0${row.period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(H.period, row.period, `同一人员同一费款所属期的缴费与第 ${earlier} 行重复`);
      continue;
    }
    seen.set(key, rowNumber);
    payments.push({ workerId, period: row.period, paidOn: row.paidOn, amountFen: row.amountFen });
  }
  return payments;
}

export interface DispatchUpload {
  workers: UploadedWorker[];
  /** Absent when the payments are to be taken from the store. */
  workerPayments?: WorkerPayment[];
}

/**
 * Reads the placements sheet and, when given, the payments sheet. `requireIdNumber`: every worker must be named by
 * 公民身份号码 (the payments come from the store, where persons are known by ID number only).
 */
export async function readDispatchUpload(options: {
  placementsPath: string;
  paymentsPath?: string;
  cipher: FieldCipher;
  requireIdNumber: boolean;
}): Promise<DispatchUpload> {
  const problems: UploadProblem[] = [];
  const placementRows = await readSheet(options.placementsPath, placementSheet, PLACEMENT_FILE, problems);
  const { workers, employeeNos } = groupWorkers(placementRows, options.cipher, options.requireIdNumber, problems);
  const paymentRows = options.paymentsPath
    ? await readSheet(options.paymentsPath, paymentSheet, PAYMENT_FILE, problems)
    : undefined;
  const workerPayments = paymentRows && paymentsOf(paymentRows, options.cipher, workers, employeeNos, problems);
  if (problems.length) {
    throw new DispatchUploadError(
      problems.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === PLACEMENT_FILE ? -1 : 1)),
    );
  }
  const uploaded = [...workers.values()].map(({ firstRow: _first, placementRows: _rows, ...worker }) => worker);
  return { workers: uploaded, ...(workerPayments && { workerPayments }) };
}
