// The implementation plan's filing (备案): finance records its date and document number; a second member of finance or
// a reviewer confirms it or rejects it with a note (the server refuses the recorder). Commitments wait for it.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { planStatusLabels } from '../../../../src/domain/vocabulary/fund.ts';
import type { PlanFiling } from '../../../../src/server/schemas/fund.ts';
import { api } from '../../shared/api.ts';
import { dateTime, day } from '../../shared/format.ts';

const STATUS_COLORS: Record<string, string> = { recorded: 'processing', reviewed: 'success', rejected: 'default' };

export function PlanCard({
  base,
  plans,
  canRecord,
  canReview,
  staffName,
  onChanged,
}: {
  base: string;
  plans: PlanFiling[];
  canRecord: boolean;
  canReview: boolean;
  staffName: string;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string>();
  const [rejecting, setRejecting] = useState<PlanFiling>();
  const [note, setNote] = useState('');
  const live = plans.some((p) => p.status !== 'rejected');
  const done = (text: string) => () => {
    message.success(text);
    setRefusal(undefined);
    onChanged();
  };
  const record = (v: { filedOn: Dayjs; documentNo: string }) => {
    api<PlanFiling>(`${base}/plans`, { body: { filedOn: v.filedOn.format('YYYY-MM-DD'), documentNo: v.documentNo.trim() } }).then(
      done('已登记实施方案备案，请由另一名财务人员或复核员复核'),
      (e: Error) => setRefusal(e.message),
    );
  };
  const review = (plan: PlanFiling, outcome: 'approve' | 'reject') => {
    api<PlanFiling>(`${base}/plans/${plan.id}/${outcome}`, { body: outcome === 'reject' ? { note: note.trim() } : {} })
      .then(done(outcome === 'approve' ? '实施方案备案已确认' : '实施方案备案已驳回'), (e: Error) => setRefusal(e.message))
      .finally(() => {
        setRejecting(undefined);
        setNote('');
      });
  };
  return (
    <Card title="实施方案备案（向省人力资源社会保障厅、省财政厅备案）" style={{ marginTop: 16 }}>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          title="操作未完成"
          description={refusal}
          style={{ marginBottom: 12 }}
          onClose={() => setRefusal(undefined)}
          data-testid="plan-refusal"
        />
      )}
      {!plans.some((p) => p.status === 'reviewed') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="实施方案备案经复核确认前，不能承诺试点支出（鲁人社发〔2024〕8号 第六条）"
        />
      )}
      <Table<PlanFiling>
        size="small"
        rowKey="id"
        dataSource={plans}
        pagination={false}
        locale={{ emptyText: '尚未登记备案' }}
        columns={[
          { title: '备案日期', dataIndex: 'filedOn', render: (d: string) => day(d) },
          { title: '备案文号', dataIndex: 'documentNo' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: PlanFiling['status']) => <Tag color={STATUS_COLORS[s]}>{planStatusLabels[s]}</Tag>,
          },
          {
            title: '登记人',
            render: (_, p) => (
              <>
                {p.recordedBy}
                <div style={{ color: '#888' }}>{dateTime(String(p.recordedAt))}</div>
              </>
            ),
          },
          {
            title: '复核人',
            render: (_, p) =>
              p.reviewedBy ? (
                <>
                  {p.reviewedBy}
                  {p.reviewNote && <div style={{ color: '#888' }}>{p.reviewNote}</div>}
                </>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            render: (_, p) =>
              canReview &&
              p.status === 'recorded' &&
              p.recordedBy !== staffName && (
                <Space>
                  <Button type="primary" size="small" onClick={() => review(p, 'approve')}>
                    确认备案
                  </Button>
                  <Button danger size="small" onClick={() => setRejecting(p)}>
                    驳回
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {canRecord && !live && (
        <Form layout="inline" onFinish={record} style={{ marginTop: 16, rowGap: 12 }}>
          <Form.Item name="filedOn" label="备案日期" rules={[{ required: true, message: '请选择备案日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="documentNo" label="备案文号" rules={[{ required: true, whitespace: true, message: '请填写备案文号' }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              登记备案
            </Button>
          </Form.Item>
        </Form>
      )}
      <Modal
        open={Boolean(rejecting)}
        title="驳回实施方案备案"
        okText="确认驳回"
        cancelText="取消"
        onCancel={() => setRejecting(undefined)}
        onOk={() => rejecting && review(rejecting, 'reject')}
        okButtonProps={{ disabled: !note.trim() }}
      >
        <Typography.Paragraph>请填写驳回意见：</Typography.Paragraph>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Card>
  );
}
