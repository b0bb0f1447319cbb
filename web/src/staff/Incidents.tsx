// 要情报告 (鲁人社发〔2024〕8号 第八条；威人社函〔2024〕41号 第三条): the major incidents of the staff member's region and
// below, newest first; case workers, reviewers and finance record them (never edit or delete — a correction is a new
// entry), auditors read; the list exports as .xlsx.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Incident } from '../../../src/server/schemas/fund.ts';
import { api, download } from '../shared/api.ts';
import { dateTime } from '../shared/format.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import { regionsWithin } from '../shared/regions.ts';
import { useApi } from '../shared/use-api.ts';
import { RecordIncident } from './incidents/RecordIncident.tsx';

const CATEGORY_COLORS: Record<string, string> = {
  fund_security: 'red',
  mass_event: 'volcano',
  public_opinion: 'orange',
  other: 'default',
};

export default function Incidents({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  const region = staff.regionCode;
  const incidents = useApi(() => api<Incident[]>(`/fund/incidents?region=${region}`), [region]);
  const regionOptions = useMemo(() => regionsWithin(region), [region]);
  const [recording, setRecording] = useState<{ corrects?: Incident }>();
  const canRecord = hasRole(staff, 'case_worker', 'reviewer', 'finance');
  const exportList = () => download(`/fund/incidents/export?region=${region}`).catch((e: Error) => message.error(e.message));
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        要情报告
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        基金安全、群体性事件、舆情等重大情况按要情报告制度及时登记上报，不得瞒报谎报（鲁人社发〔2024〕8号
        第八条）。已登记的报告不能修改或删除，更正和续报另行登记并注明更正的编号。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        {canRecord && (
          <Button type="primary" onClick={() => setRecording({})}>
            登记要情
          </Button>
        )}
        <Tooltip title="导出本地区及下辖地区的全部要情报告（Excel 文件）">
          <Button onClick={exportList} disabled={!incidents.data?.length}>
            导出表格
          </Button>
        </Tooltip>
      </Space>
      {incidents.error && <Alert type="error" showIcon title={incidents.error} style={{ marginBottom: 16 }} />}
      <Table<Incident>
        rowKey="id"
        loading={incidents.loading}
        dataSource={incidents.data ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '本地区尚无要情报告' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          { title: '发生时间', dataIndex: 'occurredAt', width: 150, render: (t: string) => dateTime(t) },
          { title: '地区', dataIndex: 'regionName', width: 120 },
          {
            title: '类别',
            dataIndex: 'category',
            width: 100,
            render: (c: string, i) => <Tag color={CATEGORY_COLORS[c]}>{i.categoryLabel}</Tag>,
          },
          { title: '要情内容', dataIndex: 'description' },
          { title: '后续处理', dataIndex: 'followUp', render: (f: string | null) => f ?? '—' },
          { title: '更正', dataIndex: 'correctsId', width: 90, render: (c: number | null) => (c ? `更正第 ${c} 号` : '—') },
          { title: '登记人', dataIndex: 'recordedBy', width: 150 },
          { title: '登记时间', dataIndex: 'recordedAt', width: 150, render: (t: string) => dateTime(t) },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  key: 'act',
                  width: 110,
                  render: (_: unknown, i: Incident) => (
                    <Button size="small" onClick={() => setRecording({ corrects: i })}>
                      更正或续报
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RecordIncident
        open={recording !== undefined}
        regions={regionOptions}
        corrects={recording?.corrects}
        onClose={() => setRecording(undefined)}
        onRecorded={(i) => {
          message.success(`已登记第 ${i.id} 号要情报告`);
          setRecording(undefined);
          incidents.reload();
        }}
      />
    </>
  );
}
