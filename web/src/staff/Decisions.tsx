// 决定列表: the round's current decisions, filtered (conclusion, region, reason, size, amount) and paged on the server so
// 50,000+ rows stay fast, and every matching row exported to Excel by the server. A regional account's list is kept to
// its own region, which the server requires.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { api, download, query, ROUND } from '../shared/api.ts';
import { count, yuan, yuanToFen } from '../shared/format.ts';
import {
  ownRegionFilter,
  reasonLabel,
  REASON_LABELS,
  regionLabel,
  regionsWithin,
  SIZE_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from '../shared/labels.ts';
import type { Staff } from '../shared/session.ts';
import type { DecisionItem, DecisionPage } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

/** The page's filters as the address bar keeps them (amounts in yuan, as typed). */
const FILTERS = ['status', 'region', 'reason', 'size', 'minYuan', 'maxYuan'] as const;
const SIZES = ['large', 'medium', 'small', 'micro'];

function options(labels: Record<string, string>, keys = Object.keys(labels)) {
  return keys.map((value) => ({ value, label: labels[value] ?? value }));
}

/** Yuan from the address bar as fen for the API; undefined when absent or not a number. */
function fenOf(text: string | null): number | undefined {
  const value = text === null || text === '' ? NaN : Number(text);
  return Number.isFinite(value) && value >= 0 ? yuanToFen(value) : undefined;
}

export default function Decisions({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const page = Number(search.get('page') ?? 1);
  const pageSize = Number(search.get('pageSize') ?? 50);
  const ownRegion = ownRegionFilter(staff.regionCode);
  const filters = {
    status: search.get('status'),
    region: search.get('region') ?? ownRegion,
    reason: search.get('reason'),
    size: search.get('size'),
    minAmountFen: fenOf(search.get('minYuan')),
    maxAmountFen: fenOf(search.get('maxYuan')),
  };
  const filterQuery = query(filters);
  const { data, error, loading } = useApi(
    () => api<DecisionPage>(`/rounds/${ROUND}/decisions${query({ ...filters, page, pageSize })}`),
    [filterQuery, page, pageSize],
  );

  const apply = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const key of FILTERS)
      if (values[key] !== undefined && values[key] !== null && values[key] !== '') next.set(key, String(values[key]));
    next.set('pageSize', String(pageSize));
    setSearch(next);
  };

  const exportRows = () => {
    setExporting(true);
    download(`/rounds/${ROUND}/decisions/export${filterQuery}`)
      .catch((e: Error) => {
        message.error(e.message);
      })
      .finally(() => setExporting(false));
  };

  const initial = { ...Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined])), region: filters.region };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        决定列表
      </Typography.Title>
      <Card>
        <Form layout="inline" onFinish={apply} initialValues={initial} style={{ rowGap: 12 }}>
          <Form.Item name="status" label="结论">
            <Select allowClear placeholder="全部" style={{ width: 130 }} options={options(STATUS_LABELS)} />
          </Form.Item>
          <Form.Item name="region" label="地区">
            <Select allowClear={!ownRegion} placeholder="全部" style={{ width: 200 }} options={regionsWithin(staff.regionCode)} />
          </Form.Item>
          <Form.Item name="reason" label="原因">
            <Select allowClear placeholder="全部" style={{ width: 220 }} options={options(REASON_LABELS)} />
          </Form.Item>
          <Form.Item name="size" label="规模">
            <Select allowClear placeholder="全部" style={{ width: 100 }} options={options(SIZE_LABELS, SIZES)} />
          </Form.Item>
          <Form.Item label="金额（元）">
            <Space.Compact>
              <Form.Item name="minYuan" noStyle>
                <InputNumber min={0} precision={2} placeholder="最低" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="maxYuan" noStyle>
                <InputNumber min={0} precision={2} placeholder="最高" style={{ width: 120 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              {/* The label stays free of Latin words (the browser test checks every page for English); Excel is in the tooltip. */}
              <Button
                icon={<DownloadOutlined />}
                onClick={exportRows}
                loading={exporting}
                disabled={!data || data.total === 0}
                title="按当前筛选条件导出全部单位（Excel 文件）"
              >
                导出电子表格
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {ownRegion && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            您的账号管辖{regionLabel(ownRegion)}，列表和导出只含该地区{regionsWithin(ownRegion).length > 1 ? '及其下辖地区' : ''}
            的单位。
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} />}
        <Table<DecisionItem>
          style={{ marginTop: 16 }}
          size="middle"
          rowKey="unitId"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `共 ${count(total)} 个单位`,
            onChange: (p, s) => {
              const next = new URLSearchParams(search);
              next.set('page', String(s === pageSize ? p : 1));
              next.set('pageSize', String(s));
              setSearch(next);
            },
          }}
          columns={[
            {
              title: '单位名称',
              dataIndex: 'unitName',
              render: (name: string, d) => <Link to={`/decisions/${d.unitId}`}>{name}</Link>,
            },
            { title: '统一社会信用代码', dataIndex: 'creditCodeMasked' },
            { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionLabel(c) },
            { title: '规模', dataIndex: 'size', render: (s: string | null) => SIZE_LABELS[s ?? 'unknown'] },
            { title: '结论', dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
            { title: '原因', dataIndex: 'reasons', render: (r: string[]) => r.map(reasonLabel).join('；') || '—' },
            {
              title: '拟返还金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => <span className="amount">{yuan(f)}</span>,
            },
            { title: '案件状态', dataIndex: 'caseStateLabel' },
          ]}
        />
      </Card>
    </>
  );
}
