// The parts of a benefit claim both the console and the person portal show: the decision trace (every condition with
// its clause) and the monthly schedule with the lines paid for each month.
import { Table, Tag } from 'antd';
import type { z } from 'zod';
import {
  benefitLinePurposeLabels,
  benefitLineStatusLabels,
  benefitMonthStatusLabels,
} from '../../../../src/domain/vocabulary/benefit.ts';
import type { scheduleMonth } from '../../../../src/server/schemas/benefit.ts';
import type { traceStep } from '../../../../src/server/schemas/trace.ts';
import { yuan } from '../../shared/format.ts';

export type TraceRow = z.input<typeof traceStep>;
export type ScheduleRow = z.input<typeof scheduleMonth>;

export function TraceTable({ trace }: { trace: TraceRow[] }) {
  return (
    <Table<TraceRow>
      rowKey={(r) => `${r.step}:${r.text}`}
      size="small"
      pagination={false}
      dataSource={trace}
      columns={[
        { title: '条件', dataIndex: 'text' },
        {
          title: '结果',
          render: (_, r) =>
            r.passed === true ? (
              <Tag color="green">符合</Tag>
            ) : r.passed === false ? (
              <Tag color="red">不符合</Tag>
            ) : r.passed === null ? (
              <Tag color="orange">待核实</Tag>
            ) : (
              <Tag>取值</Tag>
            ),
        },
        { title: '依据', dataIndex: 'legalBasis' },
      ]}
    />
  );
}

export function ScheduleTable({ schedule }: { schedule: ScheduleRow[] }) {
  return (
    <Table<ScheduleRow>
      rowKey="period"
      size="small"
      pagination={false}
      dataSource={schedule}
      columns={[
        { title: '月份', dataIndex: 'period' },
        { title: '第几个月', dataIndex: 'seq' },
        { title: '状态', render: (_, m) => benefitMonthStatusLabels[m.status] },
        {
          title: '发放明细',
          render: (_, m) =>
            m.lines
              .map(
                (l) =>
                  `${benefitLinePurposeLabels[l.purpose]} ${yuan(l.amountFen)}（${benefitLineStatusLabels[l.status]}${l.waitReason ? `：${l.waitReason}` : ''}）`,
              )
              .join('；') || '—',
        },
      ]}
    />
  );
}
