// 工作台 · 支出户资金 (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): what the next payment run may spend and where the
// figure comes from (the payout account's balance once money arriving is recorded, else the dated parameter), the
// payments and the monthly runs' benefit lines waiting for money (in the order money will go to them), and for
// finance: record money arriving (what waited is then paid, living guarantee first) or start a payment run.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import type { ArrivalResult, PayoutPosition, PayRun } from '../../../../src/server/schemas/fund.ts';
import { paymentPurposeLabels } from '../../../../src/domain/vocabulary/payment-purposes.ts';
import { api } from '../../shared/api.ts';
import { dateTime, yuan, yuanToFen } from '../../shared/format.ts';
import { hasRole, type Staff } from '../../shared/session.ts';
import { useApi } from '../../shared/use-api.ts';

type Waiting = PayoutPosition['waiting'][number];
const runText = (run: PayRun) =>
  `可用资金 ${yuan(run.funds.availableFen)}（${run.funds.sourceLabel}）：提交 ${run.batches.length} 个支付批次，合计 ${yuan(run.proposedFen)}，仍排队 ${run.waiting.length} 笔`;

function ArrivalForm({ onDone }: { onDone: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const record = (v: { amountYuan: number; documentNo: string; source: string }) => {
    setBusy(true);
    api<ArrivalResult>('/fund/payout/arrivals', {
      body: { amountFen: yuanToFen(v.amountYuan), documentNo: v.documentNo, source: v.source },
    })
      .then(
        (r) => {
          setRefusal(undefined);
          onDone(
            `${r.posted ? '已登记资金到账' : '该凭证号此前已登记，未重复入账'}；` +
              `排队的保生活发放 ${r.lines.releasedCount} 笔已发放，仍排队 ${r.lines.stillWaiting} 笔；${runText(r.run)}`,
          );
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      <Form layout="inline" onFinish={record} aria-label="登记资金到账">
        <Form.Item name="amountYuan" label="到账金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="documentNo" label="拨款凭证号" rules={[{ required: true, message: '请填写凭证号' }]}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="source" label="资金来源" initialValue="财政专户划拨" rules={[{ required: true, message: '请填写来源' }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记到账并支付排队款项
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

export function PayoutCard({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  const position = useApi(() => api<PayoutPosition>('/fund/payout'), []);
  const [running, setRunning] = useState(false);
  const finance = hasRole(staff, 'finance');
  const done = (text: string) => {
    message.success(text);
    position.reload();
  };
  const run = () => {
    setRunning(true);
    api<PayRun>('/fund/payout/runs', { body: {} })
      .then(
        (r) => done(runText(r)),
        (e: Error) => message.error(e.message),
      )
      .finally(() => setRunning(false));
  };
  const data = position.data;
  return (
    <Card title="支出户资金 · 优先保障保生活支出" style={{ marginTop: 16 }}>
      {position.error && <Alert type="error" showIcon title={position.error} />}
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="可用资金">{yuan(data.funds.availableFen)}</Descriptions.Item>
            <Descriptions.Item label="来源">
              <Tag color={data.funds.source === 'ledger' ? 'blue' : 'orange'}>{data.funds.sourceLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="排队等待资金">{`${data.waiting.length} 笔，合计 ${yuan(data.waitingFen)}`}</Descriptions.Item>
            <Descriptions.Item label="排队的保生活发放">
              {`${data.waitingLines.count} 笔，合计 ${yuan(data.waitingLines.amountFen)}`}
            </Descriptions.Item>
          </Descriptions>
          {data.funds.legalBasis && <span className="muted">依据：{data.funds.legalBasis}</span>}
          <Table<Waiting>
            size="small"
            rowKey="paymentId"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={data.waiting}
            locale={{ emptyText: '没有等待资金的支付' }}
            columns={[
              { title: '支付', dataIndex: 'paymentId', render: (id: number) => `#${id}` },
              { title: '年度', dataIndex: 'round' },
              { title: '用途', dataIndex: 'purpose', render: (p: Waiting['purpose']) => paymentPurposeLabels[p] },
              { title: '金额', dataIndex: 'amountFen', render: (fen: number) => yuan(fen) },
              { title: '原因', dataIndex: 'reason' },
              { title: '排队时间', dataIndex: 'since', render: (at: string) => dateTime(at) },
            ]}
          />
          {finance && (
            <>
              <ArrivalForm onDone={done} />
              <Button onClick={run} loading={running}>
                按保生活支出优先原则提交支付批次
              </Button>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
