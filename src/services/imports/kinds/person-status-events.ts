// 全国社保信息比对结果: what the national comparison system reports about a person — pension receipt, death,
// imprisonment — which stops unemployment benefit (失业保险条例 第十五条；鲁人社发〔2024〕8号 第八条 数据比对).
// Natural key: person, kind, date.
import { date, defineImportSpec, enumOf, text } from '../../../adapters/files/column-spec.ts';
import type { StatusEventKind } from '../../../domain/benefit.ts';
import { statusEventKindLabels } from '../../../domain/vocabulary/benefit.ts';
import { personOf, type ImportKind } from '../import-kind.ts';
import { EXAMPLE_ID_NUMBER, idNumber } from './columns.ts';

interface StatusEventRow {
  idNumber: string;
  kind: StatusEventKind;
  eventDate: string;
  source: string | null;
}

const kindByLabel = Object.fromEntries(
  Object.entries(statusEventKindLabels).map(([code, label]) => [label, code as StatusEventKind]),
);

export const personStatusEventsKind: ImportKind<StatusEventRow> = {
  description: '数据比对结果：领取养老金、死亡、被判刑收监执行',
  spec: defineImportSpec<StatusEventRow>({
    kind: 'person-status-events',
    title: '比对结果',
    columns: {
      idNumber: { header: '公民身份号码', required: true, example: EXAMPLE_ID_NUMBER, ...idNumber() },
      kind: { header: '比对结果', required: true, example: '领取基本养老金', ...enumOf(kindByLabel) },
      eventDate: { header: '发生日期', required: true, example: '2024-07-01', ...date() },
      source: { header: '数据来源', required: false, example: '全国社保信息比对查询系统', ...text({ maxLength: 64 }) },
    },
  }),
  references: [{ to: 'person', column: 'idNumber', mustExist: true }],
  naturalKey: ['idNumber', 'kind', 'eventDate'],
  target: {
    table: 'person_status_events',
    columns: ['person_id', 'kind', 'event_date', 'source', 'region_code'],
    key: ['person_id', 'kind', 'event_date'],
    audit: 'created',
    mode: 'upsert',
  },
  toCells(row, refs) {
    const person = personOf(refs, row.idNumber);
    return [person.id, row.kind, row.eventDate, row.source ?? 'comparison', person.regionCode];
  },
};
