// 公示管理: open a notice over approved batches, record objections, close it once its working days have passed, export it.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download, query, ROUND } from '../shared/api.ts';
import { count, dateTime, day, yuan } from '../shared/format.ts';
import { NOTICE_STATUS_LABELS, regionLabel } from '../shared/labels.ts';
import type { Batch, Notice, NoticeItem } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

function OpenNotice({ onOpened }: { onOpened: () => void }) {
  const { message } = App.useApp();
  const approved = useApi(() => api<Batch[]>(`/review/batches?round=${ROUND}&status=approved`), []);
  const submit = (v: { batchIds: number[]; title?: string }) =>
    api<{ noticeId: number }>('/notices', {
      body: { round: ROUND, batchIds: v.batchIds, ...(v.title && { title: v.title }) },
    }).then(
      () => {
        message.success('公示已发布');
        onOpened();
        approved.reload();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <Card title="发起公示（复核通过的批次）">
      <Form layout="inline" onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item name="batchIds" label="复核批次" rules={[{ required: true, message: '请选择复核批次' }]}>
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            placeholder="选择复核通过的批次"
            loading={approved.loading}
            options={(approved.data ?? []).map((b) => ({
              value: b.id,
              label: `批次 ${b.id}（${count(b.unitCount)} 个单位，${yuan(b.totalFen)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label="标题">
          <Input placeholder="默认按年度生成" style={{ width: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            发布公示
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function NoticeDetail({ notice, onChanged }: { notice: Notice; onChanged: () => void }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const items = useApi(() => api<NoticeItem[]>(`/notices/${notice.id}/items${query({ q, limit: 1000 })}`), [notice.id, q]);
  const exportList = () => download(`/notices/${notice.id}/export`).catch((e: Error) => message.error(e.message));
  const close = () =>
    api(`/notices/${notice.id}/close`, { body: {} }).then(
      () => {
        message.success('公示已结束');
        onChanged();
      },
      (e: Error) => message.error(e.message),
    );
  const object = (v: { unitId: number; content: string }) =>
    api(`/notices/${notice.id}/objections`, { body: v }).then(
      () => {
        message.success('异议已登记，该单位撤出公示名单');
        items.reload();
        onChanged();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <Card
      title={notice.title}
      style={{ marginTop: 16 }}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void exportList()}>
            导出名单
          </Button>
          {notice.status === 'open' && (
            <Button type="primary" onClick={close}>
              结束公示
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="公示期">
          {day(notice.openedOn)} 至 {day(notice.lastDay)}（{notice.workingDays} 个工作日）
        </Descriptions.Item>
        <Descriptions.Item label="状态">{NOTICE_STATUS_LABELS[notice.status]}</Descriptions.Item>
        <Descriptions.Item label="发布人">{notice.openedBy}</Descriptions.Item>
        <Descriptions.Item label="名单内单位">
          {count(notice.unitCount)} 个（撤出 {count(notice.withdrawnCount)} 个）
        </Descriptions.Item>
        <Descriptions.Item label="拟返还合计">
          <span className="amount">{yuan(notice.totalFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="结束">
          {notice.closedAt ? `${notice.closedBy ?? ''}，${dateTime(notice.closedAt)}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      {notice.status === 'open' && (
        <Form layout="inline" onFinish={object} style={{ marginTop: 16, rowGap: 12 }}>
          <Form.Item name="unitId" label="登记异议：单位编号" rules={[{ required: true, message: '请输入单位编号' }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="content" label="异议内容" rules={[{ required: true, whitespace: true, message: '请填写异议内容' }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">登记异议</Button>
          </Form.Item>
        </Form>
      )}
      <Input.Search placeholder="按单位名称查询" allowClear onSearch={setQ} style={{ width: 280, marginTop: 16 }} />
      {items.error && <Alert type="error" showIcon title={items.error} />}
      <Table<NoticeItem>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="unitId"
        loading={items.loading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '单位编号', dataIndex: 'unitId' },
          { title: '单位名称', dataIndex: 'unitName' },
          { title: '统一社会信用代码', dataIndex: 'creditCodeMasked' },
          { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionLabel(c) },
          {
            title: '拟返还金额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '状态',
            dataIndex: 'withdrawn',
            render: (w: boolean) => (w ? <Tag color="warning">因异议撤出</Tag> : <Tag color="success">在列</Tag>),
          },
        ]}
      />
    </Card>
  );
}

export default function Notices() {
  const notices = useApi(() => api<Notice[]>(`/notices?round=${ROUND}`), []);
  const [selected, setSelected] = useState<number>();
  const current = notices.data?.find((n) => n.id === selected) ?? notices.data?.[0];
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        公示管理
      </Typography.Title>
      <OpenNotice onOpened={notices.reload} />
      <Card title="公示列表" style={{ marginTop: 16 }}>
        {notices.error && <Alert type="error" showIcon title={notices.error} />}
        <Table<Notice>
          size="small"
          rowKey="id"
          loading={notices.loading}
          dataSource={notices.data ?? []}
          pagination={false}
          onRow={(n) => ({
            onClick: () => setSelected(n.id),
            style: { cursor: 'pointer', background: n.id === current?.id ? '#e6f4ff' : undefined },
          })}
          columns={[
            { title: '标题', dataIndex: 'title' },
            { title: '公示期', render: (_, n) => `${day(n.openedOn)} 至 ${day(n.lastDay)}` },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={s === 'open' ? 'processing' : 'default'}>{NOTICE_STATUS_LABELS[s]}</Tag>,
            },
            { title: '单位数', dataIndex: 'unitCount', align: 'right', render: (n: number) => count(n) },
            {
              title: '拟返还合计',
              dataIndex: 'totalFen',
              align: 'right',
              render: (f: number) => <span className="amount">{yuan(f)}</span>,
            },
          ]}
        />
      </Card>
      {current && <NoticeDetail key={current.id} notice={current} onChanged={notices.reload} />}
    </>
  );
}
