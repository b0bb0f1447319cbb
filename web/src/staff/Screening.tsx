// 筛查: start a screening run (it continues on the server), watch its progress, read its summary and compare two runs.
import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ROUND } from '../shared/api.ts';
import { count, dateTime, day, yuan } from '../shared/format.ts';
import {
  ownRegionFilter,
  reasonLabel,
  regionLabel,
  regionsWithin,
  RUN_STATUS_LABELS,
  SIZE_LABELS,
  STATUS_LABELS,
} from '../shared/labels.ts';
import type { Staff } from '../shared/session.ts';
import type { RunDiff, RunView, StartedRun, Tally } from '../shared/types.ts';

const POLL_MS = 1000;

function TallyTable({ title, rows, label }: { title: string; rows: Tally[]; label: (t: Tally) => string }) {
  return (
    <Table<Tally>
      size="small"
      pagination={false}
      rowKey="key"
      title={() => <strong>{title}</strong>}
      dataSource={rows}
      columns={[
        { title: '类别', render: (_, t) => label(t) },
        { title: '单位数', dataIndex: 'units', align: 'right', render: (n: number) => count(n) },
        {
          title: '拟返还金额',
          dataIndex: 'amountFen',
          align: 'right',
          render: (f: number) => <span className="amount">{yuan(f)}</span>,
        },
      ]}
    />
  );
}

function RunSummaryCard({ view }: { view: RunView }) {
  const { summary, progress } = view;
  return (
    <Card
      title={`筛查批次 ${view.runId}`}
      extra={
        <Tag color={view.status === 'completed' ? 'success' : view.status === 'failed' ? 'error' : 'processing'}>
          {RUN_STATUS_LABELS[view.status]}
        </Tag>
      }
    >
      <Progress
        percent={progress.percent}
        status={view.status === 'failed' ? 'exception' : view.status === 'running' ? 'active' : 'success'}
      />
      <Typography.Paragraph>
        已处理 {count(progress.done)} / {count(progress.total)} 个单位
      </Typography.Paragraph>
      {view.error && <Alert type="error" showIcon title={view.error} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="审核日期">{day(summary.run.as_of)}</Descriptions.Item>
        <Descriptions.Item label="范围">
          {summary.run.region_code ? regionLabel(summary.run.region_code) : '全部地区'}
        </Descriptions.Item>
        <Descriptions.Item label="发起">
          {summary.run.created_by}，{dateTime(summary.run.started_at)}
        </Descriptions.Item>
        <Descriptions.Item label="合计单位">{count(summary.total.units)} 个</Descriptions.Item>
        <Descriptions.Item label="合计拟返还">
          <span className="amount">{yuan(summary.total.amountFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={summary.laterStage.label}>{count(summary.laterStage.count)} 个</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TallyTable title="按结论" rows={summary.byStatus} label={(t) => t.label ?? STATUS_LABELS[t.key] ?? t.key} />
        </Col>
        <Col xs={24} xl={12}>
          <TallyTable title="按企业规模" rows={summary.bySize} label={(t) => SIZE_LABELS[t.key] ?? t.key} />
        </Col>
        <Col xs={24} xl={12}>
          <TallyTable title="按地区" rows={summary.byRegion} label={(t) => regionLabel(t.key, t.label)} />
        </Col>
        <Col xs={24} xl={12}>
          <TallyTable title="按原因" rows={summary.byReason} label={(t) => reasonLabel(t.key)} />
        </Col>
      </Row>
    </Card>
  );
}

function DiffCard() {
  const [ids, setIds] = useState<[number | null, number | null]>([null, null]);
  const [diff, setDiff] = useState<RunDiff>();
  const [error, setError] = useState<string>();
  const compare = () => {
    setError(undefined);
    api<RunDiff>(`/screenings/${ids[0]}/diff/${ids[1]}`).then(setDiff, (e: Error) => setError(e.message));
  };
  return (
    <Card title="比较两个筛查批次" style={{ marginTop: 16 }}>
      <Space wrap>
        <InputNumber
          min={1}
          placeholder="较早批次编号"
          value={ids[0]}
          onChange={(v) => setIds([v, ids[1]])}
          style={{ width: 160 }}
        />
        <InputNumber
          min={1}
          placeholder="较新批次编号"
          value={ids[1]}
          onChange={(v) => setIds([ids[0], v])}
          style={{ width: 160 }}
        />
        <Button onClick={compare} disabled={!ids[0] || !ids[1]}>
          比较
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {diff && (
        <>
          <Typography.Paragraph style={{ marginTop: 12 }}>
            批次 {diff.runA} → 批次 {diff.runB}：结论或金额变化 {count(diff.changed.length)} 个单位；仅在前者{' '}
            {count(diff.onlyInA.length)} 个；仅在后者 {count(diff.onlyInB.length)} 个。
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={diff.changed}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '单位编号', dataIndex: 'unitId' },
              { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionLabel(c) },
              { title: '变化前', render: (_, c) => `${STATUS_LABELS[c.before.status]}，${yuan(c.before.amountFen)}` },
              { title: '变化后', render: (_, c) => `${STATUS_LABELS[c.after.status]}，${yuan(c.after.amountFen)}` },
              {
                title: '原因',
                render: (_, c) =>
                  [
                    ...c.reasonsAdded.map((r) => `新增：${reasonLabel(r)}`),
                    ...c.reasonsRemoved.map((r) => `消除：${reasonLabel(r)}`),
                    ...c.changedSteps.map((s) => s.after),
                  ].join('；') || '—',
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

export default function Screening({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  /** A district account screens its own district; the region it may screen is chosen for it. */
  const ownRegion = ownRegionFilter(staff.regionCode);
  const [runId, setRunId] = useState<number | null>(null);
  const [view, setView] = useState<RunView>();
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!runId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const poll = () =>
      api<RunView>(`/screenings/${runId}`).then(
        (v) => {
          if (!live) return;
          setView(v);
          if (v.status === 'running') timer = setTimeout(poll, POLL_MS);
        },
        (e: Error) => message.error(e.message),
      );
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, message]);

  const start = (values: { asOf: Dayjs; region?: string }) => {
    setStarting(true);
    api<StartedRun>(`/rounds/${ROUND}/screenings`, {
      body: { asOf: values.asOf.format('YYYY-MM-DD'), ...(values.region && { region: values.region }) },
    })
      .then(
        (r) => {
          setView(undefined);
          setRunId(r.runId);
          message.success(`筛查批次 ${r.runId} 已开始`);
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setStarting(false));
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        筛查
      </Typography.Title>
      <Card title="发起免申即享筛查">
        <Form layout="inline" onFinish={start} initialValues={{ asOf: dayjs('2024-08-15'), region: ownRegion }}>
          <Form.Item name="asOf" label="审核日期" rules={[{ required: true, message: '请选择审核日期' }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="region" label="地区">
            <Select
              allowClear={!ownRegion}
              placeholder="全部地区"
              style={{ width: 220 }}
              options={regionsWithin(staff.regionCode)}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={starting}>
              开始筛查
            </Button>
          </Form.Item>
        </Form>
        <Space style={{ marginTop: 12 }}>
          <span>查看已有批次：</span>
          <InputNumber
            min={1}
            placeholder="批次编号"
            onPressEnter={(e) => setRunId(Number((e.target as HTMLInputElement).value))}
            style={{ width: 140 }}
          />
        </Space>
      </Card>
      <div style={{ marginTop: 16 }}>{view && <RunSummaryCard view={view} />}</div>
      <DiffCard />
    </>
  );
}
