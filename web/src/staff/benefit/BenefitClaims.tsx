// 失业保险金: the claim queue with filters, and one claim with its decision trace, schedule and actions — a case
// worker takes a claim by ID number, a reviewer approves or returns it, a case worker stops it or transfers the person.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { z } from 'zod';
import { benefitClaimStatuses, type BenefitClaimStatus } from '../../../../src/domain/benefit.ts';
import {
  benefitClaimStatusLabels,
  benefitReasonLabels,
  benefitStopReasonLabels,
} from '../../../../src/domain/vocabulary/benefit.ts';
import type { claimDetail, claimRow } from '../../../../src/server/schemas/benefit.ts';
import { api, download, query } from '../../shared/api.ts';
import { yuan } from '../../shared/format.ts';
import { hasRole, type Staff } from '../../shared/session.ts';
import { useApi } from '../../shared/use-api.ts';
import { ScheduleTable, TraceTable } from './ClaimTables.tsx';

type ClaimRow = z.input<typeof claimRow>;
type ClaimDetail = z.input<typeof claimDetail>;

function ClaimActions({ claim, staff, onDone }: { claim: ClaimDetail; staff: Staff; onDone: () => void }) {
  const { message } = App.useApp();
  const act = (path: string, body: Record<string, unknown>) =>
    api(path, { body }).then(
      () => {
        message.success('已办理');
        onDone();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <Space direction="vertical">
      {claim.status === 'submitted' && hasRole(staff, 'reviewer') && (
        <Form
          layout="inline"
          onFinish={(v: { note?: string; outcome: string }) =>
            act(`/benefit/claims/${claim.claimId}/${v.outcome}`, { note: v.note })
          }
        >
          <Form.Item name="note">
            <Input placeholder="复核意见（退回必填）" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="outcome" initialValue="approve">
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'approve', label: '核准发放' },
                { value: 'return', label: '退回' },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            提交复核
          </Button>
        </Form>
      )}
      {claim.status === 'approved' && hasRole(staff, 'case_worker', 'reviewer') && (
        <Form layout="inline" onFinish={(v: { from: string; note: string }) => act(`/benefit/claims/${claim.claimId}/stop`, v)}>
          <Form.Item name="from" rules={[{ required: true, message: '请填写停发月份' }]}>
            <Input placeholder="停发起始月份 2024-08" />
          </Form.Item>
          <Form.Item name="note" rules={[{ required: true, message: '请填写停发原因' }]}>
            <Input placeholder="停发原因" />
          </Form.Item>
          <Button danger htmlType="submit">
            停发
          </Button>
        </Form>
      )}
      {hasRole(staff, 'case_worker') && (
        <Form
          layout="inline"
          onFinish={(v: { to: string; on: string }) => act('/benefit/transfers', { personId: claim.personId, ...v })}
        >
          <Form.Item name="to" rules={[{ required: true, message: '请填写转入地' }]}>
            <Input placeholder="转入地" />
          </Form.Item>
          <Form.Item name="on" rules={[{ required: true, message: '请填写转移日期' }]}>
            <Input placeholder="转移日期 2024-08-01" />
          </Form.Item>
          <Button htmlType="submit">关系转出</Button>
        </Form>
      )}
    </Space>
  );
}

export function BenefitClaims({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState<BenefitClaimStatus | undefined>();
  const [selected, setSelected] = useState<number | undefined>();
  const claims = useApi(() => api<ClaimRow[]>(`/benefit/claims${query({ region: staff.regionCode, status })}`), [status]);
  const detail = useApi(
    () => (selected ? api<ClaimDetail>(`/benefit/claims/${selected}`) : Promise.resolve(undefined)),
    [selected],
  );
  const take = (v: { idNumber: string }) =>
    api<{ claimId: number }>('/benefit/claims', { body: v }).then(
      (r) => {
        message.success(`已受理申领 ${r.claimId}`);
        claims.reload();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {hasRole(staff, 'case_worker') && (
        <Card title="窗口受理（仅凭身份证号码）">
          <Form layout="inline" onFinish={take}>
            <Form.Item name="idNumber" rules={[{ required: true, len: 18, message: '请输入18位公民身份号码' }]}>
              <Input placeholder="公民身份号码" style={{ width: 240 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              受理申领
            </Button>
          </Form>
        </Card>
      )}
      <Card
        title="失业保险金申领"
        extra={
          <Space>
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 140 }}
              onChange={setStatus}
              options={benefitClaimStatuses.map((s) => ({ value: s, label: benefitClaimStatusLabels[s] }))}
            />
            <Button
              data-testid="benefit-export"
              title="按当前筛选条件导出申领列表（Excel 文件）"
              onClick={() => void download(`/benefit/claims${query({ region: staff.regionCode, status, format: 'xlsx' })}`)}
            >
              导出电子表格
            </Button>
          </Space>
        }
      >
        <Table<ClaimRow>
          rowKey="claimId"
          size="small"
          loading={claims.loading}
          dataSource={claims.data ?? []}
          onRow={(r) => ({ onClick: () => setSelected(r.claimId) })}
          columns={[
            { title: '编号', dataIndex: 'claimId' },
            { title: '姓名', dataIndex: 'name' },
            { title: '身份证号码', dataIndex: 'idNumberMasked' },
            { title: '申领日期', dataIndex: 'claimDate' },
            { title: '状态', render: (_, r) => <Tag>{benefitClaimStatusLabels[r.status]}</Tag> },
            {
              title: '判定',
              render: (_, r) => (r.reasons.length ? r.reasons.map((c) => benefitReasonLabels[c] ?? c).join('、') : '符合'),
            },
            { title: '月数', dataIndex: 'maxMonths' },
            { title: '月标准', render: (_, r) => yuan(r.monthlyFen) },
            {
              title: '停发',
              render: (_, r) => (r.stopReason ? `${benefitStopReasonLabels[r.stopReason]}（自 ${r.stoppedFrom}）` : ''),
            },
          ]}
        />
      </Card>
      {detail.data && (
        <Card title={`申领 ${detail.data.claimId}：${detail.data.name}（${benefitClaimStatusLabels[detail.data.status]}）`}>
          <ClaimActions
            claim={detail.data}
            staff={staff}
            onDone={() => {
              claims.reload();
              detail.reload();
            }}
          />
          <TraceTable trace={detail.data.trace} />
          <ScheduleTable schedule={detail.data.schedule} />
        </Card>
      )}
    </Space>
  );
}
