// 短信与确认: send the notices once 公示 has passed, the SMS outbox (texts are not shown: they carry confirmation
// links) and the units told but not yet confirmed.
import { Alert, App, Button, Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, query, ROUND } from '../shared/api.ts';
import { count, dateTime, yuan } from '../shared/format.ts';
import { regionLabel, SMS_STATUS_LABELS, SMS_TEMPLATE_LABELS } from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import type { NotifyResult, OutboxRow, UnconfirmedUnit } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

function NotifyCard({ onSent }: { onSent: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<NotifyResult>();
  const send = () => {
    setBusy(true);
    api<NotifyResult>(`/rounds/${ROUND}/notify`, { body: {} })
      .then(
        (r) => {
          setResult(r);
          onSent();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="发送告知短信" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        向公示期满、尚未告知的单位发送告知短信（含金额和确认链接）；已告知的单位不会重复发送。
      </Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={send}>
        向公示期满的单位发送告知短信
      </Button>
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type={result.manual.length ? 'warning' : 'success'}
          showIcon
          data-testid="notify-result"
          title={`已告知 ${count(result.notified)} 个单位；短信发送 ${count(result.delivery.sent)} 条${result.delivery.failed ? `，失败 ${count(result.delivery.failed)} 条` : ''}`}
          description={
            result.manual.length
              ? `${count(result.manual.length)} 个单位需人工告知：${result.manual.map((m) => `${m.unitName}（${m.reason}）`).join('；')}`
              : undefined
          }
        />
      )}
    </Card>
  );
}

const STATUS_COLORS: Record<string, string> = { pending: 'default', sending: 'processing', sent: 'success', failed: 'error' };

export default function Sms({ staff }: { staff: Staff }) {
  const [status, setStatus] = useState<string>();
  const outbox = useApi(() => api<OutboxRow[]>(`/sms/outbox${query({ status, limit: 1000 })}`), [status]);
  const unconfirmed = useApi(() => api<UnconfirmedUnit[]>(`/rounds/${ROUND}/unconfirmed`), []);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        短信与确认
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="公示期满后，系统向单位发送告知短信；单位通过短信中的链接核对金额并确认。此处查看发送情况和未确认的单位。"
      />
      {hasRole(staff, 'case_worker') && (
        <NotifyCard
          onSent={() => {
            unconfirmed.reload();
            outbox.reload();
          }}
        />
      )}
      <Card title={`已告知未确认的单位（${count(unconfirmed.data?.length ?? 0)} 个）`}>
        {unconfirmed.error && <Alert type="error" showIcon title={unconfirmed.error} />}
        <Table<UnconfirmedUnit>
          size="small"
          rowKey="unitId"
          loading={unconfirmed.loading}
          dataSource={unconfirmed.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '单位名称', dataIndex: 'unitName' },
            { title: '地区', dataIndex: 'regionCode', render: (c: string) => regionLabel(c) },
            { title: '联系手机', dataIndex: 'phoneMasked', render: (p: string | null) => p ?? '无' },
            {
              title: '拟返还金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => <span className="amount">{yuan(f)}</span>,
            },
            { title: '告知时间', dataIndex: 'notifiedAt', render: (t: string) => dateTime(t) },
            { title: '已过天数', dataIndex: 'daysSinceNotified' },
            { title: '已提醒次数', dataIndex: 'remindersSent' },
          ]}
        />
      </Card>
      <Card
        title="短信发件箱"
        style={{ marginTop: 16 }}
        extra={
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={Object.entries(SMS_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        }
      >
        {outbox.error && <Alert type="error" showIcon title={outbox.error} />}
        <Table<OutboxRow>
          size="small"
          rowKey="id"
          loading={outbox.loading}
          dataSource={outbox.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '编号', dataIndex: 'id' },
            { title: '类型', dataIndex: 'template', render: (t: string) => SMS_TEMPLATE_LABELS[t] ?? '其他' },
            { title: '单位编号', dataIndex: 'unit_id', render: (u: number | null) => u ?? '—' },
            { title: '手机', dataIndex: 'phone_masked' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{SMS_STATUS_LABELS[s] ?? s}</Tag>,
            },
            { title: '尝试次数', dataIndex: 'attempts' },
            { title: '创建时间', dataIndex: 'created_at', render: (t: string) => dateTime(t) },
            { title: '发送时间', dataIndex: 'sent_at', render: (t: string | null) => dateTime(t) },
            { title: '失败原因', dataIndex: 'last_error', render: (e: string | null) => e ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
