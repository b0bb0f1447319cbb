// 技能提升补贴 (鲁人社发〔2024〕8号 第四条): the queue with filters and Excel export, a case worker's entry of an
// application by certificate number, and one application's decision shown condition by condition, with a second
// person's approve / return.
import { useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { z } from 'zod';
import type { TraceStep } from '../../../src/policy/core/decision.ts';
import type { skillApplication, skillApplicationDetail } from '../../../src/server/schemas/skill-subsidy.ts';
import {
  skillApplicationChannelLabels,
  skillApplicationStateLabels,
  skillDecisionStatusLabels,
  skillReasonLabels,
} from '../../../src/domain/vocabulary/skill-subsidy.ts';
import { paymentStatusLabel } from '../../../src/domain/vocabulary/payments.ts';
import { api, download, query } from '../shared/api.ts';
import { day, yuan } from '../shared/format.ts';
import { CERTIFICATE_LEVEL_LABELS } from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import { useApi } from '../shared/use-api.ts';

/** One application as the queue and the person's own list return it (from the route's zod schema). */
export type SkillApplication = z.input<typeof skillApplication>;
export type SkillApplicationDetail = z.input<typeof skillApplicationDetail>;

const STATUS_COLOR = { eligible: 'success', ineligible: 'error', needs_review: 'warning' } as const;

function Verdict({ passed }: { passed: TraceStep['passed'] }) {
  if (passed === true) return <Tag color="success">✓ 符合</Tag>;
  if (passed === false) return <Tag color="error">✗ 不符合</Tag>;
  if (passed === null) return <Tag color="warning">？ 数据缺失</Tag>;
  return <Tag>取值</Tag>;
}

function Entry({ onDone }: { onDone: (id: number) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = (v: { certificateNumber: string; applicationDate?: { format(f: string): string } }) => {
    setBusy(true);
    api<{ id: number }>('/skill-subsidy/applications', {
      body: {
        certificateNumber: v.certificateNumber,
        ...(v.applicationDate && { applicationDate: v.applicationDate.format('YYYY-MM-DD') }),
      },
    })
      .then(
        (r) => {
          message.success(`已录入申请 ${r.id}`);
          onDone(r.id);
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="录入申请（只需证书编号）" style={{ marginBottom: 16 }}>
      <Form layout="inline" onFinish={submit}>
        <Form.Item name="certificateNumber" label="证书编号" rules={[{ required: true, message: '请填写证书编号' }]}>
          <Input style={{ width: 280 }} data-testid="skill-certificate" />
        </Form.Item>
        <Form.Item name="applicationDate" label="收件日期">
          <DatePicker placeholder="默认今天" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交并判定
        </Button>
      </Form>
    </Card>
  );
}

function Queue({ staff }: { staff: Staff }) {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Record<string, string | undefined>>({ state: 'submitted', regionCode: staff.regionCode });
  const list = useApi(() => api<SkillApplication[]>(`/skill-subsidy/applications${query(filter)}`), [JSON.stringify(filter)]);
  const select = (key: string, labels: Readonly<Record<string, string>>, placeholder: string) => (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width: 150 }}
      value={filter[key]}
      onChange={(v: string | undefined) => setFilter({ ...filter, [key]: v })}
      options={Object.entries(labels).map(([value, label]) => ({ value, label }))}
    />
  );
  return (
    <>
      {hasRole(staff, 'case_worker') && <Entry onDone={(id) => navigate(`/skill-subsidy/${id}`)} />}
      <Card
        title="技能提升补贴申请"
        extra={
          <Button
            title="按当前筛选条件导出申请列表（Excel 文件）"
            onClick={() => void download(`/skill-subsidy/applications${query({ ...filter, format: 'xlsx' })}`)}
          >
            导出电子表格
          </Button>
        }
      >
        <Space style={{ marginBottom: 12 }} wrap>
          {select('state', skillApplicationStateLabels, '复核状态')}
          {select('status', skillDecisionStatusLabels, '判定结果')}
          {select('retroactive', { true: '补发', false: '非补发' }, '是否补发')}
        </Space>
        <Table<SkillApplication>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          data-testid="skill-queue"
          onRow={(r) => ({ onClick: () => navigate(`/skill-subsidy/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '编号', dataIndex: 'id', width: 70 },
            { title: '姓名', dataIndex: 'name' },
            { title: '公民身份号码', dataIndex: 'idNumberMasked' },
            { title: '职业（工种）', render: (_: unknown, r) => r.occupationName ?? r.occupationCode },
            { title: '等级', dataIndex: 'level', render: (l: number) => CERTIFICATE_LEVEL_LABELS[l] ?? `${l}级` },
            {
              title: '判定',
              dataIndex: 'status',
              render: (s: SkillApplication['status']) => <Tag color={STATUS_COLOR[s]}>{skillDecisionStatusLabels[s]}</Tag>,
            },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
            { title: '补发', dataIndex: 'retroactive', render: (r: boolean) => (r ? <Tag color="purple">补发</Tag> : '') },
            { title: '复核', dataIndex: 'state', render: (s: SkillApplication['state']) => skillApplicationStateLabels[s] },
          ]}
        />
      </Card>
    </>
  );
}

function Detail({ staff }: { staff: Staff }) {
  const { id } = useParams();
  const { message } = App.useApp();
  const detail = useApi(() => api<SkillApplicationDetail>(`/skill-subsidy/applications/${id}`), [id]);
  const [note, setNote] = useState('');
  const d = detail.data;
  const review = (outcome: 'approve' | 'return') =>
    api<{ paymentHeld?: string }>(`/skill-subsidy/applications/${id}/${outcome}`, { body: { ...(note && { note }) } }).then(
      (r) => {
        message.success(outcome === 'approve' ? `已复核通过${r.paymentHeld ? `；${r.paymentHeld}` : ''}` : '已退回');
        detail.reload();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <>
      <Card title={`技能提升补贴申请 ${id}`} loading={!d}>
        {d && (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            data-testid="skill-detail"
            items={[
              { key: 'n', label: '申请人', children: `${d.name}（${d.idNumberMasked}）` },
              {
                key: 'c',
                label: '证书',
                children: `${d.certificateNumber}，${d.occupationName ?? d.occupationCode}，${CERTIFICATE_LEVEL_LABELS[d.level] ?? d.level}，${day(d.issueDate)}发证${d.issuingBody ? `（${d.issuingBody}）` : ''}`,
              },
              {
                key: 'a',
                label: '申请日期与渠道',
                children: `${day(d.applicationDate)}，${skillApplicationChannelLabels[d.channel]}`,
              },
              {
                key: 's',
                label: '判定结果',
                children: <Tag color={STATUS_COLOR[d.status]}>{skillDecisionStatusLabels[d.status]}</Tag>,
              },
              { key: 'm', label: '补贴金额', children: `${yuan(d.amountFen)}${d.retroactive ? '（补发）' : ''}` },
              { key: 'r', label: '不符合原因', children: d.reasons.map((c) => skillReasonLabels[c] ?? c).join('；') || '无' },
              {
                key: 'v',
                label: '复核',
                children: `${skillApplicationStateLabels[d.state]}${d.reviewedBy ? `（${d.reviewedBy}${d.reviewNote ? `：${d.reviewNote}` : ''}）` : ''}`,
              },
              {
                key: 'p',
                label: '发放',
                children: d.paymentStatus ? `款项 #${d.paymentId}，${paymentStatusLabel[d.paymentStatus]}` : '未生成款项',
              },
            ]}
          />
        )}
      </Card>
      <Card title="判定过程（逐项核对）" style={{ marginTop: 16 }} loading={!d}>
        <Table<TraceStep & { n: number }>
          size="small"
          pagination={false}
          rowKey="n"
          dataSource={d?.trace.map((t, n) => ({ ...t, n: n + 1 })) ?? []}
          data-testid="skill-trace"
          columns={[
            { title: '序号', dataIndex: 'n', width: 64 },
            { title: '条件、取值与标准', dataIndex: 'text' },
            { title: '结果', dataIndex: 'passed', width: 120, render: (p: TraceStep['passed']) => <Verdict passed={p} /> },
            { title: '政策依据', dataIndex: 'legalBasis', width: 260 },
          ]}
        />
      </Card>
      {d?.state === 'submitted' && hasRole(staff, 'reviewer') && (
        <Card title="复核（复核人不得为经办人）" style={{ marginTop: 16 }}>
          <Space wrap>
            <Input
              placeholder="复核意见（退回时必填）"
              style={{ width: 360 }}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button type="primary" disabled={d.status === 'needs_review'} onClick={() => void review('approve')}>
              复核通过
            </Button>
            <Button danger onClick={() => void review('return')}>
              退回
            </Button>
          </Space>
        </Card>
      )}
    </>
  );
}

export default function SkillSubsidy({ staff }: { staff: Staff }) {
  return (
    <Routes>
      <Route index element={<Queue staff={staff} />} />
      <Route path=":id" element={<Detail staff={staff} />} />
    </Routes>
  );
}
