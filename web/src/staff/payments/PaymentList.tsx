// The round's payments, paged and filtered by status and batch, with the account masked to its last four digits.
// Finance proposes a payment batch from the pending payments ticked on the page, or from every pending payment.
import { useState } from 'react';
import { App, Alert, Button, Card, Input, InputNumber, Pagination, Select, Space, Table, Tag } from 'antd';
import { api, query, ROUND } from '../../shared/api.ts';
import { count, yuan } from '../../shared/format.ts';
import { ACCOUNT_KIND_LABELS, PAYMENT_ROLE_LABELS, PAYMENT_STATUS_COLORS, PAYMENT_STATUS_LABELS } from '../../shared/labels.ts';
import type { PaymentBatchSummary, PaymentItem } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

const PAGE_SIZE = 20;

interface Filter {
  status?: string;
  batchId?: number;
  page: number;
}

function ProposeBar({ selected, onProposed }: { selected: number[]; onProposed: () => void }) {
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const propose = (paymentIds?: number[]) => {
    setBusy(true);
    api<PaymentBatchSummary>('/payments/batches', {
      body: { round: ROUND, ...(paymentIds && { paymentIds }), ...(note.trim() && { note: note.trim() }) },
    })
      .then(
        (b) => {
          message.success(`已提交支付批次 ${b.batchId}：${count(b.paymentCount)} 笔，${yuan(b.totalFen)}，待另一名财务人员授权`);
          setNote('');
          onProposed();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input placeholder="批次说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 240 }} />
      <Button disabled={!selected.length} loading={busy} onClick={() => propose(selected)}>
        所选 {selected.length} 笔提交支付批次
      </Button>
      <Button type="primary" loading={busy} onClick={() => propose()}>
        全部待支付款项提交支付批次
      </Button>
    </Space>
  );
}

export function PaymentList({ canAct, version, onProposed }: { canAct: boolean; version: number; onProposed: () => void }) {
  const [filter, setFilter] = useState<Filter>({ page: 1 });
  const [selected, setSelected] = useState<number[]>([]);
  // One row more than a page tells whether a next page exists (the list carries no total).
  const rows = useApi(
    () =>
      api<PaymentItem[]>(
        `/payments${query({
          round: ROUND,
          status: filter.status,
          batchId: filter.batchId,
          limit: PAGE_SIZE + 1,
          offset: (filter.page - 1) * PAGE_SIZE,
        })}`,
      ),
    [filter, version],
  );
  const page = (rows.data ?? []).slice(0, PAGE_SIZE);
  const known = (filter.page - 1) * PAGE_SIZE + (rows.data?.length ?? 0);
  const refine = (next: Partial<Filter>) => {
    setSelected([]);
    setFilter({ ...filter, ...next, page: 1 });
  };

  return (
    <Card title="支付明细" style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={filter.status}
          onChange={(status?: string) => refine({ status })}
          options={Object.entries(PAYMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          aria-label="支付状态"
        />
        <InputNumber
          min={1}
          placeholder="支付批次编号"
          style={{ width: 160 }}
          value={filter.batchId}
          onChange={(v) => refine({ batchId: v ?? undefined })}
        />
      </Space>
      {canAct && (
        <ProposeBar
          selected={selected}
          onProposed={() => {
            setSelected([]);
            onProposed();
          }}
        />
      )}
      {rows.error && <Alert type="error" showIcon title={rows.error} />}
      <Table<PaymentItem>
        size="small"
        rowKey="id"
        loading={rows.loading}
        dataSource={page}
        pagination={false}
        rowSelection={
          canAct
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (p) => ({ disabled: p.status !== 'pending' }),
              }
            : undefined
        }
        columns={[
          { title: '支付编号', dataIndex: 'id' },
          {
            title: '收款单位',
            render: (_, p) => (
              <>
                {p.recipientName}
                <div style={{ color: '#888' }}>{p.recipientCreditCode}</div>
              </>
            ),
          },
          { title: '类别', dataIndex: 'role', render: (r: string) => PAYMENT_ROLE_LABELS[r] },
          {
            title: '金额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '收款账户',
            render: (_, p) => (
              <>
                {ACCOUNT_KIND_LABELS[p.accountKind]}
                {p.bankName ? `（${p.bankName}）` : ''}
                <div className="amount">{p.accountMasked}</div>
              </>
            ),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={PAYMENT_STATUS_COLORS[s]}>{PAYMENT_STATUS_LABELS[s]}</Tag>,
          },
          { title: '第几次支付', dataIndex: 'attempt', align: 'right' },
          { title: '支付批次', dataIndex: 'batchId', render: (b: number | null) => b ?? '—' },
        ]}
      />
      <Pagination
        align="end"
        style={{ marginTop: 12 }}
        current={filter.page}
        pageSize={PAGE_SIZE}
        total={known}
        showSizeChanger={false}
        onChange={(p) => {
          setSelected([]);
          setFilter({ ...filter, page: p });
        }}
      />
    </Card>
  );
}
