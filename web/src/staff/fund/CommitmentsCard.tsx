// Commitments against the cap, by item: finance commits within the headroom (the server refuses one over the cap or
// before the filing, and its reason is shown as it is), records a commitment spent (in full or in part) or releases it.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { commitmentStatusLabels, pilotItemLabels, pilotItems, type PilotItem } from '../../../../src/domain/vocabulary/fund.ts';
import type { CommitResult, PilotCommitment } from '../../../../src/server/schemas/fund.ts';
import type { ItemTotal } from '../../../../src/server/schemas/fund.ts';
import { api } from '../../shared/api.ts';
import { day, yuan, yuanToFen } from '../../shared/format.ts';

const STATUS_COLORS: Record<string, string> = { committed: 'processing', spent: 'success', released: 'default' };

interface Settling {
  commitment: PilotCommitment;
  outcome: 'spend' | 'release';
}

export function CommitmentsCard({
  base,
  commitments,
  byItem,
  canAct,
  onChanged,
}: {
  base: string;
  commitments: PilotCommitment[];
  byItem: ItemTotal[];
  canAct: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string>();
  const [settling, setSettling] = useState<Settling>();
  const [spentYuan, setSpentYuan] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const after = (text: (r: CommitResult) => string) => (r: CommitResult) => {
    message.success(text(r));
    setRefusal(undefined);
    onChanged();
  };
  const commit = (v: { item: PilotItem; amountYuan: number; description: string; committedOn?: Dayjs }) => {
    api<CommitResult>(`${base}/commitments`, {
      body: {
        item: v.item,
        amountFen: yuanToFen(v.amountYuan),
        description: v.description.trim(),
        ...(v.committedOn && { committedOn: v.committedOn.format('YYYY-MM-DD') }),
      },
    }).then(
      after((r) => {
        form.resetFields();
        return `已承诺 ${yuan(r.commitment.amountFen)}，剩余额度 ${yuan(r.remainingFen)}`;
      }),
      (e: Error) => setRefusal(e.message),
    );
  };
  const settle = () => {
    if (!settling) return;
    const { commitment, outcome } = settling;
    const body =
      outcome === 'spend'
        ? { ...(spentYuan !== null && { spentFen: yuanToFen(spentYuan) }), ...(note.trim() && { note: note.trim() }) }
        : { note: note.trim() };
    api<CommitResult>(`${base}/commitments/${commitment.id}/${outcome}`, { body })
      .then(
        after(
          (r) =>
            `承诺 #${commitment.id} ${outcome === 'spend' ? '已支出，记入基金账务' : '已释放'}，剩余额度 ${yuan(r.remainingFen)}`,
        ),
        (e: Error) => setRefusal(e.message),
      )
      .finally(() => {
        setSettling(undefined);
        setSpentYuan(null);
        setNote('');
      });
  };
  return (
    <Card title="试点支出承诺" style={{ marginTop: 16 }}>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          title="未予承诺或办理"
          description={refusal}
          style={{ marginBottom: 12 }}
          onClose={() => setRefusal(undefined)}
          data-testid="commit-refusal"
        />
      )}
      {canAct && (
        <Form form={form} layout="inline" onFinish={commit} style={{ marginBottom: 16, rowGap: 12 }}>
          <Form.Item name="item" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
            <Select style={{ width: 170 }} options={pilotItems.map((item) => ({ value: item, label: pilotItemLabels[item] }))} />
          </Form.Item>
          <Form.Item name="amountYuan" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="description"
            label="事由"
            rules={[{ required: true, whitespace: true, message: '请填写补贴对象或项目' }]}
          >
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="committedOn" label="日期">
            <DatePicker placeholder="默认今天" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              承诺
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<ItemTotal>
        size="small"
        rowKey="item"
        dataSource={byItem}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '项目', dataIndex: 'label' },
          {
            title: '未支出承诺',
            dataIndex: 'openFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '已支出',
            dataIndex: 'spentFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
        ]}
      />
      <Table<PilotCommitment>
        size="small"
        rowKey="id"
        dataSource={commitments}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: '暂无承诺' }}
        columns={[
          { title: '编号', dataIndex: 'id' },
          { title: '日期', dataIndex: 'committedOn', render: (d: string) => day(d) },
          { title: '项目', dataIndex: 'item', render: (i: PilotItem) => pilotItemLabels[i] },
          { title: '事由', dataIndex: 'description' },
          {
            title: '承诺金额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '已支出',
            dataIndex: 'spentFen',
            align: 'right',
            render: (f: number | null) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: PilotCommitment['status']) => <Tag color={STATUS_COLORS[s]}>{commitmentStatusLabels[s]}</Tag>,
          },
          {
            title: '经办',
            render: (_, c) => (
              <>
                {c.createdBy}
                {c.settledBy && (
                  <div style={{ color: '#888' }}>
                    {c.settledBy}
                    {c.settledNote ? `：${c.settledNote}` : ''}
                  </div>
                )}
              </>
            ),
          },
          {
            title: '操作',
            render: (_, c) =>
              canAct &&
              c.status === 'committed' && (
                <Space>
                  <Button size="small" type="primary" onClick={() => setSettling({ commitment: c, outcome: 'spend' })}>
                    支出
                  </Button>
                  <Button size="small" onClick={() => setSettling({ commitment: c, outcome: 'release' })}>
                    释放
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(settling)}
        title={settling ? `${settling.outcome === 'spend' ? '登记支出' : '释放承诺'} #${settling.commitment.id}` : ''}
        okText="确认"
        cancelText="取消"
        onOk={settle}
        onCancel={() => setSettling(undefined)}
        okButtonProps={{ disabled: settling?.outcome === 'release' && !note.trim() }}
      >
        {settling?.outcome === 'spend' && (
          <>
            <Typography.Paragraph>
              承诺金额 {yuan(settling.commitment.amountFen)}。实际支出少于承诺时，余额退回额度。支出记入基金账务。
            </Typography.Paragraph>
            <Space direction="vertical" style={{ width: '100%' }}>
              <InputNumber
                min={0.01}
                precision={2}
                placeholder="实际支出（元），默认全额"
                style={{ width: '100%' }}
                value={spentYuan}
                onChange={(v) => setSpentYuan(v)}
              />
              <Input placeholder="说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} />
            </Space>
          </>
        )}
        {settling?.outcome === 'release' && (
          <>
            <Typography.Paragraph>
              释放后，承诺金额 {yuan(settling.commitment.amountFen)} 退回额度。请填写原因：
            </Typography.Paragraph>
            <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </>
        )}
      </Modal>
    </Card>
  );
}
