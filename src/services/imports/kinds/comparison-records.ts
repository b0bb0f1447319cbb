// The national social-insurance comparison system's extracts (全国社保信息比对查询系统, 鲁人社发〔2024〕8号 第八条;
// 威人社函〔2024〕41号 第三条): deaths, imprisonment, pension receipt, contributions elsewhere and benefit receipt
// elsewhere, one import kind each, all kept in comparison_records and each file's rows in comparison_findings. Layouts: docs/FEEDS.md. Natural key: person, date.
import { date, defineImportSpec, text } from '../../../adapters/files/column-spec.ts';
import type { ComparisonKind } from '../../../domain/vocabulary/risk.ts';
import { personOf, type ImportKind } from '../import-kind.ts';
import { EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';

interface ComparisonRow {
  idNumber: string;
  fromDate: string;
  toDate: string | null;
  place: string | null;
}

interface Layout {
  kind: ComparisonKind;
  importName: string;
  title: string;
  description: string;
  fromHeader: string;
  fromExample: string;
  /** Header of the end date (for a death: the date the report was withdrawn as wrong). */
  toHeader: string;
  placeHeader: string;
  placeExample: string;
}

function comparisonKind(layout: Layout): ImportKind<ComparisonRow> {
  return {
    description: layout.description,
    spec: defineImportSpec<ComparisonRow>({
      kind: layout.importName,
      title: layout.title,
      columns: {
        idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
        fromDate: { header: layout.fromHeader, required: true, example: layout.fromExample, ...date() },
        toDate: { header: layout.toHeader, required: false, example: '', ...date(), note: '尚未结束（或未撤销）的不填' },
        place: { header: layout.placeHeader, required: false, example: layout.placeExample, ...text({ maxLength: 100 }) },
      },
    }),
    references: [{ to: 'person', column: 'idNumber', mustExist: true }],
    naturalKey: ['idNumber', 'fromDate'],
    target: {
      table: 'comparison_records',
      columns: ['person_id', 'kind', 'from_date', 'to_date', 'place', 'region_code'],
      key: ['person_id', 'kind', 'from_date'],
      audit: 'changed',
      mode: 'upsert',
      batchLog: { table: 'comparison_findings', columns: ['person_id', 'kind', 'from_date', 'region_code'] },
    },
    checkRow(row) {
      return row.toDate !== null && row.toDate < row.fromDate ? [{ column: 'toDate', message: '结束日期不能早于开始日期' }] : [];
    },
    toCells(row, refs) {
      const person = personOf(refs, row.idNumber);
      return [person.id, layout.kind, row.fromDate, row.toDate, row.place, person.regionCode];
    },
  };
}

export const comparisonDeathsKind = comparisonKind({
  kind: 'death',
  importName: 'comparison-deaths',
  title: '比对：死亡人员',
  description: '全国社保信息比对查询系统：死亡人员及死亡日期',
  fromHeader: '死亡日期',
  fromExample: '2024-08-10',
  toHeader: '撤销日期',
  placeHeader: '信息来源',
  placeExample: '公安户籍注销',
});
export const comparisonImprisonmentKind = comparisonKind({
  kind: 'imprisonment',
  importName: 'comparison-imprisonment',
  title: '比对：服刑人员',
  description: '全国社保信息比对查询系统：服刑人员及服刑起止日期',
  fromHeader: '服刑开始日期',
  fromExample: '2024-05-01',
  toHeader: '刑满释放日期',
  placeHeader: '监狱名称',
  placeExample: '山东省某监狱',
});
export const comparisonPensionKind = comparisonKind({
  kind: 'pension',
  importName: 'comparison-pension',
  title: '比对：领取养老金人员',
  description: '全国社保信息比对查询系统：领取基本养老金人员及起始日期',
  fromHeader: '养老金起始日期',
  fromExample: '2024-06-01',
  toHeader: '停发日期',
  placeHeader: '领取地',
  placeExample: '山东省烟台市',
});
export const comparisonContributionsKind = comparisonKind({
  kind: 'contribution_elsewhere',
  importName: 'comparison-contributions',
  title: '比对：异地参保缴费',
  description: '全国社保信息比对查询系统：在其他统筹地区参保缴费',
  fromHeader: '参保起始日期',
  fromExample: '2024-06-01',
  toHeader: '参保终止日期',
  placeHeader: '参保地',
  placeExample: '江苏省苏州市',
});
export const comparisonBenefitsKind = comparisonKind({
  kind: 'benefit_elsewhere',
  importName: 'comparison-benefits',
  title: '比对：异地领取失业保险待遇',
  description: '全国社保信息比对查询系统：在其他统筹地区领取失业保险待遇',
  fromHeader: '待遇起始日期',
  fromExample: '2024-04-01',
  toHeader: '待遇终止日期',
  placeHeader: '领取地',
  placeExample: '山东省青岛市',
});

export const comparisonImportKinds = [
  comparisonDeathsKind,
  comparisonImprisonmentKind,
  comparisonPensionKind,
  comparisonContributionsKind,
  comparisonBenefitsKind,
];
