// The round's payment progress (confirmed cases waiting for payment, cases paid) and, for finance, the button that
// creates the payments of every confirmed case that has none yet; recipients the system cannot pay are listed.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Progress, Row, Statistic, Table } from 'antd';
import { api, ROUND } from '../../shared/api.ts';
import { count, yuan } from '../../shared/format.ts';
import type { CreatedPayments, ManualPayment, StateTally } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

export function RoundPayments({ canAct, version, onCreated }: { canAct: boolean; version: number; onCreated: () => void }) {
  const { message } = App.useApp();
  const progress = useApi(() => api<StateTally[]>(`/rounds/${ROUND}/progress`), [version]);
  const [busy, setBusy] = useState(false);
  const [manual, setManual] = useState<ManualPayment[]>([]);
  const confirmed = progress.data?.find((t) => t.state === 'confirmed');
  const paid = progress.data?.find((t) => t.state === 'paid');
  const dueFen = (confirmed?.amountFen ?? 0) + (paid?.amountFen ?? 0);

  const create = () => {
    setBusy(true);
    api<CreatedPayments>('/payments/create', { body: { round: ROUND } })
      .then(
        (r) => {
          message.success(
            r.paymentCount ? `已生成 ${count(r.paymentCount)} 笔支付，合计 ${yuan(r.totalFen)}` : '没有需要新生成的支付',
          );
          setManual(r.manual);
          onCreated();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };

  return (
    <Card
      title={`${ROUND}年度拨付进度`}
      extra={
        canAct && (
          <Button type="primary" loading={busy} onClick={create}>
            为已确认单位生成支付
          </Button>
        )
      }
    >
      {progress.error && <Alert type="error" showIcon title={progress.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="已确认待拨付（单位）" value={confirmed?.units ?? 0} loading={progress.loading} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="待拨付金额" value={yuan(confirmed?.amountFen ?? 0)} loading={progress.loading} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已拨付（单位）" value={paid?.units ?? 0} loading={progress.loading} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已拨付金额" value={yuan(paid?.amountFen ?? 0)} loading={progress.loading} />
        </Col>
      </Row>
      <Progress
        percent={dueFen ? Math.floor(((paid?.amountFen ?? 0) * 100) / dueFen) : 0}
        format={(p) => `按金额已拨付 ${p}%`}
        style={{ marginTop: 12 }}
      />
      {manual.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={`以下 ${count(manual.length)} 笔无法自动生成支付，请人工核实`}
          description={
            <Table<ManualPayment>
              size="small"
              rowKey={(m) => `${m.unitId}-${m.recipientCreditCode}`}
              dataSource={manual}
              pagination={false}
              columns={[
                { title: '单位', dataIndex: 'unitName' },
                { title: '收款单位', dataIndex: 'recipientName' },
                {
                  title: '金额',
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (f: number) => <span className="amount">{yuan(f)}</span>,
                },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          }
        />
      )}
    </Card>
  );
}
