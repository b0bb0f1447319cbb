// 决定列表: the round's current decisions, filtered and paged on the server (50,000+ rows stay fast), with an export.
import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api, query, ROUND } from '../shared/api.ts';
import { downloadCsv } from '../shared/csv-download.ts';
import { count, yuan, yuanToFen } from '../shared/format.ts';
import { reasonLabel, REASON_LABELS, regionLabel, SIZE_LABELS, STATUS_COLORS, STATUS_LABELS, WEIHAI_REGIONS } from '../shared/labels.ts';
import type { DecisionItem, DecisionPage } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { formatYuan } from '../../../src/policy/core/money.ts';

const FILTERS = ['status', 'region', 'reason', 'size', 'minYuan', 'maxYuan'] as const;

function options(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export default function Decisions() {
  const [search, setSearch] = useSearchParams();
  const page = Number(search.get('page') ?? 1);
  const pageSize = Number(search.get('pageSize') ?? 50);
  const server = { status: search.get('status'), region: search.get('region'), reason: search.get('reason') };
  const size = search.get('size');
  const minYuan = search.get('minYuan');
  const maxYuan = search.get('maxYuan');
  const { data, error, loading } = useApi(
    () => api<DecisionPage>(`/rounds/${ROUND}/decisions${query({ ...server, page, pageSize })}`),
    [server.status, server.region, server.reason, page, pageSize],
  );
  // The API filters by status, region and reason; size and amount narrow the loaded page until it filters them too.
  const rows = (data?.items ?? []).filter((d) => (!size || (d.size ?? 'unknown') === size)
    && (!minYuan || d.amountFen >= yuanToFen(Number(minYuan))) && (!maxYuan || d.amountFen <= yuanToFen(Number(maxYuan))));
  const pageOnly = Boolean(size || minYuan || maxYuan);

  const apply = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const key of FILTERS) if (values[key] !== undefined && values[key] !== null && values[key] !== '') next.set(key, String(values[key]));
    next.set('pageSize', String(pageSize));
    setSearch(next);
  };

  const exportPage = () => downloadCsv(
    `稳岗返还决定-第${page}页.csv`,
    ['单位编号', '单位名称', '统一社会信用代码', '地区', '企业规模', '结论', '原因', '拟返还金额（元）', '案件状态'],
    rows.map((d) => [d.unitId, d.unitName, d.creditCodeMasked, regionLabel(d.regionCode), SIZE_LABELS[d.size ?? 'unknown'] ?? '未知',
      STATUS_LABELS[d.status] ?? '', d.reasons.map(reasonLabel).join('；'), formatYuan(d.amountFen), d.caseStateLabel]),
  );

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>决定列表</Typography.Title>
      <Card>
        <Form layout="inline" onFinish={apply} initialValues={Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined]))} style={{ rowGap: 12 }}>
          <Form.Item name="status" label="结论"><Select allowClear placeholder="全部" style={{ width: 130 }} options={options(STATUS_LABELS)} /></Form.Item>
          <Form.Item name="region" label="地区"><Select allowClear placeholder="全部" style={{ width: 200 }} options={WEIHAI_REGIONS} /></Form.Item>
          <Form.Item name="reason" label="原因"><Select allowClear placeholder="全部" style={{ width: 220 }} options={options(REASON_LABELS)} /></Form.Item>
          <Form.Item name="size" label="规模"><Select allowClear placeholder="全部" style={{ width: 100 }} options={options(SIZE_LABELS)} /></Form.Item>
          <Form.Item label="金额（元）">
            <Space.Compact>
              <Form.Item name="minYuan" noStyle><InputNumber min={0} placeholder="最低" style={{ width: 110 }} /></Form.Item>
              <Form.Item name="maxYuan" noStyle><InputNumber min={0} placeholder="最高" style={{ width: 110 }} /></Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">查询</Button><Button icon={<DownloadOutlined />} onClick={exportPage} disabled={rows.length === 0}>导出本页</Button></Space></Form.Item>
        </Form>
        {pageOnly && <Alert type="warning" showIcon style={{ marginTop: 12 }} title="规模和金额区间只筛选当前页；结论、地区、原因按全部数据筛选。" />}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} />}
        <Table<DecisionItem>
          style={{ marginTop: 16 }} size="middle" rowKey="unitId" loading={loading} dataSource={rows}
          pagination={{
            current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${count(total)} 个单位`,
            onChange: (p, s) => { const next = new URLSearchParams(search); next.set('page', String(s === pageSize ? p : 1)); next.set('pageSize', String(s)); setSearch(next); },
          }}
          columns={[
            { title: '单位名称', dataIndex: 'unitName', render: (name: string, d) => <Link to={`/decisions/${d.unitId}`}>{name}</Link> },
            { title: '统一社会信用代码', dataIndex: 'creditCodeMasked' },
            { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionLabel(c) },
            { title: '规模', dataIndex: 'size', render: (s: string | null) => SIZE_LABELS[s ?? 'unknown'] },
            { title: '结论', dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
            { title: '原因', dataIndex: 'reasons', render: (r: string[]) => r.map(reasonLabel).join('；') || '—' },
            { title: '拟返还金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => <span className="amount">{yuan(f)}</span> },
            { title: '案件状态', dataIndex: 'caseStateLabel' },
          ]}
        />
      </Card>
    </>
  );
}
