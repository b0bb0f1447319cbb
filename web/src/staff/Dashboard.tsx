// 工作台: how far the round has come, the amounts by district and by size, and what is waiting for the signed-in person.
import { Alert, Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, query, ROUND } from '../shared/api.ts';
import { BarChart } from '../shared/BarChart.tsx';
import { count, day, yuan } from '../shared/format.ts';
import { regionLabel, SIZE_LABELS } from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import type { Batch, DecisionPage, Notice, RunView, UnconfirmedUnit } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

interface Overview {
  screened: number; eligible: number; needsReview: number; approved: number; inNotice: number; notified: number;
  batches: Batch[]; notices: Notice[]; run: RunView | undefined;
}

async function decisionsTotal(status?: string): Promise<number> {
  return (await api<DecisionPage>(`/rounds/${ROUND}/decisions${query({ status, pageSize: 1 })}`)).total;
}

async function overview(): Promise<Overview> {
  const [screened, eligible, needsReview, batches, notices, unconfirmed, first] = await Promise.all([
    decisionsTotal(), decisionsTotal('eligible'), decisionsTotal('needs_review'),
    api<Batch[]>(`/review/batches?round=${ROUND}`), api<Notice[]>(`/notices?round=${ROUND}`),
    api<UnconfirmedUnit[]>(`/rounds/${ROUND}/unconfirmed`), api<DecisionPage>(`/rounds/${ROUND}/decisions?pageSize=1`),
  ]);
  const runId = first.items[0]?.runId;
  const run = runId ? await api<RunView>(`/screenings/${runId}`) : undefined;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    screened, eligible, needsReview,
    approved: sum(batches.filter((b) => b.status === 'approved').map((b) => b.unitCount)),
    inNotice: sum(notices.filter((n) => n.status === 'open').map((n) => n.unitCount)),
    notified: unconfirmed.length,
    batches, notices, run,
  };
}

function waitingFor(staff: Staff, o: Overview): { text: string; link: string }[] {
  const items: { text: string; link: string }[] = [];
  if (hasRole(staff, 'reviewer')) {
    for (const b of o.batches.filter((x) => x.status === 'proposed' && x.proposedBy !== staff.name)) {
      items.push({ text: `复核批次 ${b.id}（${b.proposedBy} 提交，${count(b.unitCount)} 个单位，${yuan(b.totalFen)}）待复核`, link: '/review' });
    }
  }
  if (hasRole(staff, 'case_worker')) {
    if (o.needsReview > 0) items.push({ text: `${count(o.needsReview)} 个单位待人工复核（补录数据）`, link: '/decisions?status=needs_review' });
    for (const b of o.batches.filter((x) => x.status === 'returned' && x.proposedBy === staff.name)) {
      items.push({ text: `复核批次 ${b.id} 被退回：${b.reviewNote ?? ''}`, link: '/review' });
    }
    const approvedIdle = o.batches.filter((b) => b.status === 'approved');
    if (approvedIdle.length > 0 && o.notices.every((n) => n.status !== 'open')) items.push({ text: `${approvedIdle.length} 个复核通过的批次可发起公示`, link: '/notices' });
    for (const n of o.notices.filter((x) => x.status === 'open')) items.push({ text: `公示「${n.title}」截至 ${day(n.lastDay)}，期满后结束公示`, link: '/notices' });
  }
  return items;
}

export default function Dashboard({ staff }: { staff: Staff }) {
  const { data, error } = useApi(overview, []);
  if (error) return <Alert type="error" showIcon title={error} />;
  const figures: [string, number | undefined, string?][] = [
    ['已筛查', data?.screened], ['符合条件', data?.eligible], ['复核通过', data?.approved], ['公示中', data?.inNotice],
    ['已告知待确认', data?.notified], ['已确认', undefined, '待接口提供'], ['已拨付', undefined, '拨付功能建设中'],
  ];
  const summary = data?.run?.summary;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>工作台 · {ROUND}年度稳岗返还</Typography.Title>
      <Card loading={!data}>
        <Row gutter={16}>
          {figures.map(([title, value, hint]) => (
            <Col key={title} xs={12} md={6} xl={3} style={{ marginBottom: 8 }}>
              <Statistic title={title} value={value === undefined ? '—' : count(value)} suffix={value === undefined ? undefined : '个'} />
              {hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={`拟返还金额 · 按地区${summary ? `（筛查批次 ${summary.run.id}）` : ''}`} loading={!data}>
            {summary ? <BarChart bars={summary.byRegion.map((t) => ({ label: regionLabel(t.key, t.label), amountFen: t.amountFen, units: t.units }))} />
              : <Typography.Text type="secondary">尚未筛查</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="拟返还金额 · 按企业规模" loading={!data}>
            {summary ? <BarChart bars={summary.bySize.map((t) => ({ label: SIZE_LABELS[t.key] ?? t.key, amountFen: t.amountFen, units: t.units }))} />
              : <Typography.Text type="secondary">尚未筛查</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Card title="待我处理" style={{ marginTop: 16 }} loading={!data}>
        {data && (
          <List
            dataSource={waitingFor(staff, data)}
            locale={{ emptyText: '暂无待办事项' }}
            renderItem={(item) => <List.Item><Link to={item.link}>{item.text}</Link></List.Item>}
          />
        )}
        {summary && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          最近筛查：批次 {summary.run.id}，审核日期 {day(summary.run.as_of)}，合计 <Tag>{count(summary.total.units)} 个单位</Tag><span className="amount">{yuan(summary.total.amountFen)}</span>
        </Typography.Paragraph>}
      </Card>
    </>
  );
}
