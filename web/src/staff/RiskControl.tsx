// 风险防控 (鲁人社发〔2024〕8号 第八条、第九条): the risk-hit queue with each hit's evidence and the two-person work on it,
// the rule catalogue (read-only, on/off per city), each comparison import's results, and the push campaigns' reach, uptake and money by district.
import { Alert, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { riskHitStatusLabels, riskSeverityLabels, riskStageLabels } from '../../../src/domain/vocabulary/risk.ts';
import { api } from '../shared/api.ts';
import { yuan } from '../shared/format.ts';
import type { Staff } from '../shared/session.ts';
import type { RiskCatalogueEntry, RiskHit } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { CampaignResults } from './risk/CampaignResults.tsx';
import { ComparisonResults } from './risk/ComparisonResults.tsx';
import { HitDrawer } from './risk/HitDrawer.tsx';
import { ruleLabel } from './risk/labels.ts';

function HitQueue({ staff }: { staff: Staff }) {
  const hits = useApi(() => api<RiskHit[]>(`/risk/hits?region=${staff.regionCode}`), [staff.regionCode]);
  const [open, setOpen] = useState<number>();
  if (hits.error) return <Alert type="error" showIcon title={hits.error} />;
  return (
    <>
      <Table<RiskHit>
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
          { title: '金额', render: (_, h) => yuan(h.amountFen), align: 'right', width: 130 },
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
  const rules = useApi(() => api<RiskCatalogueEntry[]>('/risk/rules'), []);
  if (rules.error) return <Alert type="error" showIcon title={rules.error} />;
  return (
    <Table<RiskCatalogueEntry>
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
          { key: 'comparisons', label: '比对结果', children: <ComparisonResults staff={staff} /> },
          { key: 'campaigns', label: '推送活动', children: <CampaignResults staff={staff} /> },
        ]}
      />
    </>
  );
}
