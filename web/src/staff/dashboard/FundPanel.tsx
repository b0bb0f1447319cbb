// 工作台 · 基金运行监测 (鲁人社发〔2024〕8号 第八条): the fund's income, spending and balance by month as an ECharts chart,
// the months the balance covers, spending by district, and the alerts — all from the ledger and contributions; and the
// monthly report (.xlsx) of a chosen month.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { FundMonitoring, RegionMonth } from '../../../../src/server/schemas/fund.ts';
import { formatYuan } from '../../../../src/policy/core/money.ts';
import { api, download, ROUND } from '../../shared/api.ts';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';
import { yuan } from '../../shared/format.ts';
import type { Staff } from '../../shared/session.ts';
import { useApi } from '../../shared/use-api.ts';
import { fundRegionOf, notAFundText } from '../fund/fund-region.ts';

const wan = (fen: number) => `${(fen / 1_000_000).toLocaleString('zh-CN')}万元`;

function chartOption(report: FundMonitoring): ChartOption {
  const months = report.months;
  return {
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatYuan(Math.round(v * 100))} 元` : '—'),
    },
    xAxis: { type: 'category', data: months.map((m) => m.period) },
    yAxis: [
      { type: 'value', name: '收支', axisLabel: { formatter: (v: number) => wan(v * 100) } },
      { type: 'value', name: '结余', axisLabel: { formatter: (v: number) => wan(v * 100) }, splitLine: { show: false } },
    ],
    series: [
      { name: '收入', type: 'bar', data: months.map((m) => m.incomeFen / 100), itemStyle: { color: '#52c41a' }, barMaxWidth: 18 },
      {
        name: '支出',
        type: 'bar',
        data: months.map((m) => m.spendingFen / 100),
        itemStyle: { color: '#fa8c16' },
        barMaxWidth: 18,
      },
      {
        name: '期末结余',
        type: 'line',
        yAxisIndex: 1,
        data: months.map((m) => (m.balanceFen === null ? null : m.balanceFen / 100)),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

interface RegionTotal {
  regionCode: string;
  regionName: string;
  incomeFen: number;
  spendingFen: number;
}

function byRegion(rows: readonly RegionMonth[]): RegionTotal[] {
  const totals = new Map<string, RegionTotal>();
  for (const r of rows) {
    const t = totals.get(r.regionCode) ?? { regionCode: r.regionCode, regionName: r.regionName, incomeFen: 0, spendingFen: 0 };
    t.incomeFen += r.incomeFen;
    t.spendingFen += r.spendingFen;
    totals.set(r.regionCode, t);
  }
  return [...totals.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

/** 月报 of a month of the year so far, downloaded as the server writes it. */
function MonthlyReportDownload({ region, periods }: { region: string; periods: string[] }) {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(periods.at(-1));
  const [busy, setBusy] = useState(false);
  const save = () => {
    if (!period) return;
    setBusy(true);
    download(`/fund/reports/${region}/${period}`)
      .catch((e: Error) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Space>
      <Select
        size="small"
        style={{ width: 110 }}
        value={period}
        onChange={setPeriod}
        options={periods.map((p) => ({ value: p, label: p }))}
        aria-label="月报月份"
      />
      <Button size="small" loading={busy} disabled={!period} onClick={save}>
        下载月报
      </Button>
    </Space>
  );
}

function Monitoring({ region }: { region: string }) {
  const report = useApi(() => api<FundMonitoring>(`/fund/monitoring/${region}?from=${ROUND}-01&to=${ROUND}-12`), [region]);
  const option = useMemo(() => (report.data ? chartOption(report.data) : undefined), [report.data]);
  if (report.error) return <Alert type="error" showIcon title={report.error} />;
  if (!report.data || !option) return null;
  const data = report.data;
  const latest = [...data.months].reverse().find((m) => m.incomeFen > 0 || m.spendingFen > 0) ?? data.months.at(-1);
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <MonthlyReportDownload region={region} periods={data.months.map((m) => m.period)} />
      </div>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title="年度收入" value={yuan(data.months.reduce((s, m) => s + m.incomeFen, 0))} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="年度支出" value={yuan(data.months.reduce((s, m) => s + m.spendingFen, 0))} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={`结余（${latest?.period ?? '—'} 末）`} value={yuan(latest?.balanceFen)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title="可支付月数"
            value={latest?.monthsCovered ?? '—'}
            suffix={latest?.monthsCovered === null ? undefined : '个月'}
          />
        </Col>
      </Row>
      {!data.sealed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title="尚未登记封定历史结余基金，无法计算结余与可支付月数（见「试点支出额度」）"
        />
      )}
      <EChart option={option} height={300} testId="fund-chart" />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Table<RegionTotal>
            size="small"
            rowKey="regionCode"
            pagination={false}
            dataSource={byRegion(data.regions)}
            title={() => '按地区（年度合计）'}
            columns={[
              { title: '地区', dataIndex: 'regionName' },
              {
                title: '收入',
                dataIndex: 'incomeFen',
                align: 'right',
                render: (f: number) => <span className="amount">{yuan(f)}</span>,
              },
              {
                title: '支出',
                dataIndex: 'spendingFen',
                align: 'right',
                render: (f: number) => <span className="amount">{yuan(f)}</span>,
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <List
            size="small"
            header="预警"
            dataSource={data.alerts}
            locale={{ emptyText: '暂无预警' }}
            renderItem={(a) => (
              <List.Item>
                <Tag color={a.kind === 'LOW_COVERAGE' ? 'red' : 'orange'}>{a.label}</Tag>
                {a.message}
              </List.Item>
            )}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        收入为单位缴纳的失业保险费和滞纳金；支出为稳岗返还（银行已拨付，扣除退回）、技能提升补贴和扩大支出范围试点支出。
        {data.unrecorded.join('、')}尚无数据来源，未计入。
      </Typography.Paragraph>
    </>
  );
}

export function FundPanel({ staff }: { staff: Staff }) {
  const region = fundRegionOf(staff);
  return (
    <Card title={`基金运行监测 · ${ROUND}年（鲁人社发〔2024〕8号 第八条）`} style={{ marginTop: 16 }}>
      {region ? <Monitoring region={region} /> : <Typography.Text type="secondary">{notAFundText(staff)}</Typography.Text>}
    </Card>
  );
}
