// 劳务派遣用工: a dispatched worker placed at a user unit over a run of months, or kept as the dispatch unit's own
// staff; the refund for workers at government agencies and public institutions is withheld (鲁人社发〔2024〕8号 第三条).
// Natural key: dispatch unit, person, start month.
import { defineImportSpec, enumOf, period, text, yesNo } from '../../../adapters/files/column-spec.ts';
import type { OrgType } from '../../../adapters/store/schema.ts';
import { personOf, unitOf, type ImportKind, type RowProblem } from '../import-kind.ts';
import { creditCode, EXAMPLE_CREDIT_CODE, EXAMPLE_ID_NUMBER, EXAMPLE_USER_UNIT_CREDIT_CODE, idNumber } from './columns.ts';
import { ORG_TYPE_LABELS } from './labels.ts';
import { importKindLabels } from '../../../domain/vocabulary/imports.ts';

interface DispatchPlacementRow {
  dispatchCreditCode: string;
  idNumber: string;
  fromPeriod: string;
  toPeriod: string;
  ownStaff: boolean | null;
  userCreditCode: string | null;
  userName: string | null;
  userOrgType: OrgType | null;
}

function checkPlacement(row: DispatchPlacementRow): RowProblem<DispatchPlacementRow>[] {
  const problems: RowProblem<DispatchPlacementRow>[] = [];
  if (row.toPeriod < row.fromPeriod) problems.push({ column: 'toPeriod', message: '终止年月不能早于起始年月' });
  if (row.ownStaff) {
    if (row.userCreditCode !== null) problems.push({ column: 'userCreditCode', message: '自有员工不应填写用工单位' });
    return problems;
  }
  const missing = '派遣到用工单位的（是否自有员工为“否”）须填写';
  if (row.userCreditCode === null) problems.push({ column: 'userCreditCode', message: `${missing}用工单位信用代码` });
  if (row.userName === null) problems.push({ column: 'userName', message: `${missing}用工单位名称` });
  if (row.userOrgType === null) problems.push({ column: 'userOrgType', message: `${missing}用工单位类型` });
  return problems;
}

export const dispatchPlacementsKind: ImportKind<DispatchPlacementRow> = {
  description: '劳务派遣单位的被派遣人员及用工单位',
  spec: defineImportSpec<DispatchPlacementRow>({
    kind: 'dispatch-placements',
    title: importKindLabels['dispatch-placements'],
    columns: {
      dispatchCreditCode: { header: '派遣单位信用代码', required: true, example: EXAMPLE_CREDIT_CODE, ...creditCode() },
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      fromPeriod: { header: '起始年月', required: true, example: '2023-01', ...period() },
      toPeriod: { header: '终止年月', required: true, example: '2023-12', ...period() },
      ownStaff: {
        header: '是否自有员工',
        required: false,
        example: '否',
        ...yesNo(),
        note: '派遣单位自有员工（含承揽、外包业务用工）填“是”，不填视为“否”',
      },
      userCreditCode: { header: '用工单位信用代码', required: false, example: EXAMPLE_USER_UNIT_CREDIT_CODE, ...creditCode() },
      userName: { header: '用工单位名称', required: false, example: '威海市示例中心', ...text({ maxLength: 100 }) },
      userOrgType: {
        header: '用工单位类型',
        required: false,
        example: '事业单位',
        ...enumOf(ORG_TYPE_LABELS),
        note: '用工单位为机关、事业单位的，其被派遣人员对应部分不予返还（鲁人社发〔2024〕8号 第三条）',
      },
    },
  }),
  references: [
    {
      to: 'unit',
      column: 'dispatchCreditCode',
      mustExist: true,
      accept: (unit) => (unit.laborDispatch ? undefined : '该单位未登记为劳务派遣单位（单位信息中“是否劳务派遣”为“否”）'),
    },
    { to: 'person', column: 'idNumber', mustExist: true },
  ],
  naturalKey: ['dispatchCreditCode', 'idNumber', 'fromPeriod'],
  target: {
    table: 'dispatch_placements',
    columns: [
      'dispatch_unit_id',
      'person_id',
      'from_period',
      'to_period',
      'own_staff',
      'user_unit_credit_code',
      'user_unit_name',
      'user_unit_org_type',
      'region_code',
    ],
    key: ['dispatch_unit_id', 'person_id', 'from_period'],
    audit: 'changed',
    mode: 'upsert',
  },
  checkRow: checkPlacement,
  toCells(row, refs) {
    const unit = unitOf(refs, row.dispatchCreditCode);
    return [
      unit.id,
      personOf(refs, row.idNumber).id,
      row.fromPeriod,
      row.toPeriod,
      row.ownStaff ?? false,
      row.userCreditCode,
      row.userName,
      row.userOrgType,
      unit.regionCode,
    ];
  },
};
