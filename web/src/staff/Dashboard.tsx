// 工作台: how far the round has come (units and amounts per stage), the amounts by district and by size of the latest
// screening, what is waiting for the signed-in person, and the push campaigns' targets, reach, uptake and money paid
// by district. A part outside a regional account's scope says so in Chinese.
import { Alert, Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ROUND } from '../shared/api.ts';
import { BarChart } from '../shared/BarChart.tsx';
import { count, day, yuan } from '../shared/format.ts';
import { regionLabel, RUN_STATUS_LABELS, SIZE_LABELS } from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import { useApi } from '../shared/use-api.ts';
import { belowCity, loadOverview, STAGES, tallyOf, type Overview, type Part } from './dashboard/overview.ts';
import { FundPanel } from './dashboard/FundPanel.tsx';
import { PayoutCard } from './dashboard/PayoutCard.tsx';
import { CampaignResults } from './risk/CampaignResults.tsx';
import { fundRegionOf } from './fund/fund-region.ts';

/** Sizes from large to micro, the unknown last, as people read a size chart. */
const SIZE_ORDER = ['large', 'medium', 'small', 'micro'];
const sizeRank = (key: string) => {
  const rank = SIZE_ORDER.indexOf(key);
  return rank < 0 ? SIZE_ORDER.length : rank;
};

interface Todo {
  text: string;
  link?: string;
}

/** Why a part is missing, in Chinese: outside the account's region, or the server's refusal. */
function missing(staff: Staff, what: string, p: Part<unknown>): string | undefined {
  if (p.ok) return undefined;
  return p.outOfScope
    ? `${what}涉及全部地区，超出您账号的管辖地区（${regionLabel(staff.regionCode)}），此处不显示。`
    : `${what}暂时无法加载：${p.message}`;
}

function todos(staff: Staff, o: Overview): Todo[] {
  const items: Todo[] = [];
  const note = (what: string, p: Part<unknown> | undefined) => {
    const text = p && missing(staff, what, p);
    if (text) items.push({ text });
  };
  const batches = o.reviewBatches?.ok ? o.reviewBatches.value : [];
  if (hasRole(staff, 'reviewer')) {
    for (const b of batches.filter((x) => x.status === 'proposed' && x.proposedBy !== staff.name)) {
      items.push({
        text: `复核批次 ${b.id}（${b.proposedBy} 提交，${count(b.unitCount)} 个单位，${yuan(b.totalFen)}）待复核`,
        link: '/review',
      });
    }
  }
  if (hasRole(staff, 'case_worker')) {
    if (o.runs.ok && !o.runs.value.latest)
      items.push({ text: `第一步：筛查——${ROUND}年度尚未筛查，点此发起免申即享筛查`, link: '/screening' });
    if (o.needsReview?.ok && o.needsReview.value > 0) {
      items.push({ text: `${count(o.needsReview.value)} 个单位待人工复核（补录数据）`, link: '/decisions?status=needs_review' });
    }
    note('待人工复核的单位', o.needsReview);
    for (const b of batches.filter((x) => x.status === 'returned' && x.proposedBy === staff.name)) {
      items.push({ text: `复核批次 ${b.id} 被退回：${b.reviewNote ?? ''}`, link: '/review' });
    }
    const notices = o.notices?.ok ? o.notices.value : [];
    const approved = batches.filter((b) => b.status === 'approved');
    if (approved.length > 0 && notices.every((n) => n.status !== 'open'))
      items.push({ text: `${approved.length} 个复核通过的批次可发起公示`, link: '/notices' });
    for (const n of notices.filter((x) => x.status === 'open'))
      items.push({ text: `公示「${n.title}」截至 ${day(n.lastDay)}，期满后结束公示`, link: '/notices' });
    note('公示列表', o.notices);
  }
  if (hasRole(staff, 'case_worker', 'reviewer')) note('复核批次', o.reviewBatches);
  if (hasRole(staff, 'finance')) {
    const confirmed = o.progress.ok ? tallyOf(o.progress.value, ['confirmed']) : undefined;
    if (confirmed && confirmed.units > 0) {
      items.push({
        text: `${count(confirmed.units)} 个单位已确认返还，待拨付（合计 ${yuan(confirmed.amountFen)}）`,
        link: '/payments',
      });
    }
    const proposed = o.paymentBatches?.ok
      ? o.paymentBatches.value.filter((b) => b.status === 'proposed' && b.proposedBy !== staff.name)
      : [];
    for (const b of proposed) {
      items.push({
        text: `支付批次 ${b.batchId}（${b.proposedBy} 提交，${count(b.paymentCount)} 笔，${yuan(b.totalFen)}）待您授权`,
        link: '/payments',
      });
    }
    note('支付批次', o.paymentBatches);
  }
  return items;
}

function Figures({ staff, progress }: { staff: Staff; progress: Overview['progress'] }) {
  if (!progress.ok)
    return <Alert type={progress.outOfScope ? 'info' : 'error'} showIcon title={missing(staff, '本年度进度统计', progress)} />;
  return (
    <Row gutter={16}>
      {STAGES.map(({ title, states }) => {
        const { units, amountFen } = tallyOf(progress.value, states);
        return (
          <Col key={title} xs={12} md={6} xl={3} style={{ marginBottom: 8 }}>
            <Statistic title={title} value={count(units)} suffix="个" />
            <Typography.Text type="secondary" className="amount" style={{ fontSize: 12 }}>
              {yuan(amountFen)}
            </Typography.Text>
          </Col>
        );
      })}
    </Row>
  );
}

export default function Dashboard({ staff }: { staff: Staff }) {
  const { data, error } = useApi(() => loadOverview(staff), [staff]);
  if (error) return <Alert type="error" showIcon title={error} />;
  const runs = data?.runs;
  const summary = runs?.ok ? runs.value.summary : undefined;
  const latest = runs?.ok ? runs.value.latest : undefined;
  const chart = (bars: { label: string; amountFen: number; units: number }[]) => {
    if (runs && !runs.ok) return <Typography.Text type="secondary">{missing(staff, '筛查汇总', runs)}</Typography.Text>;
    return summary ? <BarChart bars={bars} /> : <Typography.Text type="secondary">尚未筛查</Typography.Text>;
  };
  const runLabel = summary
    ? `（筛查批次 ${summary.run.id}${summary.run.region_code ? `，${regionLabel(summary.run.region_code)}` : ''}）`
    : '';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        工作台 · {ROUND}年度稳岗返还
      </Typography.Title>
      <Card loading={!data} title="本年度进度（单位数与金额）">
        {data && <Figures staff={staff} progress={data.progress} />}
        {data?.progress.ok && belowCity(staff.regionCode) && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            本页的进度和图表为本年度全部地区的合计；您的账号管辖{regionLabel(staff.regionCode)}，该地区的单位见
            <Link to="/decisions">决定列表</Link>。
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={`拟返还金额 · 按地区${runLabel}`} loading={!data}>
            {chart(
              summary?.byRegion.map((t) => ({ label: regionLabel(t.key, t.label), amountFen: t.amountFen, units: t.units })) ??
                [],
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`拟返还金额 · 按企业规模${runLabel}`} loading={!data}>
            {chart(
              [...(summary?.bySize ?? [])]
                .sort((a, b) => sizeRank(a.key) - sizeRank(b.key))
                .map((t) => ({ label: SIZE_LABELS[t.key] ?? t.key, amountFen: t.amountFen, units: t.units })),
            )}
          </Card>
        </Col>
      </Row>
      <Card title="待我处理" style={{ marginTop: 16 }} loading={!data}>
        {data && (
          <List
            dataSource={todos(staff, data)}
            locale={{ emptyText: '暂无待办事项' }}
            renderItem={(item) => (
              <List.Item>
                {item.link ? (
                  <Link to={item.link}>{item.text}</Link>
                ) : (
                  <Typography.Text type="secondary">{item.text}</Typography.Text>
                )}
              </List.Item>
            )}
          />
        )}
        {latest && latest.status !== 'completed' && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            最新筛查批次 {latest.id}：<Tag>{RUN_STATUS_LABELS[latest.status] ?? latest.status}</Tag>已处理{' '}
            {count(latest.processed_units)} / {count(latest.total_units)} 个单位 （<Link to="/screening">查看筛查</Link>）
          </Typography.Paragraph>
        )}
        {summary && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            最近完成的筛查：批次 {summary.run.id}，审核日期 {day(summary.run.as_of)}，合计{' '}
            <Tag>{count(summary.total.units)} 个单位</Tag>
            <span className="amount">{yuan(summary.total.amountFen)}</span>
          </Typography.Paragraph>
        )}
      </Card>
      {hasRole(staff, 'case_worker', 'reviewer', 'finance', 'auditor') && (
        <Card title="精准推送效果 · 按地区（推送对象、送达、确认领取、已支付）" style={{ marginTop: 16 }}>
          <CampaignResults staff={staff} testIdPrefix="dashboard-campaign" />
        </Card>
      )}
      {hasRole(staff, 'finance', 'reviewer', 'auditor') && <FundPanel staff={staff} />}
      {hasRole(staff, 'finance', 'reviewer', 'auditor') && fundRegionOf(staff) && <PayoutCard staff={staff} />}
    </>
  );
}
