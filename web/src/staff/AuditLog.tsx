// 审计日志 for the auditor: search the hash-chained log by who, what, which subject and Beijing-time dates, newest
// first, 50 at a time with "加载更多" (keyset pages by nextBefore); and verify the whole chain against its checkpoints,
// showing either that it holds or the first entry that does not, with the server's reason in Chinese.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, query, ROUND } from '../shared/api.ts';
import { count, dateTime, yuan } from '../shared/format.ts';
import {
  actorLabel,
  AUDIT_ACTION_LABELS,
  AUDIT_AREA_LABELS,
  AUDIT_SUBJECT_KINDS,
  auditActionLabel,
  auditSubjectLabel,
  BANK_FILE_FORMAT_LABELS,
  BANK_OUTCOME_LABELS,
  IMPORT_KIND_LABELS,
  PERSONAL_DATA_FIELD_LABELS,
  regionLabel,
  stateLabel,
  type RefundCaseState,
} from '../shared/labels.ts';
import { staffRoleLabels, type StaffRole } from '../shared/session.ts';
import type { AuditEntry, AuditPage, AuditVerdict } from '../shared/types.ts';

const PAGE_SIZE = 50;

/** The action filter: each area's whole prefix (`case.*`) first, then its single actions. */
const ACTION_OPTIONS = Object.entries(AUDIT_AREA_LABELS).map(([area, label]) => ({
  label,
  options: [
    { value: `${area}.*`, label: `全部${label}记录` },
    ...Object.entries(AUDIT_ACTION_LABELS)
      .filter(([action]) => action.startsWith(`${area}.`))
      .map(([value, text]) => ({ value, label: text })),
  ],
}));

const SUBJECT_KIND_OPTIONS = Object.entries(AUDIT_SUBJECT_KINDS).map(([value, { label }]) => ({ value, label }));

interface Filters {
  actor?: string;
  action?: string;
  subjectKind?: string;
  subjectId?: string;
  dates?: [Dayjs, Dayjs] | null;
}
interface Search {
  actor?: string;
  action?: string;
  subject?: string;
  from?: string;
  to?: string;
}

/** The subject searched for: one subject, or all of a kind (`refund_case:2024:*`) when no identifier is given. */
function subjectOf(kind: string | undefined, id: string | undefined): string | undefined {
  if (!kind) return undefined;
  if (kind === 'audit_log') return 'audit_log';
  const scoped = kind === 'refund_case' ? `${kind}:${ROUND}` : kind;
  return id?.trim() ? `${scoped}:${id.trim()}` : `${scoped}:*`;
}

function searchOf(f: Filters): Search {
  return {
    actor: f.actor?.trim() || undefined,
    action: f.action,
    subject: subjectOf(f.subjectKind, f.subjectId),
    from: f.dates?.[0].format('YYYY-MM-DD'),
    to: f.dates?.[1].format('YYYY-MM-DD'),
  };
}

function actionColor(action: string): string {
  if (['auth.sign_in_failed', 'auth.locked', 'auth.throttled', 'auth.sign_in_refused'].includes(action)) return 'red';
  if (action === 'personal_data.reveal') return 'orange';
  return action.startsWith('auth.') ? 'blue' : action.startsWith('account.') ? 'purple' : 'default';
}

type Detail = Record<string, unknown>;

/** A count with its measure word: 3 → "3 笔". */
const counted = (value: unknown, unit: string) => `${count(Number(value))} ${unit}`;

/** One detail field of `action` in Chinese; fields not known here are left out rather than shown as codes. */
function detailPart(action: string, key: string, value: unknown): string | undefined {
  switch (key) {
    case 'roles':
      return Array.isArray(value) ? `角色：${value.map((r) => staffRoleLabels[r as StaffRole] ?? '其他').join('、')}` : undefined;
    case 'regionCode':
      return `管辖地区：${regionLabel(String(value))}`;
    case 'ip':
      return `登录地址：${String(value)}`;
    case 'field':
      return `查看项目：${PERSONAL_DATA_FIELD_LABELS[String(value)] ?? '其他'}`;
    case 'reason':
      return `事由：${String(value)}`;
    case 'note':
      return value ? `说明：${String(value)}` : undefined;
    case 'round':
      return `年度：${String(value)}`;
    case 'opened':
      return `新开案件：${counted(value, '件')}`;
    // Data imports.
    case 'kind':
      return `数据类型：${IMPORT_KIND_LABELS[String(value)] ?? '其他数据'}`;
    case 'rowCount':
      return `共 ${counted(value, '行')}`;
    case 'inserted':
      return `新增 ${counted(value, '行')}`;
    case 'updated':
      return `更新 ${counted(value, '行')}`;
    case 'unchanged':
      return `未变 ${counted(value, '行')}`;
    // Money movements: payment batches, bank files and account corrections.
    case 'paymentId':
      return `支付编号：${String(value)}`;
    case 'attempt':
      return `第 ${count(Number(value))} 次支付`;
    case 'paymentCount':
      return `支付 ${counted(value, '笔')}`;
    case 'lineCount':
      return `${action === 'bank_file.import_return' ? '回单' : '付款指令'} ${counted(value, '笔')}`;
    case 'paid':
    case 'failed':
    case 'returned':
      return `${BANK_OUTCOME_LABELS[key]} ${counted(value, '笔')}`;
    case 'totalFen':
      return `金额合计：${yuan(Number(value))}`;
    case 'format':
      return `文件格式：${BANK_FILE_FORMAT_LABELS[String(value)] ?? '其他'}`;
    case 'sha256':
      return `校验值：${String(value).slice(0, 12)}…`;
    default:
      return undefined;
  }
}

/** The order detail fields read in (the stored detail's own key order is not kept by the database). */
const DETAIL_ORDER = [
  'roles',
  'regionCode',
  'field',
  'round',
  'opened',
  'kind',
  'rowCount',
  'inserted',
  'updated',
  'unchanged',
  'paymentId',
  'attempt',
  'paymentCount',
  'lineCount',
  'paid',
  'failed',
  'returned',
  'totalFen',
  'format',
  'sha256',
  'reason',
  'note',
  'ip',
];

function detailText(action: string, detail: AuditEntry['detail']): string {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return '—';
  const d = detail as Detail;
  const parts: string[] = [];
  if (typeof d.to === 'string')
    parts.push(`案件状态：${d.from ? `${stateLabel(d.from as RefundCaseState)} → ` : ''}${stateLabel(d.to as RefundCaseState)}`);
  for (const key of DETAIL_ORDER) {
    const part = key in d ? detailPart(action, key, d[key]) : undefined;
    if (part) parts.push(part);
  }
  return parts.join('；') || '—';
}

function VerifyCard() {
  const [verdict, setVerdict] = useState<AuditVerdict>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const verify = () => {
    setBusy(true);
    setError(undefined);
    api<AuditVerdict>('/audit/verify', { body: {} })
      .then(setVerdict, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const checkpoint = verdict?.checkpoints[0];
  return (
    <Card
      title="校验审计日志"
      extra={
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify}>
          校验审计日志
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        每条记录的哈希覆盖其内容和上一条记录的哈希（国密
        SM3），任何修改、删除或调换都会使哈希链断开；校验同时核对最新的检查点，发现末尾记录被删除或整体改写。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {verdict?.ok === true && (
        <Alert
          type="success"
          showIcon
          data-testid="audit-verdict"
          title="审计日志完整"
          description={`共 ${count(verdict.count)} 条记录，哈希链完整${verdict.last ? `，最新为第 ${verdict.last.seq} 条` : ''}${checkpoint ? `；与检查点（第 ${checkpoint.seq} 条）一致` : '；尚无检查点'}。`}
        />
      )}
      {verdict?.ok === false && (
        <Alert
          type="error"
          showIcon
          data-testid="audit-verdict"
          title={`审计日志自第 ${verdict.seq} 条起不可信`}
          description={verdict.message}
        />
      )}
    </Card>
  );
}

export default function AuditLog() {
  const [form] = Form.useForm<Filters>();
  const [search, setSearch] = useState<Search>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const subjectKind = Form.useWatch('subjectKind', form);

  const load = useCallback((s: Search, before?: number) => {
    setLoading(true);
    setError(undefined);
    api<AuditPage>(`/audit${query({ ...s, before, limit: PAGE_SIZE })}`)
      .then(
        (page) => {
          setEntries((shown) => (before ? [...shown, ...page.entries] : page.entries));
          setNextBefore(page.nextBefore);
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setLoading(false));
  }, []);
  useEffect(() => load(search), [load, search]);

  const idLabel = subjectKind ? AUDIT_SUBJECT_KINDS[subjectKind]?.id : undefined;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        审计日志
      </Typography.Title>
      <VerifyCard />
      <Card title="查询审计日志" style={{ marginTop: 16 }}>
        <Form form={form} layout="inline" style={{ rowGap: 12 }} onFinish={(f) => setSearch(searchOf(f))}>
          <Form.Item name="actor" label="操作人">
            <Input allowClear placeholder="如：系统管理员（admin）" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select allowClear placeholder="全部" style={{ width: 220 }} options={ACTION_OPTIONS} />
          </Form.Item>
          <Form.Item name="subjectKind" label="对象">
            <Select allowClear placeholder="全部" style={{ width: 140 }} options={SUBJECT_KIND_OPTIONS} />
          </Form.Item>
          {idLabel && (
            <Form.Item name="subjectId" label={idLabel}>
              <Input allowClear placeholder="不填为该类全部" style={{ width: 160 }} />
            </Form.Item>
          )}
          <Form.Item name="dates" label="日期">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setSearch({});
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card title={`审计记录（最新的在前，已显示 ${count(entries.length)} 条）`} style={{ marginTop: 16 }}>
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
        <Table<AuditEntry>
          size="small"
          rowKey="seq"
          loading={loading}
          dataSource={entries}
          pagination={false}
          expandable={{
            expandedRowRender: (e) => (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'hash', label: '本条哈希', children: <Typography.Text code>{e.hash}</Typography.Text> },
                  { key: 'prev', label: '上一条哈希', children: <Typography.Text code>{e.prevHash}</Typography.Text> },
                ]}
              />
            ),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80 },
            { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => dateTime(t) },
            { title: '操作人', dataIndex: 'actor', render: (a: string) => actorLabel(a) },
            {
              title: '操作',
              dataIndex: 'action',
              render: (a: string) => <Tag color={actionColor(a)}>{auditActionLabel(a)}</Tag>,
            },
            { title: '对象', dataIndex: 'subject', render: (s: string) => auditSubjectLabel(s) },
            { title: '详情', dataIndex: 'detail', render: (d: AuditEntry['detail'], e) => detailText(e.action, d) },
          ]}
        />
        {nextBefore !== null && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button loading={loading} onClick={() => load(search, nextBefore)}>
              加载更多
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
