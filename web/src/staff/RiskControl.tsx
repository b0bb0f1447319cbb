// 风险防控 (鲁人社发〔2024〕8号 第八条、第九条): the risk-hit queue with each hit's evidence and the two-person work on it,
// the rule catalogue (read-only, on/off per city), and the push campaigns' reach, uptake and money by district.
import { Alert, Button, Descriptions, Drawer, Input, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { CampaignReport, CatalogueEntry, HitView } from '../../../src/server/schemas/risk.ts';
import {
  riskHitStatusLabels,
  riskRuleLabels,
  riskSeverityLabels,
  riskStageLabels,
  type RiskRuleCode,
} from '../../../src/domain/vocabulary/risk.ts';
import { api } from '../shared/api.ts';
import { EChart } from '../shared/EChart.tsx';
import { hasRole, type Staff } from '../shared/session.ts';
import { useApi } from '../shared/use-api.ts';

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));
const ruleLabel = (code: string) => riskRuleLabels[code as RiskRuleCode] ?? code;

function HitDrawer({ hitId, staff, onClose }: { hitId: number; staff: Staff; onClose(): void }) {
  const hit = useApi(() => api<HitView>(`/risk/hits/${hitId}`), [hitId]);
  const [note, setNote] = useState('');
  const act = async (path: string, body: Record<string, unknown>) => {
    try {
      await api(`/risk/hits/${hitId}/${path}`, { body });
      message.success('已提交');
      hit.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const h = hit.data;
  return (
    <Drawer open width={560} title={`风险疑点 #${hitId}`} onClose={onClose}>
      {hit.error && <Alert type="error" showIcon title={hit.error} />}
      {h && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { label: '规则', children: ruleLabel(h.ruleCode) },
              { label: '环节 / 等级', children: `${riskStageLabels[h.stage]} / ${riskSeverityLabels[h.severity]}` },
              { label: '对象', children: `${h.regionName} ${h.subjectName}（${h.subjectKey}）` },
              { label: '涉及金额（元）', children: yuan(h.amountFen) },
              {
                label: '状态',
                children: (
                  <>
                    {riskHitStatusLabels[h.status]}
                    {h.hold && (
                      <Tag color="red" style={{ marginLeft: 8 }}>
                        暂停支付
                      </Tag>
                    )}
                  </>
                ),
              },
              {
                label: '证据',
                children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(h.evidence, null, 2)}</pre>,
              },
              { label: '处理意见', children: h.proposalNote ? `${h.proposalNote}（${h.proposedBy}）` : '—' },
              { label: '复核人', children: h.decidedBy ?? '—' },
              { label: '应追回 / 已追回（元）', children: `${yuan(h.recoveryFen)} / ${yuan(h.repaidFen)}` },
            ]}
          />
          <Input.TextArea
            style={{ marginTop: 16 }}
            rows={2}
            placeholder="核查或复核意见"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Space style={{ marginTop: 8 }} wrap>
            {h.status === 'open' && hasRole(staff, 'case_worker') && (
              <>
                <Button onClick={() => act('propose', { proposal: 'clear', note })}>排除疑点</Button>
                <Button danger onClick={() => act('propose', { proposal: 'confirm', note })}>
                  确认问题
                </Button>
              </>
            )}
            {h.status === 'proposed' && hasRole(staff, 'reviewer') && (
              <>
                <Button type="primary" onClick={() => act('approve', note ? { note } : {})}>
                  复核通过
                </Button>
                <Button onClick={() => act('return', { note })}>退回</Button>
              </>
            )}
          </Space>
        </>
      )}
    </Drawer>
  );
}

function HitQueue({ staff }: { staff: Staff }) {
  const hits = useApi(() => api<HitView[]>('/risk/hits'), []);
  const [open, setOpen] = useState<number>();
  if (hits.error) return <Alert type="error" showIcon title={hits.error} />;
  return (
    <>
      <Table<HitView>
        rowKey="id"
        size="small"
        loading={hits.loading}
        dataSource={hits.data ?? []}
        onRow={(h) => ({ onClick: () => setOpen(h.id) })}
        columns={[
          { title: '编号', dataIndex: 'id', width: 70 },
          {
            title: '等级',
            render: (_, h) => (
              <Tag color={h.severity === 'high' ? 'red' : h.severity === 'medium' ? 'orange' : 'default'}>
                {riskSeverityLabels[h.severity]}
              </Tag>
            ),
            width: 70,
          },
          { title: '规则', render: (_, h) => ruleLabel(h.ruleCode) },
          { title: '区市', dataIndex: 'regionName', width: 110 },
          { title: '对象', render: (_, h) => `${h.subjectName}（${h.subjectKey}）` },
          { title: '金额（元）', render: (_, h) => yuan(h.amountFen), align: 'right', width: 110 },
          {
            title: '状态',
            render: (_, h) => (
              <>
                {riskHitStatusLabels[h.status]}
                {h.hold && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    暂停支付
                  </Tag>
                )}
              </>
            ),
            width: 170,
          },
        ]}
      />
      {open !== undefined && (
        <HitDrawer
          hitId={open}
          staff={staff}
          onClose={() => {
            setOpen(undefined);
            hits.reload();
          }}
        />
      )}
    </>
  );
}

function RuleCatalogue() {
  const rules = useApi(() => api<CatalogueEntry[]>('/risk/rules'), []);
  if (rules.error) return <Alert type="error" showIcon title={rules.error} />;
  return (
    <Table<CatalogueEntry>
      rowKey="code"
      size="small"
      loading={rules.loading}
      dataSource={rules.data ?? []}
      pagination={false}
      expandable={{
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ margin: 0 }}>
            {r.explanation}
            <br />
            依据：{r.legalBasis}
            <br />
            参数：{JSON.stringify(r.parameters)}
          </Typography.Paragraph>
        ),
      }}
      columns={[
        { title: '规则', dataIndex: 'label' },
        { title: '环节', render: (_, r) => riskStageLabels[r.stage], width: 130 },
        { title: '等级', render: (_, r) => riskSeverityLabels[r.severity], width: 60 },
        { title: '暂停支付', render: (_, r) => (r.hold ? '是' : '否'), width: 80 },
        {
          title: '各市启用',
          render: (_, r) =>
            Object.entries(r.enabledByCity).map(([city, on]) => (
              <Tag key={city} color={on ? 'green' : 'default'}>
                {city} {on ? '启用' : '停用'}
              </Tag>
            )),
        },
      ]}
    />
  );
}

function Campaigns() {
  const campaigns = useApi(() => api<{ id: number; name: string }[]>('/campaigns'), []);
  const [selected, setSelected] = useState<number>();
  const id = selected ?? campaigns.data?.[0]?.id;
  const report = useApi(
    () => (id === undefined ? Promise.resolve(undefined) : api<CampaignReport>(`/campaigns/${id}/report`)),
    [id],
  );
  if (campaigns.error) return <Alert type="error" showIcon title={campaigns.error} />;
  if (campaigns.data && !campaigns.data.length)
    return <Alert type="info" showIcon title="尚无推送活动（wengang campaign create）" />;
  const rows = report.data?.districts ?? [];
  return (
    <>
      <Select
        style={{ width: 240 }}
        value={id}
        onChange={setSelected}
        options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      />
      <EChart
        testId="campaign-chart"
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: rows.map((d) => d.regionName) },
          yAxis: [
            { type: 'value', name: '单位数' },
            { type: 'value', name: '已支付（万元）' },
          ],
          series: [
            { name: '推送对象', type: 'bar', data: rows.map((d) => d.targets) },
            { name: '送达', type: 'bar', data: rows.map((d) => d.reached) },
            { name: '确认领取', type: 'bar', data: rows.map((d) => d.uptake) },
            { name: '已支付（万元）', type: 'line', yAxisIndex: 1, data: rows.map((d) => d.paidFen / 1_000_000) },
          ],
        }}
      />
    </>
  );
}

export default function RiskControl({ staff }: { staff: Staff }) {
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        风险防控与精准推送
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        事前、事中、事后风险防控与全国社保信息比对（鲁人社发〔2024〕8号
        第八条）；向符合条件未申领的参保主体“点对点”精准推送（第九条）。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'hits', label: '疑点队列', children: <HitQueue staff={staff} /> },
          { key: 'rules', label: '规则目录', children: <RuleCatalogue /> },
          { key: 'campaigns', label: '推送活动', children: <Campaigns /> },
        ]}
      />
    </>
  );
}
