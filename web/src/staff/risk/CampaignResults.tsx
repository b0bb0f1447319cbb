// 推送活动效果 (鲁人社发〔2024〕8号 第九条；威人社函〔2024〕41号 第二条): a campaign's targets, reach, uptake and money
// paid by district, as a chart and a table — on the risk-control page's campaign tab and on the dashboard.
import { Alert, Select, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { EChart } from '../../shared/EChart.tsx';
import { campaignAudienceLabels, campaignUptakeLabels } from '../../../../src/domain/vocabulary/risk.ts';
import { yuan } from '../../shared/format.ts';
import type { Staff } from '../../shared/session.ts';
import type { CampaignReport, CampaignSummary } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

/** `testIdPrefix` names the chart and table (…-chart, …-table), one name per page the results appear on. */
export function CampaignResults({ staff, testIdPrefix = 'campaign' }: { staff: Staff; testIdPrefix?: string }) {
  const campaigns = useApi(() => api<CampaignSummary[]>('/campaigns'), []);
  const [selected, setSelected] = useState<number>();
  const id = selected ?? campaigns.data?.[0]?.id;
  const report = useApi(
    () =>
      id === undefined ? Promise.resolve(undefined) : api<CampaignReport>(`/campaigns/${id}/report?region=${staff.regionCode}`),
    [id, staff.regionCode],
  );
  if (campaigns.error) return <Alert type="error" showIcon title={campaigns.error} />;
  if (campaigns.data && !campaigns.data.length)
    return <Alert type="info" showIcon title="尚无推送活动（由经办员在命令行创建，可选推送对象）" />;
  const rows = report.data?.districts ?? [];
  const uptake = campaignUptakeLabels[report.data?.audience ?? 'units_unconfirmed'];
  return (
    <>
      <Select
        style={{ width: 480 }}
        value={id}
        onChange={setSelected}
        options={(campaigns.data ?? []).map((c) => ({
          value: c.id,
          label: `${c.name}（${campaignAudienceLabels[c.audience]}）`,
        }))}
      />
      <EChart
        testId={`${testIdPrefix}-chart`}
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: rows.map((d) => d.regionName) },
          yAxis: [
            { type: 'value', name: '对象数' },
            { type: 'value', name: '已支付（万元）' },
          ],
          series: [
            { name: '推送对象', type: 'bar', data: rows.map((d) => d.targets) },
            { name: '送达', type: 'bar', data: rows.map((d) => d.reached) },
            { name: uptake, type: 'bar', data: rows.map((d) => d.uptake) },
            { name: '已支付（万元）', type: 'line', yAxisIndex: 1, data: rows.map((d) => d.paidFen / 1_000_000) },
          ],
        }}
      />
      <Table
        data-testid={`${testIdPrefix}-table`}
        rowKey="regionCode"
        size="small"
        pagination={false}
        loading={report.loading}
        dataSource={rows}
        columns={[
          { title: '区县', dataIndex: 'regionName' },
          { title: '推送对象', dataIndex: 'targets', align: 'right' },
          { title: '送达', dataIndex: 'reached', align: 'right' },
          { title: uptake, dataIndex: 'uptake', align: 'right' },
          { title: '已支付', render: (_, d) => yuan(d.paidFen), align: 'right' },
        ]}
      />
    </>
  );
}
