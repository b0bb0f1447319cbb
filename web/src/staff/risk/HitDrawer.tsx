// One risk hit (鲁人社发〔2024〕8号 第八条): what the rule looks for and why, the evidence, and the two-person work on it —
// the case worker proposes, a reviewer (not the proposer) decides, and finance records each repayment of a recovery.
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { riskHitStatusLabels, riskSeverityLabels, riskStageLabels } from '../../../../src/domain/vocabulary/risk.ts';
import { api } from '../../shared/api.ts';
import { day, yuan, yuanToFen } from '../../shared/format.ts';
import { hasRole, type Staff } from '../../shared/session.ts';
import type { RepaymentBody, RiskHitDetail } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';
import { Evidence } from './Evidence.tsx';
import { ruleLabel } from './labels.ts';

function RepaymentForm({ hitId, onDone }: { hitId: number; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amountYuan: number; receivedOn: string; reference: string }>();
  const record = async (v: { amountYuan: number; receivedOn: string; reference: string }) => {
    const body: RepaymentBody = { amountFen: yuanToFen(v.amountYuan), receivedOn: v.receivedOn, reference: v.reference };
    try {
      await api(`/risk/hits/${hitId}/repayments`, { body });
      message.success('追回款已登记');
      form.resetFields();
      onDone();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={record} style={{ marginTop: 16 }} data-testid="repayment-form">
      <Typography.Text strong>登记追回款</Typography.Text>
      <Form.Item name="amountYuan" label="到账金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="receivedOn"
        label="到账日期"
        rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期须为 YYYY-MM-DD 格式' }]}
      >
        <Input placeholder="YYYY-MM-DD" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reference" label="到账凭证号" rules={[{ required: true, message: '请填写到账凭证号' }]}>
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        登记
      </Button>
    </Form>
  );
}

export function HitDrawer({ hitId, staff, onClose }: { hitId: number; staff: Staff; onClose(): void }) {
  const { message } = App.useApp();
  const hit = useApi(() => api<RiskHitDetail>(`/risk/hits/${hitId}`), [hitId]);
  const [note, setNote] = useState('');
  const act = async (path: string, body: Record<string, unknown>) => {
    try {
      await api(`/risk/hits/${hitId}/${path}`, { body });
      message.success('已提交');
      setNote('');
      hit.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const h = hit.data;
  return (
    <Drawer open width={600} title={`风险疑点 #${hitId}`} onClose={onClose}>
      {hit.error && <Alert type="error" showIcon title={hit.error} />}
      {h && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { label: '规则', children: ruleLabel(h.ruleCode) },
              { label: '规则说明', children: h.ruleText?.explanation ?? '—' },
              { label: '依据', children: h.ruleText?.legalBasis ?? '—' },
              { label: '环节 / 等级', children: `${riskStageLabels[h.stage]} / ${riskSeverityLabels[h.severity]}` },
              { label: '对象', children: `${h.regionName} ${h.subjectName}（${h.subjectKey}）` },
              { label: '涉及金额', children: yuan(h.amountFen) },
              {
                label: '状态',
                children: (
                  <span data-testid="hit-status">
                    {riskHitStatusLabels[h.status]}
                    {h.hold && (
                      <Tag color="red" style={{ marginLeft: 8 }}>
                        暂停支付
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                label: '证据',
                children: <Evidence evidence={h.evidence} />,
              },
              { label: '处理意见', children: h.proposalNote ? `${h.proposalNote}（${h.proposedBy}）` : '—' },
              { label: '复核人', children: h.decidedBy ?? '—' },
              { label: '应追回 / 已追回', children: `${yuan(h.recoveryFen)} / ${yuan(h.repaidFen)}` },
            ]}
          />
          {h.repayments.length > 0 && (
            <Table
              style={{ marginTop: 16 }}
              rowKey="seq"
              size="small"
              pagination={false}
              dataSource={h.repayments}
              columns={[
                { title: '到账日期', render: (_, r) => day(r.receivedOn) },
                { title: '金额', render: (_, r) => yuan(r.amountFen), align: 'right' },
                { title: '凭证号', dataIndex: 'reference' },
                { title: '登记人', dataIndex: 'recordedBy' },
              ]}
            />
          )}
          {(h.status === 'open' || h.status === 'proposed') && (
            <Input.TextArea
              style={{ marginTop: 16 }}
              rows={2}
              placeholder="核查或复核意见"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
          <Space style={{ marginTop: 8 }} wrap>
            {h.status === 'open' && hasRole(staff, 'case_worker') && (
              <>
                <Button onClick={() => act('propose', { proposal: 'clear', note })}>排除疑点</Button>
                <Button danger onClick={() => act('propose', { proposal: 'confirm', note })}>
                  确认问题
                </Button>
              </>
            )}
            {h.status === 'proposed' && hasRole(staff, 'reviewer') && (
              <>
                <Button type="primary" onClick={() => act('approve', note ? { note } : {})}>
                  复核通过
                </Button>
                <Button onClick={() => act('return', { note })}>退回</Button>
              </>
            )}
          </Space>
          {h.status === 'confirmed' && h.recoveryFen !== null && hasRole(staff, 'finance') && (
            <RepaymentForm hitId={hitId} onDone={hit.reload} />
          )}
        </>
      )}
    </Drawer>
  );
}
