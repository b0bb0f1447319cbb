// The enterprise portal (/unit): a unit signs in with its unified social credit code and an SMS code, then sees its
// job-retention refund — the decision explained condition by condition, the amount, the account it goes to — confirms
// it once notified (鲁人社发〔2024〕8号 第七条), follows the payment, and, as a labour-dispatch unit, applies (第三条).
import { Alert, App, Button, Card, Descriptions, Empty, List, Result, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, ROUND } from '../shared/api.ts';
import { dateTime, yuan } from '../shared/format.ts';
import {
  PAY_TO_LABELS,
  PAYMENT_ROLE_LABELS,
  PAYMENT_STATUS_COLORS,
  reasonLabel,
  SIZE_LABELS,
  STATUS_COLORS,
} from '../shared/labels.ts';
import type { PortalChecklistLine, PortalPayment, PortalRound, UnitOverview } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { Counterfactual } from '../shared/Counterfactual.tsx';
import type { UnitSession } from '../shared/session.ts';
import { DispatchApply } from './DispatchApply.tsx';
import { PushPreferenceCard } from '../shared/PushPreferenceCard.tsx';
import { PortalPage, SignedInBar } from './PortalSignIn.tsx';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/;

const resultIcons: Record<PortalChecklistLine['result'], React.ReactNode> = {
  met: <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="符合" />,
  not_met: <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label="不符合" />,
  missing: <QuestionCircleFilled style={{ color: '#faad14' }} aria-label="数据缺失" />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} aria-label="计算" />,
};

function Checklist({ lines }: { lines: PortalChecklistLine[] }) {
  return (
    <List
      size="small"
      dataSource={lines}
      data-testid="refund-checklist"
      renderItem={(line) => (
        <List.Item style={{ alignItems: 'flex-start', gap: 12, justifyContent: 'flex-start' }}>
          <span style={{ paddingTop: 2 }}>{resultIcons[line.result]}</span>
          <div>
            <div>{line.text}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              依据：{line.legalBasis}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

function Payments({ payments }: { payments: PortalPayment[] }) {
  return (
    <Table<PortalPayment>
      size="small"
      rowKey="id"
      dataSource={payments}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        {
          title: '收款单位',
          dataIndex: 'recipientName',
          render: (name: string, p) => (p.toThisUnit ? `${name}（本单位）` : `${name}（${PAYMENT_ROLE_LABELS[p.role]}）`),
        },
        {
          title: '金额',
          dataIndex: 'amountFen',
          align: 'right',
          render: (f: number) => <span className="amount">{yuan(f)}</span>,
        },
        {
          title: '收款账户',
          dataIndex: 'accountMasked',
          render: (masked: string, p) => `${PAY_TO_LABELS[p.accountKind] ?? ''} ${masked}`,
        },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: string, p) => <Tag color={PAYMENT_STATUS_COLORS[s]}>{p.statusLabel}</Tag>,
        },
        { title: '发送银行', dataIndex: 'sentAt', render: (at: string | null) => dateTime(at) },
        { title: '银行处理', dataIndex: 'settledAt', render: (at: string | null) => dateTime(at) },
      ]}
    />
  );
}

function RoundCard({ round, onChanged }: { round: PortalRound; onChanged: () => void }) {
  const { modal, message } = App.useApp();
  const refund = round.refundCase;
  const confirm = () => {
    if (!refund) return;
    modal.confirm({
      title: '确认稳岗返还',
      content: `确认${round.round}年度稳岗返还金额 ${yuan(refund.amountFen)}${refund.payTo ? `，返还至${refund.payTo}` : ''}？确认后经办机构将据此拨付，不能撤回。`,
      okText: '确认无误，提交',
      cancelText: '再看看',
      onOk: () =>
        api(`/unit/me/confirm`, { body: { round: round.round } }).then(
          () => {
            message.success('确认成功，经办机构将尽快拨付');
            onChanged();
          },
          (e: Error) => {
            message.error(e.message);
          },
        ),
    });
  };
  return (
    <Card title={round.title} style={{ marginTop: 16 }} data-testid={`round-${round.round}`}>
      {!refund && (
        <Typography.Paragraph>
          本年度您单位没有稳岗返还案件；以下为您单位作为用工单位收到的劳务派遣单位分配款项。
        </Typography.Paragraph>
      )}
      {refund && (
        <>
          <Descriptions
            bordered
            size="middle"
            column={1}
            items={[
              {
                key: 'state',
                label: '办理状态',
                children: (
                  <Tag
                    color={refund.state === 'ineligible' ? 'default' : STATUS_COLORS[refund.status]}
                    data-testid="refund-state"
                  >
                    {refund.stateLabel}
                  </Tag>
                ),
              },
              {
                key: 'amount',
                label: '返还金额',
                children:
                  refund.status === 'needs_review' ? (
                    <span data-testid="refund-amount">待核定</span>
                  ) : (
                    <strong className="amount" style={{ fontSize: 20, color: '#cf1322' }} data-testid="refund-amount">
                      {yuan(refund.amountFen)}
                    </strong>
                  ),
              },
              ...(refund.payTo ? [{ key: 'payTo', label: '返还账户', children: refund.payTo }] : []),
              ...(refund.reasons.length
                ? [{ key: 'reasons', label: '需要说明的事项', children: refund.reasons.map(reasonLabel).join('；') }]
                : []),
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 16, fontSize: 15 }} data-testid="refund-summary">
            {refund.explanation.summary}
          </Typography.Paragraph>
          <Alert type={refund.canConfirm ? 'warning' : 'info'} showIcon title={refund.explanation.nextStep} />
          {refund.canConfirm && (
            <Button type="primary" size="large" style={{ marginTop: 16 }} onClick={confirm}>
              确认返还
            </Button>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            判定依据（逐项核对）
          </Typography.Title>
          {refund.explanation.traceNote && (
            <Alert type="warning" showIcon title={refund.explanation.traceNote} data-testid="trace-note" />
          )}
          <Checklist lines={refund.explanation.checklist} />
          {refund.status !== 'eligible' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                怎样才能符合条件
              </Typography.Title>
              <Counterfactual path={`/unit/me/counterfactual?round=${round.round}`} />
            </>
          )}
        </>
      )}
      {round.confirmation && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            确认情况
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={1}
            data-testid="refund-confirmation"
            items={[
              {
                key: 'amount',
                label: '确认金额',
                children: <span className="amount">{yuan(round.confirmation.amountFen)}</span>,
              },
              { key: 'payTo', label: '返还账户', children: round.confirmation.payTo },
              { key: 'at', label: '确认时间', children: dateTime(round.confirmation.confirmedAt) },
            ]}
          />
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        拨付情况
      </Typography.Title>
      {round.payments.length ? (
        <Payments payments={round.payments} />
      ) : (
        <Typography.Text type="secondary">尚未拨付。确认后，经办机构将按批次拨付至返还账户。</Typography.Text>
      )}
    </Card>
  );
}

function UnitHome({ session, onSignedOut }: { session: UnitSession; onSignedOut: () => void }) {
  const overview = useApi(() => api<UnitOverview>('/unit/me'), []);
  const o = overview.data;
  if (overview.error) {
    return (
      <Result
        status="warning"
        title="无法加载本单位信息"
        subTitle={overview.error}
        extra={
          <Button type="primary" onClick={onSignedOut}>
            重新登录
          </Button>
        }
      />
    );
  }
  return (
    <>
      <SignedInBar who={session.unitName} onSignedOut={onSignedOut} />
      <Card title="本单位信息" loading={!o}>
        {o && (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'name', label: '单位名称', children: o.unit.name },
              { key: 'code', label: '统一社会信用代码', children: o.unit.creditCodeMasked },
              { key: 'region', label: '参保地', children: o.unit.regionName },
              { key: 'size', label: '企业规模', children: SIZE_LABELS[o.unit.size ?? 'unknown'] },
              { key: 'dispatch', label: '劳务派遣单位', children: o.unit.laborDispatch ? '是' : '否' },
            ]}
          />
        )}
      </Card>
      {o && o.rounds.length === 0 && (
        <Card style={{ marginTop: 16 }}>
          <Empty description="暂无稳岗返还事项。经办机构完成筛查后，结果将在此显示。" />
        </Card>
      )}
      {o?.rounds.map((round) => (
        <RoundCard key={round.round} round={round} onChanged={overview.reload} />
      ))}
      {o?.unit.laborDispatch && (
        <DispatchApply application={o.rounds.find((r) => r.round === ROUND)?.application ?? null} onSubmitted={overview.reload} />
      )}
      <PushPreferenceCard path="/unit/me/push-preference" who="单位" />
    </>
  );
}

export default function UnitPortal() {
  return (
    <PortalPage
      subtitle="单位服务"
      signIn={{
        kind: 'unit',
        title: '单位登录',
        identifierLabel: '统一社会信用代码',
        identifierPlaceholder: '18 位统一社会信用代码',
        pattern: CREDIT_CODE,
        patternMessage: '统一社会信用代码应为18位数字或大写字母',
        children: (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            查看稳岗返还公示名单：<Link to="/gongshi">公示公告</Link>
          </Typography.Paragraph>
        ),
      }}
      home={(session, onSignedOut) => <UnitHome session={session} onSignedOut={onSignedOut} />}
    />
  );
}
