// 复核: a case worker proposes a batch of eligible cases (a regional account's proposal kept to its own region, which
// the server requires); a reviewer approves it or returns it with a note. The server refuses a reviewer whose region
// does not cover the batch's units, and its refusal is shown as it is.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ROUND } from '../shared/api.ts';
import { count, dateTime, yuan, yuanToFen } from '../shared/format.ts';
import { BATCH_STATUS_COLORS, BATCH_STATUS_LABELS, ownRegionFilter, regionsWithin, SIZE_LABELS } from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import type { Batch, ProposedBatch } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

type Outcome = 'approve' | 'return';

function ProposeCard({ staff, onProposed }: { staff: Staff; onProposed: () => void }) {
  const { message } = App.useApp();
  const ownRegion = ownRegionFilter(staff.regionCode);
  const [busy, setBusy] = useState(false);
  const submit = (v: { regionCode?: string; size?: string; maxYuan?: number; note?: string }) => {
    setBusy(true);
    const body = {
      round: ROUND,
      ...(v.regionCode && { regionCode: v.regionCode }),
      ...(v.size && { size: v.size }),
      ...(v.maxYuan !== undefined && v.maxYuan !== null && { maxAmountFen: yuanToFen(v.maxYuan) }),
      ...(v.note && { note: v.note }),
    };
    api<ProposedBatch>('/review/batches', { body })
      .then(
        (b) => {
          message.success(`已提交复核批次 ${b.batchId}：${count(b.unitCount)} 个单位，${yuan(b.totalFen)}`);
          onProposed();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="提交复核批次（符合条件、尚未提交的案件）">
      <Form layout="inline" onFinish={submit} initialValues={{ regionCode: ownRegion }} style={{ rowGap: 12 }}>
        <Form.Item name="regionCode" label="地区">
          <Select allowClear={!ownRegion} placeholder="全部" style={{ width: 200 }} options={regionsWithin(staff.regionCode)} />
        </Form.Item>
        <Form.Item name="size" label="规模">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={['large', 'medium', 'small', 'micro'].map((s) => ({ value: s, label: SIZE_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item name="maxYuan" label="金额上限（元）">
          <InputNumber min={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交复核
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function Review({ staff }: { staff: Staff }) {
  const { message } = App.useApp();
  const batches = useApi(() => api<Batch[]>(`/review/batches?round=${ROUND}`), []);
  const [acting, setActing] = useState<{ batch: Batch; outcome: Outcome }>();
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string>();

  const act = () => {
    if (!acting) return;
    const { batch, outcome } = acting;
    api<unknown>(`/review/batches/${batch.id}/${outcome}`, { body: note ? { note } : {} })
      .then(
        () => {
          message.success(outcome === 'approve' ? `复核批次 ${batch.id} 已通过` : `复核批次 ${batch.id} 已退回`);
          setRefusal(undefined);
          batches.reload();
        },
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => {
        setActing(undefined);
        setNote('');
      });
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        复核
      </Typography.Title>
      {hasRole(staff, 'case_worker') && <ProposeCard staff={staff} onProposed={batches.reload} />}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 16 }}
          title="操作未完成"
          description={refusal}
          data-testid="review-refusal"
          onClose={() => setRefusal(undefined)}
        />
      )}
      <Card title="复核批次" style={{ marginTop: 16 }}>
        {batches.error && <Alert type="error" showIcon title={batches.error} />}
        <Table<Batch>
          rowKey="id"
          loading={batches.loading}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '批次', dataIndex: 'id' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={BATCH_STATUS_COLORS[s]}>{BATCH_STATUS_LABELS[s]}</Tag>,
            },
            { title: '单位数', dataIndex: 'unitCount', align: 'right', render: (n: number) => count(n) },
            {
              title: '拟返还合计',
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
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
            {
              title: '复核',
              render: (_, b) =>
                b.reviewedBy ? (
                  <>
                    {b.reviewedBy}
                    <div style={{ color: '#888' }}>
                      {dateTime(b.reviewedAt)}
                      {b.reviewNote ? `；${b.reviewNote}` : ''}
                    </div>
                  </>
                ) : (
                  '—'
                ),
            },
            {
              title: '操作',
              render: (_, b) =>
                b.status === 'proposed' &&
                hasRole(staff, 'reviewer') && (
                  <Space>
                    <Button type="primary" size="small" onClick={() => setActing({ batch: b, outcome: 'approve' })}>
                      通过
                    </Button>
                    <Button danger size="small" onClick={() => setActing({ batch: b, outcome: 'return' })}>
                      退回
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={Boolean(acting)}
        title={acting ? `${acting.outcome === 'approve' ? '通过' : '退回'}复核批次 ${acting.batch.id}` : ''}
        okText={acting?.outcome === 'approve' ? '确认通过' : '确认退回'}
        cancelText="取消"
        onOk={act}
        okButtonProps={{ disabled: acting?.outcome === 'return' && !note.trim() }}
        onCancel={() => {
          setActing(undefined);
          setNote('');
        }}
      >
        <Typography.Paragraph>
          {acting?.outcome === 'return' ? '退回后，批次内案件回到待人工复核。请填写退回意见：' : '复核意见（可选）：'}
        </Typography.Paragraph>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
