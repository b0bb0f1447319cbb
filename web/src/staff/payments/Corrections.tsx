// Account corrections, maker-checker: a finance officer proposes a new account for a payment the bank failed or
// returned, with a reason; a second one approves it and the payment is pending again for a new batch (same payment,
// next attempt). A person's payment (skill subsidy, benefit) is corrected to the person's social security card account
// only. The server refuses the proposer's own approval, and its refusal is shown as it is.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { api, query, ROUND } from '../../shared/api.ts';
import { dateTime, yuan } from '../../shared/format.ts';
import {
  ACCOUNT_KIND_LABELS,
  CORRECTION_STATUS_LABELS,
  PAY_TO_LABELS,
  PAYMENT_STATUS_COLORS,
  PAYMENT_STATUS_LABELS,
} from '../../shared/labels.ts';
import type {
  AccountCorrection,
  ApprovedCorrection,
  CorrectionBody,
  PaymentItem,
  ProposedCorrection,
} from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

type CorrectionForm = Omit<CorrectionBody, 'paymentId'>;

/** As the server checks it: 6 to 32 digits once spaces and hyphens are taken out. */
const ACCOUNT_NUMBER = /^\d{6,32}$/;

const amount = (f: number) => <span className="amount">{yuan(f)}</span>;

/** The kinds a payment may be corrected to: a person's payment only to the social security card account. */
const kindOptions = (payment: PaymentItem | undefined) =>
  (payment?.role === 'person'
    ? [['social_security_card', ACCOUNT_KIND_LABELS.social_security_card]]
    : Object.entries(PAY_TO_LABELS)
  ).map(([value, label]) => ({ value, label }));

function CorrectionModal({
  payment,
  onClose,
  onProposed,
}: {
  payment: PaymentItem | undefined;
  onClose: () => void;
  onProposed: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionForm>();
  const submit = (v: CorrectionForm) =>
    payment &&
    api<ProposedCorrection>('/bank/corrections', {
      body: {
        paymentId: payment.id,
        accountKind: v.accountKind,
        accountNo: v.accountNo,
        reason: v.reason,
        ...(v.bankName?.trim() && { bankName: v.bankName.trim() }),
      },
    }).then(
      (c) => {
        message.success(`已提交账户更正 ${c.correctionId}，待另一名财务人员审核`);
        form.resetFields();
        onProposed();
        onClose();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <Modal
      open={Boolean(payment)}
      title={payment ? `更正支付 ${payment.id} 的收款账户（${payment.recipientName}）` : ''}
      okText="提交更正"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ accountKind: payment?.accountKind ?? 'corporate_account' }}
      >
        <Form.Item name="accountKind" label="账户类型" rules={[{ required: true, message: '请选择账户类型' }]}>
          <Select options={kindOptions(payment)} />
        </Form.Item>
        <Form.Item name="bankName" label="开户银行">
          <Input />
        </Form.Item>
        <Form.Item
          name="accountNo"
          label="收款账号"
          rules={[
            { required: true, message: '请填写收款账号' },
            {
              validator: async (_rule, value?: string) => {
                if (value && !ACCOUNT_NUMBER.test(value.replace(/[\s-]/g, '')))
                  throw new Error('收款账号须为 6 至 32 位数字（可含空格或连字符）');
              },
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function Corrections({ canAct, version, onChanged }: { canAct: boolean; version: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const unpaid = useApi(async () => {
    const [failed, returned] = await Promise.all(
      (['failed', 'returned'] as const).map((status) => api<PaymentItem[]>(`/payments${query({ round: ROUND, status })}`)),
    );
    return [...(failed ?? []), ...(returned ?? [])].sort((a, b) => a.id - b.id);
  }, [version]);
  const corrections = useApi(() => api<AccountCorrection[]>('/bank/corrections'), [version]);
  const [correcting, setCorrecting] = useState<PaymentItem>();
  const [refusal, setRefusal] = useState<string>();
  const open = new Set((corrections.data ?? []).filter((c) => c.status === 'proposed').map((c) => c.paymentId));

  const approve = (c: AccountCorrection) =>
    api<ApprovedCorrection>(`/bank/corrections/${c.correctionId}/approve`, { body: {} }).then(
      (r) => {
        message.success(`账户更正 ${c.correctionId} 已审核通过，支付 ${c.paymentId} 将作为第 ${r.attempt} 次支付重新待支付`);
        setRefusal(undefined);
        onChanged();
      },
      (e: Error) => setRefusal(e.message),
    );

  return (
    <Card title="支付失败、退回款项与账户更正" style={{ marginTop: 16 }}>
      {(unpaid.error ?? corrections.error) && <Alert type="error" showIcon title={unpaid.error ?? corrections.error} />}
      <Table<PaymentItem>
        size="small"
        rowKey="id"
        loading={unpaid.loading}
        dataSource={unpaid.data ?? []}
        pagination={{ pageSize: 10 }}
        title={() => <strong>支付失败或被退回的款项</strong>}
        locale={{ emptyText: '没有支付失败或被退回的款项' }}
        columns={[
          { title: '支付编号', dataIndex: 'id' },
          { title: '收款人', dataIndex: 'recipientName' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: amount },
          {
            title: '原收款账户',
            render: (_, p) => (
              <>
                {ACCOUNT_KIND_LABELS[p.accountKind]}
                <div className="amount">{p.accountMasked}</div>
              </>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={PAYMENT_STATUS_COLORS[s]}>{PAYMENT_STATUS_LABELS[s]}</Tag>,
          },
          {
            title: '操作',
            render: (_, p) =>
              open.has(p.id)
                ? '更正待审核'
                : canAct && (
                    <Button size="small" onClick={() => setCorrecting(p)}>
                      更正账户
                    </Button>
                  ),
          },
        ]}
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 16 }}
          title="操作未完成"
          description={refusal}
          data-testid="correction-refusal"
          onClose={() => setRefusal(undefined)}
        />
      )}
      <Table<AccountCorrection>
        size="small"
        rowKey="correctionId"
        loading={corrections.loading}
        dataSource={corrections.data ?? []}
        pagination={{ pageSize: 10 }}
        style={{ marginTop: 16 }}
        title={() => <strong>账户更正记录</strong>}
        locale={{ emptyText: '暂无账户更正' }}
        columns={[
          { title: '编号', dataIndex: 'correctionId' },
          { title: '支付编号', dataIndex: 'paymentId' },
          { title: '收款人', dataIndex: 'recipientName' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: amount },
          {
            title: '新收款账户',
            render: (_, c) => (
              <>
                {ACCOUNT_KIND_LABELS[c.accountKind]}
                {c.bankName ? `（${c.bankName}）` : ''}
                <div className="amount">{c.accountMasked}</div>
              </>
            ),
          },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '提交人',
            render: (_, c) => (
              <>
                {c.proposedBy}
                <div style={{ color: '#888' }}>{dateTime(c.proposedAt)}</div>
              </>
            ),
          },
          {
            title: '状态',
            render: (_, c) => (
              <>
                {CORRECTION_STATUS_LABELS[c.status]}
                {c.approvedBy && (
                  <div style={{ color: '#888' }}>
                    {c.approvedBy}，{dateTime(c.approvedAt)}
                  </div>
                )}
              </>
            ),
          },
          {
            title: '操作',
            render: (_, c) =>
              canAct &&
              c.status === 'proposed' && (
                <Button type="primary" size="small" onClick={() => void approve(c)}>
                  审核通过
                </Button>
              ),
          },
        ]}
      />
      <CorrectionModal payment={correcting} onClose={() => setCorrecting(undefined)} onProposed={onChanged} />
    </Card>
  );
}
