// Live progress of a payment batch being paid on the server: polled every second while the server is running it.
import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Progress, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api.ts';
import { count, yuan } from '../../shared/format.ts';
import { PAYMENT_BATCH_STATUS_COLORS, PAYMENT_BATCH_STATUS_LABELS, PAYMENT_STATUS_LABELS } from '../../shared/labels.ts';
import type { PaymentProgress, PaymentStatus } from '../../shared/types.ts';

const POLL_MS = 1000;

/** `onDone` is called once the server has finished running the batch (pass it when this page started the run). */
export function BatchProgress({ batchId, onDone }: { batchId: number; onDone?: () => void }) {
  const [progress, setProgress] = useState<PaymentProgress>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () =>
      api<PaymentProgress>(`/payments/batches/${batchId}/progress`).then(
        (p) => {
          if (!live) return;
          setProgress(p);
          if (p.running) timer = setTimeout(poll, POLL_MS);
          else onDone?.();
        },
        (e: Error) => {
          if (live) setError(e.message);
        },
      );
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [batchId]);

  if (error) return <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} />;
  if (!progress) return null;
  const done = progress.paymentCount - progress.remaining;
  const finished = !progress.running && progress.remaining === 0;
  return (
    <Card
      title={`支付批次 ${batchId} 执行进度`}
      style={{ marginTop: 16 }}
      data-testid="payment-progress"
      extra={<Tag color={PAYMENT_BATCH_STATUS_COLORS[progress.status]}>{PAYMENT_BATCH_STATUS_LABELS[progress.status]}</Tag>}
    >
      <Progress
        percent={progress.paymentCount ? Math.floor((done * 100) / progress.paymentCount) : 100}
        status={finished ? 'success' : 'active'}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginTop: 12 }}>
        <Descriptions.Item label="已发送">
          {count(done)} / {count(progress.paymentCount)} 笔
        </Descriptions.Item>
        <Descriptions.Item label="已发送金额">
          <span className="amount">{yuan(progress.sentFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="批次金额">
          <span className="amount">{yuan(progress.totalFen)}</span>
        </Descriptions.Item>
        {(Object.entries(progress.byStatus) as [PaymentStatus, number][])
          .filter(([, n]) => n > 0)
          .map(([status, n]) => (
            <Descriptions.Item key={status} label={PAYMENT_STATUS_LABELS[status]}>
              {count(n)} 笔
            </Descriptions.Item>
          ))}
      </Descriptions>
      {finished && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title="支付处理完成"
          description={
            progress.readyToExport ? (
              <>
                全部款项已发送，可到<Link to="/bank">银行文件与对账</Link>导出银行付款指令。
              </>
            ) : (
              '全部款项已发送。'
            )
          }
        />
      )}
    </Card>
  );
}
