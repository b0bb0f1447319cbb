// The two sheets of a labour-dispatch unit's application (鲁人社发〔2024〕8号 第三条): its workers with where each was
// placed month by month, and — only when the agency's data hold no per-person contributions of the unit — each
// worker's base-year contributions. A worker is named by 公民身份号码 or, failing that, by the unit's 职工编号.
import { amountYuan, date, defineImportSpec, enumOf, period, text, yesNo } from '../../adapters/files/column-spec.ts';
import type { OrgType } from '../../adapters/store/schema.ts';
import { creditCode, EXAMPLE_ID_NUMBER, EXAMPLE_USER_UNIT_CREDIT_CODE, idNumber } from '../imports/kinds/columns.ts';
import { ORG_TYPE_LABELS } from '../imports/kinds/labels.ts';

export const DISPATCH_ARTICLE = '鲁人社发〔2024〕8号 第三条';

const EMPLOYEE_NO_NOTE = '公民身份号码与职工编号至少填写一项；系统已有本单位个人缴费明细时须填写公民身份号码';

export interface PlacementSheetRow {
  idNumber: string | null;
  employeeNo: string | null;
  name: string;
  ownStaff: boolean | null;
  fromPeriod: string | null;
  toPeriod: string | null;
  userCreditCode: string | null;
  userName: string | null;
  userOrgType: OrgType | null;
}

export const placementSheet = defineImportSpec<PlacementSheetRow>({
  kind: 'dispatch-application-workers',
  title: '劳务派遣人员及用工单位',
  columns: {
    idNumber: { header: '公民身份号码', required: false, example: EXAMPLE_ID_NUMBER, ...idNumber(), note: EMPLOYEE_NO_NOTE },
    employeeNo: { header: '职工编号', required: false, example: '', ...text({ maxLength: 40 }), note: EMPLOYEE_NO_NOTE },
    name: { header: '姓名', required: true, example: '张三', ...text({ maxLength: 50 }) },
    ownStaff: {
      header: '是否自有员工',
      required: false,
      example: '否',
      ...yesNo(),
      note: '派遣单位自有员工（含承揽、外包业务用工）填“是”，其缴费对应部分由派遣单位享受；不填视为“否”',
    },
    fromPeriod: {
      header: '派遣起始年月',
      required: false,
      example: '2023-01',
      ...period(),
      note: '被派遣人员必填；一人多次派遣的，每段派遣填一行',
    },
    toPeriod: {
      header: '派遣截止年月',
      required: false,
      example: '2023-12',
      ...period(),
      note: '被派遣人员必填，不得早于起始年月',
    },
    userCreditCode: {
      header: '用工单位统一社会信用代码',
      required: false,
      example: EXAMPLE_USER_UNIT_CREDIT_CODE,
      ...creditCode(),
    },
    userName: { header: '用工单位名称', required: false, example: '威海市示例中心', ...text({ maxLength: 100 }) },
    userOrgType: {
      header: '用工单位类型',
      required: false,
      example: '事业单位',
      ...enumOf(ORG_TYPE_LABELS),
      note: `派遣至机关、事业单位的人员对应部分不予返还（${DISPATCH_ARTICLE}）`,
    },
  },
});

export interface PaymentSheetRow {
  idNumber: string | null;
  employeeNo: string | null;
  period: string;
  paidOn: string;
  amountFen: number;
}

export const paymentSheet = defineImportSpec<PaymentSheetRow>({
  kind: 'dispatch-application-payments',
  title: '劳务派遣人员缴费明细',
  columns: {
    idNumber: {
      header: '公民身份号码',
      required: false,
      example: EXAMPLE_ID_NUMBER,
      ...idNumber(),
      note: '与派遣人员表中的公民身份号码或职工编号一致',
    },
    employeeNo: { header: '职工编号', required: false, example: '', ...text({ maxLength: 40 }) },
    period: { header: '费款所属期', required: true, example: '2023-06', ...period() },
    paidOn: { header: '缴费日期', required: true, example: '2023-06-15', ...date() },
    amountFen: {
      header: '金额（元）',
      required: true,
      example: '520.00',
      ...amountYuan(),
      note: '该人员当月失业保险费（单位与个人合计）',
    },
  },
});
