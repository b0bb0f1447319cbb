// 申请技能提升补贴 (鲁人社发〔2024〕8号 第四条): the signed-in person enters only the certificate number; the decision,
// its reasons and the payment's progress are listed below, each with its decision trace (every condition and clause).
import { useState } from 'react';
import { App, Button, Card, Form, Input, Table, Tag } from 'antd';
import {
  skillApplicationStateLabels,
  skillDecisionStatusLabels,
  skillReasonLabels,
} from '../../../src/domain/vocabulary/skill-subsidy.ts';
import { paymentStatusLabel } from '../../../src/domain/vocabulary/payments.ts';
import { api } from '../shared/api.ts';
import { day, yuan } from '../shared/format.ts';
import { CERTIFICATE_LEVEL_LABELS } from '../shared/labels.ts';
import { useApi } from '../shared/use-api.ts';
import type { SkillApplicationDetail as SkillApplication } from '../staff/SkillSubsidy.tsx';
import { TraceTable } from '../staff/benefit/ClaimTables.tsx';

const STATUS_COLOR = { eligible: 'success', ineligible: 'error', needs_review: 'warning' } as const;

export function SkillSubsidyCard() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ certificateNumber: string }>();
  const list = useApi(() => api<SkillApplication[]>('/person/me/skill-subsidy'), []);
  const submit = (v: { certificateNumber: string }) => {
    setBusy(true);
    api<{ status: keyof typeof skillDecisionStatusLabels }>('/person/me/skill-subsidy', {
      body: { certificateNumber: v.certificateNumber.trim() },
    })
      .then(
        (r) => {
          message.success(`已提交，判定结果：${skillDecisionStatusLabels[r.status]}，待工作人员复核`);
          form.resetFields();
          list.reload();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="申请技能提升补贴" style={{ marginTop: 16 }} data-testid="skill-card">
      <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12 }}>
        <Form.Item name="certificateNumber" label="证书编号" rules={[{ required: true, message: '请填写证书编号' }]}>
          <Input style={{ width: 280 }} placeholder="职业资格或职业技能等级证书编号" data-testid="skill-certificate" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交申请
        </Button>
      </Form>
      <Table<SkillApplication>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        scroll={{ x: true }}
        data-testid="skill-applications"
        expandable={{
          expandedRowRender: (r) => (
            <div data-testid="skill-application-trace">
              <TraceTable trace={r.trace} />
            </div>
          ),
          columnTitle: '判定过程',
        }}
        columns={[
          { title: '证书编号', dataIndex: 'certificateNumber' },
          {
            title: '职业（工种）',
            render: (_: unknown, r) => `${r.occupationName ?? r.occupationCode} ${CERTIFICATE_LEVEL_LABELS[r.level] ?? ''}`,
          },
          { title: '申请日期', dataIndex: 'applicationDate', render: day },
          {
            title: '判定结果',
            dataIndex: 'status',
            render: (s: SkillApplication['status'], r) => (
              <>
                <Tag color={STATUS_COLOR[s]}>{skillDecisionStatusLabels[s]}</Tag>
                {r.reasons.map((c) => skillReasonLabels[c] ?? c).join('；')}
              </>
            ),
          },
          {
            title: '补贴金额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number, r) => `${yuan(f)}${r.retroactive ? '（补发）' : ''}`,
          },
          {
            title: '办理进度',
            render: (_: unknown, r) =>
              r.paymentStatus ? `发放：${paymentStatusLabel[r.paymentStatus]}` : skillApplicationStateLabels[r.state],
          },
        ]}
      />
    </Card>
  );
}
