// 测算结果: a reform against the baseline — totals, the cap beside them, winners and losers by district (chart and
// table), by size, industry and reason, the units that change, and the .xlsx export. Polls while the run is going.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Progress, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { certificateLevelLabel } from '../../../../src/domain/vocabulary/certificates.ts';
import {
  IMPACT_DIMENSION_LABELS,
  PERSON_IMPACT_LABELS,
  SIMULATION_RUN_STATUS_LABELS,
  UNIT_SHIFT_LABELS,
} from '../../../../src/domain/vocabulary/simulation.ts';
import { formatBpPercent } from '../../../../src/policy/core/ratio.ts';
import { api, download } from '../../shared/api.ts';
import { EChart, type ChartOption } from '../../shared/EChart.tsx';
import { count, yuan } from '../../shared/format.ts';
import { regionLabel, STATUS_LABELS } from '../../shared/labels.ts';
import { useApi } from '../../shared/use-api.ts';
import type { Bucket, ChangedUnit, ImpactRun } from './types.ts';

const toWan = (fen: number) => Math.round(fen / 100) / 10_000;

function CapVerdict({ run }: { run: ImpactRun }) {
  const { cap } = run;
  if (!cap)
    return (
      <Alert
        type="info"
        showIcon
        title="所属设区市尚未登记本年度封定历史结余基金，无法对照15%试点支出额度"
        data-testid="cap-verdict"
      />
    );
  const side = cap.reform;
  const ratio = side.capRatioBp === null ? '—' : formatBpPercent(side.capRatioBp);
  const text =
    `方案返还总额 ${yuan(run.tally.total.reformFen)}，${cap.regionName}试点支出额度（${ratio}）剩余 ${yuan(side.remainingFen)}：` +
    (side.fits ? '在剩余额度内' : `超出 ${yuan(run.tally.total.reformFen - (side.remainingFen ?? 0))}`);
  return (
    <Alert
      type={side.fits ? 'success' : 'error'}
      showIcon
      title={text}
      data-testid="cap-verdict"
      description={`封定历史结余基金 ${yuan(cap.sealedBalanceFen)}，已承诺及支出 ${yuan(cap.committedFen)}；现行额度剩余 ${yuan(cap.baseline.remainingFen)}，现行返还总额${cap.baseline.fits ? '在' : '超出'}剩余额度内。`}
    />
  );
}

function districtChart(run: ImpactRun): ChartOption {
  const entries = Object.entries(run.tally.region).sort(([a], [b]) => a.localeCompare(b));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['现行（万元）', '方案（万元）', '新增符合条件', '不再符合条件'] },
    grid: { left: 60, right: 60, bottom: 60 },
    xAxis: { type: 'category', data: entries.map(([k]) => run.labels.region[k] ?? regionLabel(k)), axisLabel: { rotate: 30 } },
    yAxis: [
      { type: 'value', name: '万元' },
      { type: 'value', name: '单位数' },
    ],
    series: [
      { name: '现行（万元）', type: 'bar', data: entries.map(([, b]) => toWan(b.baselineFen)) },
      { name: '方案（万元）', type: 'bar', data: entries.map(([, b]) => toWan(b.reformFen)) },
      { name: '新增符合条件', type: 'line', yAxisIndex: 1, data: entries.map(([, b]) => b.newlyEligible) },
      { name: '不再符合条件', type: 'line', yAxisIndex: 1, data: entries.map(([, b]) => b.noLongerEligible) },
    ],
  };
}

function BucketTable({ run, dimension }: { run: ImpactRun; dimension: 'region' | 'size' | 'industry' }) {
  const rows = Object.entries(run.tally[dimension]).map(([key, b]) => ({ key, label: run.labels[dimension][key] ?? key, ...b }));
  return (
    <Table<Bucket & { key: string; label: string }>
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      columns={[
        { title: IMPACT_DIMENSION_LABELS[dimension], dataIndex: 'label' },
        { title: '单位数', dataIndex: 'units', align: 'right' },
        { title: '现行符合', dataIndex: 'baselineEligible', align: 'right' },
        { title: '方案符合', dataIndex: 'reformEligible', align: 'right' },
        { title: '新增符合（参保人数）', render: (_, b) => `${b.newlyEligible}（${b.newlyEligiblePeople}）`, align: 'right' },
        {
          title: '不再符合（参保人数）',
          render: (_, b) => `${b.noLongerEligible}（${b.noLongerEligiblePeople}）`,
          align: 'right',
        },
        { title: '现行金额', dataIndex: 'baselineFen', align: 'right', render: yuan },
        { title: '方案金额', dataIndex: 'reformFen', align: 'right', render: yuan },
        { title: '增减', align: 'right', render: (_, b) => yuan(b.reformFen - b.baselineFen) },
      ]}
    />
  );
}

/** The benefit claims and skill-subsidy applications the run re-decided, skill applications also by certificate level. */
function PersonTable({ persons }: { persons: NonNullable<ImpactRun['tally']['persons']> }) {
  const levels = Object.entries(persons.skillLevel).sort(([a], [b]) => b.localeCompare(a));
  const rows = [
    { key: 'benefit', label: PERSON_IMPACT_LABELS.benefit, ...persons.benefit },
    { key: 'skill', label: PERSON_IMPACT_LABELS.skill, ...persons.skill },
    ...levels.map(([level, b]) => ({ key: `skill-${level}`, label: `其中${certificateLevelLabel(Number(level))}证书`, ...b })),
  ];
  return (
    <Table<Bucket & { key: string; label: string }>
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      data-testid="person-impact"
      columns={[
        { title: '项目', dataIndex: 'label' },
        { title: '件数', dataIndex: 'units', align: 'right' },
        { title: '现行符合', dataIndex: 'baselineEligible', align: 'right' },
        { title: '方案符合', dataIndex: 'reformEligible', align: 'right' },
        { title: '新增符合（人）', dataIndex: 'newlyEligiblePeople', align: 'right' },
        { title: '不再符合（人）', dataIndex: 'noLongerEligiblePeople', align: 'right' },
        { title: '现行金额', dataIndex: 'baselineFen', align: 'right', render: yuan },
        { title: '方案金额', dataIndex: 'reformFen', align: 'right', render: yuan },
        { title: '增减', align: 'right', render: (_, b) => yuan(b.reformFen - b.baselineFen) },
      ]}
    />
  );
}

function ReasonTable({ run }: { run: ImpactRun }) {
  const rows = Object.entries(run.tally.reason).map(([key, n]) => ({ key, label: run.labels.reason[key] ?? key, ...n }));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '不符合或待复核原因', dataIndex: 'label' },
        { title: '现行单位数', dataIndex: 'baseline', align: 'right' },
        { title: '方案单位数', dataIndex: 'reform', align: 'right' },
        { title: '增减', align: 'right', render: (_, r) => r.reform - r.baseline },
      ]}
    />
  );
}

function ChangedUnits({ runId }: { runId: number }) {
  const changed = useApi(() => api<ChangedUnit[]>(`/simulation/runs/${runId}/changes`), [runId]);
  return (
    <Table<ChangedUnit>
      size="small"
      rowKey="unitId"
      loading={changed.loading}
      dataSource={changed.data ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: '单位', dataIndex: 'unitName', render: (name: string, u) => <Link to={`/decisions/${u.unitId}`}>{name}</Link> },
        { title: '区县', dataIndex: 'regionCode', render: (code: string) => regionLabel(code) },
        { title: '变化', dataIndex: 'shift', render: (s: ChangedUnit['shift']) => <Tag>{UNIT_SHIFT_LABELS[s]}</Tag> },
        { title: '现行', render: (_, u) => `${STATUS_LABELS[u.baselineStatus]} ${yuan(u.baselineFen)}` },
        { title: '方案', render: (_, u) => `${STATUS_LABELS[u.reformStatus]} ${yuan(u.reformFen)}` },
      ]}
    />
  );
}

export default function RunResult() {
  const { message } = App.useApp();
  const runId = Number(useParams().runId);
  const [tick, setTick] = useState(0);
  const loaded = useApi(() => api<ImpactRun>(`/simulation/runs/${runId}`), [runId, tick]);
  const run = loaded.data;
  useEffect(() => {
    if (run?.status !== 'running') return undefined;
    const timer = setTimeout(() => setTick((t) => t + 1), 1000);
    return () => clearTimeout(timer);
  }, [run]);
  const chart = useMemo(() => (run?.status === 'completed' ? districtChart(run) : undefined), [run]);
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />;
  if (!run) return <Card loading />;
  const t = run.tally.total;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <Link to="/simulation">政策模拟</Link> / 测算 #{run.id}：{run.reform.name}（第 {run.reform.version} 版）
      </Typography.Title>
      {run.status !== 'completed' && (
        <Card>
          <Typography.Text>
            {SIMULATION_RUN_STATUS_LABELS[run.status]}
            {run.error ? `：${run.error}` : ''}
          </Typography.Text>
          <Progress percent={run.totalUnits ? Math.floor((run.processedUnits * 100) / run.totalUnits) : 0} />
        </Card>
      )}
      {run.status === 'completed' && (
        <>
          <Card>
            <Row gutter={16}>
              <Col span={5}>
                <Statistic title="现行返还总额" value={yuan(t.baselineFen)} />
              </Col>
              <Col span={5}>
                <Statistic title="方案返还总额" value={yuan(t.reformFen)} />
              </Col>
              <Col span={5}>
                <Statistic
                  title="增减"
                  value={yuan(t.reformFen - t.baselineFen)}
                  valueStyle={{ color: t.reformFen > t.baselineFen ? '#cf1322' : '#3f8600' }}
                />
              </Col>
              <Col span={3}>
                <Statistic title="新增符合条件" value={t.newlyEligible} suffix="个" />
              </Col>
              <Col span={3}>
                <Statistic title="不再符合条件" value={t.noLongerEligible} suffix="个" />
              </Col>
              <Col span={3}>
                <Statistic title="变化单位" value={t.changed} suffix="个" />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 12 }}>
              测算 {count(run.totalUnits)} 个单位，测算日期 {run.asOf}
              {run.seconds === null ? '' : `，用时 ${run.seconds} 秒`}；符合条件单位 {count(t.baselineEligible)} →{' '}
              {count(t.reformEligible)} 个。
            </Typography.Paragraph>
            <CapVerdict run={run} />
            <Button
              style={{ marginTop: 12 }}
              onClick={() => {
                download(`/simulation/runs/${run.id}/export`).catch((e: Error) => message.error(e.message));
              }}
            >
              导出电子表格
            </Button>
          </Card>
          <Card title="按区县：返还金额与符合条件单位的变化" style={{ marginTop: 16 }}>
            {chart && <EChart option={chart} height={340} testId="district-chart" />}
          </Card>
          <Card style={{ marginTop: 16 }}>
            <Tabs
              items={[
                ...(['region', 'size', 'industry'] as const).map((d) => ({
                  key: d,
                  label: `按${IMPACT_DIMENSION_LABELS[d]}`,
                  children: <BucketTable run={run} dimension={d} />,
                })),
                { key: 'reason', label: '按原因', children: <ReasonTable run={run} /> },
                ...(run.tally.persons
                  ? [{ key: 'persons', label: '失业保险金与技能补贴', children: <PersonTable persons={run.tally.persons} /> }]
                  : []),
                { key: 'units', label: '变化单位', children: <ChangedUnits runId={run.id} /> },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
