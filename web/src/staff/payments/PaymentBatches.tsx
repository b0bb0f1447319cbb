// Payment batches under maker-checker: a second finance officer authorises a proposed batch or rejects it with a note
// (the server refuses the proposer, and its refusal is shown as it is); an authorised batch is then paid on the server
// while its progress is followed here. Auditors see the list only.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { api, ROUND } from '../../shared/api.ts';
import { count, dateTime, yuan } from '../../shared/format.ts';
import { PAYMENT_BATCH_STATUS_COLORS, PAYMENT_BATCH_STATUS_LABELS } from '../../shared/labels.ts';
import type { PaymentBatch, PaymentProgress } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';
import { BatchProgress } from './BatchProgress.tsx';

type Outcome = 'authorise' | 'reject';

export function PaymentBatches({ canAct, version, onChanged }: { canAct: boolean; version: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const batches = useApi(() => api<PaymentBatch[]>(`/payments/batches?round=${ROUND}`), [version]);
  const [acting, setActing] = useState<{ batch: PaymentBatch; outcome: Outcome }>();
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const [watched, setWatched] = useState<{ batchId: number; ran: boolean; seq: number }>();
  const watch = (batchId: number, ran: boolean) => setWatched((w) => ({ batchId, ran, seq: (w?.seq ?? 0) + 1 }));

  const close = () => {
    setActing(undefined);
    setNote('');
  };
  const decide = () => {
    if (!acting) return;
    const { batch, outcome } = acting;
    api<unknown>(`/payments/batches/${batch.batchId}/${outcome}`, { body: outcome === 'reject' ? { note: note.trim() } : {} })
      .then(
        () => {
          message.success(
            outcome === 'authorise' ? `支付批次 ${batch.batchId} 已授权` : `支付批次 ${batch.batchId} 已驳回，款项回到待支付`,
          );
          setRefusal(undefined);
          onChanged();
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(close);
  };
  const run = (batch: PaymentBatch) => {
    api<PaymentProgress>(`/payments/batches/${batch.batchId}/run`, { body: {} }).then(
      () => {
        setRefusal(undefined);
        watch(batch.batchId, true);
      },
      (e: Error) => setRefusal(e.message),
    );
  };

  return (
    <>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 16 }}
          title="操作未完成"
          description={refusal}
          data-testid="payment-refusal"
          onClose={() => setRefusal(undefined)}
        />
      )}
      <Card title="支付批次" style={{ marginTop: 16 }}>
        {batches.error && <Alert type="error" showIcon title={batches.error} />}
        <Table<PaymentBatch>
          size="small"
          rowKey="batchId"
          loading={batches.loading}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: '批次', dataIndex: 'batchId' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={PAYMENT_BATCH_STATUS_COLORS[s]}>{PAYMENT_BATCH_STATUS_LABELS[s]}</Tag>,
            },
            { title: '笔数', dataIndex: 'paymentCount', align: 'right', render: (n: number) => count(n) },
            {
              title: '金额',
              dataIndex: 'totalFen',
              align: 'right',
              render: (f: number) => <span className="amount">{yuan(f)}</span>,
            },
            {
              title: '提交人',
              render: (_, b) => (
                <>
                  {b.proposedBy}
                  <div style={{ color: '#888' }}>{dateTime(b.proposedAt)}</div>
                </>
              ),
            },
            {
              title: '授权人',
              render: (_, b) =>
                b.authorisedBy ? (
                  <>
                    {b.authorisedBy}
                    <div style={{ color: '#888' }}>{dateTime(b.authorisedAt)}</div>
                  </>
                ) : (
                  '—'
                ),
            },
            {
              title: '说明',
              dataIndex: 'note',
              render: (n: string | null) => (n ? <span style={{ whiteSpace: 'pre-line' }}>{n}</span> : '—'),
            },
            {
              title: '操作',
              render: (_, b) => (
                <Space>
                  {canAct && b.status === 'proposed' && (
                    <>
                      <Button type="primary" size="small" onClick={() => setActing({ batch: b, outcome: 'authorise' })}>
                        授权
                      </Button>
                      <Button danger size="small" onClick={() => setActing({ batch: b, outcome: 'reject' })}>
                        驳回
                      </Button>
                    </>
                  )}
                  {canAct && b.status === 'authorised' && (
                    <Button type="primary" size="small" onClick={() => run(b)}>
                      执行支付
                    </Button>
                  )}
                  {b.status !== 'proposed' && b.status !== 'rejected' && (
                    <Button size="small" onClick={() => watch(b.batchId, false)}>
                      查看进度
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {watched && <BatchProgress key={watched.seq} batchId={watched.batchId} onDone={watched.ran ? onChanged : undefined} />}
      <Modal
        open={Boolean(acting)}
        title={acting ? `${acting.outcome === 'authorise' ? '授权' : '驳回'}支付批次 ${acting.batch.batchId}` : ''}
        okText={acting?.outcome === 'authorise' ? '确认授权' : '确认驳回'}
        cancelText="取消"
        onOk={decide}
        onCancel={close}
        okButtonProps={{ disabled: acting?.outcome === 'reject' && !note.trim() }}
      >
        <Typography.Paragraph>
          {acting &&
            `${count(acting.batch.paymentCount)} 笔，合计 ${yuan(acting.batch.totalFen)}，提交人 ${acting.batch.proposedBy}。`}
          {acting?.outcome === 'reject'
            ? '驳回后，批次内款项回到待支付。请填写驳回意见：'
            : '授权须由提交人以外的财务人员进行，授权后即可执行支付。'}
        </Typography.Paragraph>
        {acting?.outcome === 'reject' && <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Modal>
    </>
  );
}
