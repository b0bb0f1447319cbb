// 决定详情: one unit's decision with its full trace as a checklist (condition, result, legal basis), the case's history
// and, while the case waits for a person, the form to enter the missing enterprise size.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Table, Tag, Timeline, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { api, ROUND } from '../shared/api.ts';
import { dateTime, policyVersion, yuan } from '../shared/format.ts';
import {
  ACTION_LABELS,
  actorLabel,
  PAY_TO_LABELS,
  reasonLabel,
  regionLabel,
  SIZE_LABELS,
  stateLabel,
  STATUS_COLORS,
  STATUS_LABELS,
  type RefundCaseState,
} from '../shared/labels.ts';
import type { CaseEvent, DecisionDetail as Detail } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { Counterfactual } from '../shared/Counterfactual.tsx';
import type { TraceStep } from '../../../src/policy/core/decision.ts';

function Verdict({ passed }: { passed: TraceStep['passed'] }) {
  if (passed === true) return <Tag color="success">✓ 符合</Tag>;
  if (passed === false) return <Tag color="error">✗ 不符合</Tag>;
  if (passed === null) return <Tag color="warning">？ 数据缺失</Tag>;
  return <Tag icon={<InfoCircleOutlined />}>取值</Tag>;
}

function ResolveSize({ unitId, onDone }: { unitId: number; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = (values: { size: string; note: string }) => {
    setBusy(true);
    api(`/review/cases/${ROUND}/${unitId}/resolve`, { body: { overrides: { 'unit.size': values.size }, note: values.note } })
      .then(
        () => {
          message.success('已补录并重新判定');
          onDone();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="补录企业规模并重新判定" style={{ marginTop: 16 }}>
      <Form layout="inline" onFinish={submit}>
        <Form.Item name="size" label="企业规模" rules={[{ required: true, message: '请选择企业规模' }]}>
          <Select
            style={{ width: 120 }}
            options={['large', 'medium', 'small', 'micro'].map((s) => ({ value: s, label: SIZE_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item name="note" label="依据" rules={[{ required: true, whitespace: true, message: '请填写补录依据' }]}>
          <Input placeholder="例如：据营业执照及上年度营业收入核定" style={{ width: 320 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function DecisionDetail() {
  const unitId = Number(useParams().unitId);
  const detail = useApi(() => api<Detail>(`/rounds/${ROUND}/units/${unitId}/decision`), [unitId]);
  const history = useApi(() => api<CaseEvent[]>(`/review/cases/${ROUND}/${unitId}/history`), [unitId]);
  const d = detail.data;
  if (detail.error) return <Alert type="error" showIcon title={detail.error} />;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <Link to="/decisions">决定列表</Link> / {d?.unitName ?? '…'}
      </Typography.Title>
      <Card loading={!d}>
        {d && (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="单位名称">{d.unitName}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{d.creditCodeMasked}</Descriptions.Item>
            <Descriptions.Item label="地区">{regionLabel(d.regionCode)}</Descriptions.Item>
            <Descriptions.Item label="结论">
              <Tag color={STATUS_COLORS[d.status]}>{STATUS_LABELS[d.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="拟返还金额">
              <strong className="amount">{yuan(d.amountFen)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label="案件状态">{d.caseStateLabel}</Descriptions.Item>
            <Descriptions.Item label="返还基数">
              <span className="amount">{yuan(d.baseFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="返还比例">{d.ratioBp === null ? '—' : `${d.ratioBp / 100}%`}</Descriptions.Item>
            <Descriptions.Item label="返还账户">{d.payTo ? (PAY_TO_LABELS[d.payTo] ?? '—') : '—'}</Descriptions.Item>
            <Descriptions.Item label="企业规模">{SIZE_LABELS[d.size ?? 'unknown']}</Descriptions.Item>
            <Descriptions.Item label="足额缴费月数">{d.fullMonths ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="原因">{d.reasons.map(reasonLabel).join('；') || '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="判定过程（逐项核对）" style={{ marginTop: 16 }} loading={!d}>
        {d?.traceNote && (
          <Alert type="warning" showIcon title={d.traceNote} style={{ marginBottom: 12 }} data-testid="trace-note" />
        )}
        <Table<TraceStep & { n: number }>
          size="small"
          pagination={false}
          rowKey="n"
          dataSource={d?.trace?.map((t, n) => ({ ...t, n: n + 1 })) ?? []}
          columns={[
            { title: '序号', dataIndex: 'n', width: 64 },
            { title: '条件、取值与标准', dataIndex: 'text' },
            { title: '结果', dataIndex: 'passed', width: 120, render: (p: TraceStep['passed']) => <Verdict passed={p} /> },
            { title: '政策依据', dataIndex: 'legalBasis', width: 260 },
          ]}
        />
        {d && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            参数版本 {policyVersion(d.policyVersion)}；筛查批次 {d.runId}
          </Typography.Paragraph>
        )}
      </Card>
      {d && d.status !== 'eligible' && (
        <Card title="怎样才能符合条件" style={{ marginTop: 16 }}>
          <Counterfactual path={`/rounds/${ROUND}/units/${unitId}/counterfactual`} />
        </Card>
      )}
      {d?.caseState === 'needs_review' && d.reasons.includes('SIZE_UNKNOWN') && (
        <ResolveSize
          unitId={unitId}
          onDone={() => {
            detail.reload();
            history.reload();
          }}
        />
      )}
      <Card title="案件记录" style={{ marginTop: 16 }} loading={history.loading && !history.data}>
        <Timeline
          items={(history.data ?? []).map((e) => ({
            content: (
              <>
                <strong>{ACTION_LABELS[e.action] ?? '变更'}</strong>
                {'　'}
                {e.fromState ? `${stateLabel(e.fromState as RefundCaseState)} → ` : ''}
                {stateLabel(e.toState as RefundCaseState)}
                <div style={{ color: '#888' }}>
                  {actorLabel(e.actor)}，{dateTime(e.at)}
                  {e.note ? `；意见：${e.note}` : ''}
                </div>
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
