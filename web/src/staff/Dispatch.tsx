// 劳务派遣申请 (鲁人社发〔2024〕8号 第三条): a case worker downloads the two templates, uploads a dispatch unit's
// placements (and, when the agency holds no per-person contributions of the unit, the contributions) to see how the
// refund would be allocated, then submits it; a rejected upload lists every problem in Chinese. Anyone on the case
// staff looks up a unit's application; a case worker withdraws one (with a note) before it goes to review.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, download, upload, ROUND } from '../shared/api.ts';
import { count, dateTime, yuan } from '../shared/format.ts';
import {
  ALLOCATION_ROLE_LABELS,
  DISPATCH_STATUS_LABELS,
  reasonLabel,
  stateLabel,
  STATUS_COLORS,
  STATUS_LABELS,
} from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import type {
  DispatchAllocation,
  DispatchApplication,
  DispatchPreview,
  DispatchRejection,
  DispatchUploadProblem,
  SubmittedDispatch,
  WithdrawnDispatch,
} from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';

const PAYMENTS_SOURCE_LABELS: Record<DispatchPreview['paymentsSource'], string> = {
  store: '系统已有的个人缴费明细',
  upload: '上传的缴费明细表',
};

function AllocationTable({ allocations }: { allocations: DispatchAllocation[] }) {
  return (
    <Table<DispatchAllocation>
      size="small"
      rowKey={(a) => `${a.role}:${a.recipient}`}
      dataSource={allocations}
      pagination={false}
      data-testid="allocation-table"
      columns={[
        { title: '领取单位', dataIndex: 'recipientName', render: (n: string | null) => n ?? '—' },
        { title: '统一社会信用代码', dataIndex: 'recipient' },
        {
          title: '类别',
          dataIndex: 'role',
          render: (r: string) => <Tag color={r === 'user_unit' ? 'blue' : 'gold'}>{ALLOCATION_ROLE_LABELS[r]}</Tag>,
        },
        {
          title: '对应缴费（返还基数）',
          dataIndex: 'baseFen',
          align: 'right',
          render: (f: number) => <span className="amount">{yuan(f)}</span>,
        },
        {
          title: '分配返还金额',
          dataIndex: 'amountFen',
          align: 'right',
          render: (f: number) => <strong className="amount">{yuan(f)}</strong>,
        },
      ]}
      summary={(rows) => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            合计（{count(rows.length)} 个单位）
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong className="amount">{yuan(rows.reduce((sum, a) => sum + a.amountFen, 0))}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** The decided allocation of a previewed or submitted application. */
function Allocation({ result }: { result: DispatchPreview | SubmittedDispatch }) {
  const submitted = 'applicationId' in result ? result : undefined;
  return (
    <Card
      title={submitted ? `申请已提交（编号 ${submitted.applicationId}）` : '试算结果（尚未提交）'}
      style={{ marginTop: 16 }}
      data-testid="dispatch-result"
    >
      {submitted && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`申请已受理并判定，案件状态：${stateLabel(submitted.caseState)}；之后与其他单位一样进入复核和公示。`}
        />
      )}
      {result.paymentsFileIgnored && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="系统已有本单位的个人缴费明细，已按系统数据计算，上传的缴费明细表未使用。"
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'unit', label: '劳务派遣单位', children: `${result.unitName}（编号 ${result.unitId}）` },
          {
            key: 'status',
            label: '结论',
            children: <Tag color={STATUS_COLORS[result.status]}>{STATUS_LABELS[result.status]}</Tag>,
          },
          { key: 'amount', label: '返还金额合计', children: <strong className="amount">{yuan(result.amountFen)}</strong> },
          { key: 'workers', label: '申报人员', children: `${count(result.workerCount)} 人` },
          {
            key: 'payments',
            label: '缴费记录',
            children: `${count(result.paymentCount)} 条（${PAYMENTS_SOURCE_LABELS[result.paymentsSource]}）`,
          },
          {
            key: 'excluded',
            label: '派遣至机关事业单位（不予返还）的缴费',
            children: <span className="amount">{yuan(result.excludedFen)}</span>,
          },
          ...(result.reasons.length
            ? [{ key: 'reasons', label: '原因', children: result.reasons.map(reasonLabel).join('；') }]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        分配明细
      </Typography.Title>
      <AllocationTable allocations={result.allocations} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        判定过程
      </Typography.Title>
      <ol style={{ paddingLeft: 20, marginBottom: 0 }}>
        {result.trace.map((step, i) => (
          <li key={i}>
            {step.text}
            {step.passed === false && (
              <Tag color="error" style={{ marginLeft: 8 }}>
                不符合
              </Tag>
            )}
            {step.passed === null && (
              <Tag color="warning" style={{ marginLeft: 8 }}>
                数据缺失
              </Tag>
            )}
            <span style={{ color: '#888', marginLeft: 8 }}>{step.legalBasis}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}

function Problems({ rejection }: { rejection: DispatchRejection }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 16 }}
      data-testid="dispatch-problems"
      title={`申请材料有 ${count(rejection.problems.length)} 处问题，未受理`}
      description={
        <Table<DispatchUploadProblem & { n: number }>
          size="small"
          rowKey="n"
          dataSource={rejection.problems.map((p, n) => ({ ...p, n }))}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '文件', dataIndex: 'file' },
            { title: '行', dataIndex: 'row', render: (r: number) => (r ? `第 ${r} 行` : '—') },
            { title: '列', dataIndex: 'column', render: (c: string) => c || '—' },
            { title: '填写内容', dataIndex: 'value', render: (v: string) => v || '—' },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      }
    />
  );
}

function FilePicker({
  label,
  file,
  onChange,
  testId,
}: {
  label: string;
  file: File | undefined;
  onChange: (f: File | undefined) => void;
  testId: string;
}) {
  const list: UploadFile[] = file ? [{ uid: testId, name: file.name, status: 'done' }] : [];
  return (
    <div data-testid={testId}>
      <Upload
        accept=".xlsx"
        maxCount={1}
        fileList={list}
        beforeUpload={(f) => {
          onChange(f);
          return false;
        }}
        onRemove={() => onChange(undefined)}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
    </div>
  );
}

function ApplyCard({ onSubmitted }: { onSubmitted: (unitId: number) => void }) {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [placements, setPlacements] = useState<File>();
  const [payments, setPayments] = useState<File>();
  const [result, setResult] = useState<DispatchPreview | SubmittedDispatch>();
  const [rejection, setRejection] = useState<DispatchRejection>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'submit'>();

  const send = async (kind: 'preview' | 'submit') => {
    if (!unitId || !placements) return;
    setBusy(kind);
    setResult(undefined);
    setRejection(undefined);
    setRefusal(undefined);
    try {
      const files = { placements, ...(payments && { payments }) };
      const answer = await upload<DispatchPreview | SubmittedDispatch | DispatchRejection>(
        kind === 'preview' ? '/dispatch/applications/preview' : '/dispatch/applications',
        files,
        { round: ROUND, unitId: String(unitId) },
      );
      if (!answer.ok) {
        setRejection(answer.body as DispatchRejection);
        return;
      }
      setResult(answer.body as DispatchPreview | SubmittedDispatch);
      if (kind === 'submit') {
        message.success('申请已提交');
        onSubmitted(unitId);
      }
    } catch (e) {
      setRefusal((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const template = (sheet: 'workers' | 'payments') =>
    download(`/dispatch/templates/${sheet}`).catch((e: Error) => message.error(e.message));
  const ready = Boolean(unitId && placements);
  return (
    <>
      <Card title="上传申请材料">
        <Space wrap style={{ marginBottom: 16 }}>
          <Button icon={<DownloadOutlined />} onClick={() => void template('workers')}>
            下载派遣人员表模板
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void template('payments')}>
            下载缴费明细表模板
          </Button>
        </Space>
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label="单位编号" htmlFor="dispatch-unit-id" extra="劳务派遣单位在系统中的编号（见决定列表）">
            <InputNumber
              id="dispatch-unit-id"
              min={1}
              precision={0}
              style={{ width: 200 }}
              value={unitId}
              onChange={(v) => setUnitId(v)}
            />
          </Form.Item>
          <Form.Item label="派遣人员表（必填）" extra="每名派遣人员每段派遣一行；自有员工填“是”，不填用工单位">
            <FilePicker label="选择派遣人员表" file={placements} onChange={setPlacements} testId="placements-file" />
          </Form.Item>
          <Form.Item label="缴费明细表（系统无本单位个人缴费明细时必填）" extra="系统已有本单位个人缴费明细时，按系统数据计算">
            <FilePicker label="选择缴费明细表" file={payments} onChange={setPayments} testId="payments-file" />
          </Form.Item>
          <Space>
            <Button disabled={!ready} loading={busy === 'preview'} onClick={() => void send('preview')}>
              试算分配
            </Button>
            <Popconfirm
              title="提交申请？"
              description="提交后按规则判定分配，案件转入复核流程。"
              okText="提交"
              cancelText="取消"
              disabled={!ready}
              onConfirm={() => send('submit')}
            >
              <Button type="primary" disabled={!ready} loading={busy === 'submit'}>
                提交申请
              </Button>
            </Popconfirm>
          </Space>
        </Form>
        {refusal && <Alert type="error" showIcon style={{ marginTop: 16 }} title={refusal} data-testid="dispatch-refusal" />}
        {rejection && <Problems rejection={rejection} />}
      </Card>
      {result && <Allocation result={result} />}
    </>
  );
}

function WithdrawButton({ application, onDone }: { application: DispatchApplication; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const close = () => {
    setOpen(false);
    setNote('');
    setRefusal(undefined);
  };
  const withdraw = () => {
    api<WithdrawnDispatch>(`/dispatch/applications/${application.id}/withdraw`, { body: { note: note.trim() } }).then(
      (w) => {
        message.success(`已撤回申请 ${w.applicationId}；案件重新判定为“${stateLabel(w.caseState)}”，可重新申请`);
        close();
        onDone();
      },
      (e: Error) => setRefusal(e.message),
    );
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        撤回申请
      </Button>
      <Modal
        open={open}
        title={`撤回申请 ${application.id}`}
        okText="确认撤回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !note.trim() }}
        onOk={withdraw}
        onCancel={close}
      >
        {refusal && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={refusal} />}
        <Typography.Paragraph>
          案件提交复核前可以撤回。撤回后单位按筛查规则重新判定（待人工复核），可重新申请。请填写撤回说明：
        </Typography.Paragraph>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}

function LookupCard({
  staff,
  unitId,
  onUnitId,
}: {
  staff: Staff;
  unitId: number | undefined;
  onUnitId: (id: number | undefined) => void;
}) {
  const [typed, setTyped] = useState<number | null>(unitId ?? null);
  const found = useApi(
    () => (unitId ? api<DispatchApplication>(`/dispatch/units/${unitId}/applications/${ROUND}`) : Promise.resolve(undefined)),
    [unitId],
  );
  const a = found.data;
  return (
    <Card title={`查询单位的申请（${ROUND}年度）`} style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 16 }}>
        <span>单位编号</span>
        <InputNumber
          aria-label="查询单位编号"
          min={1}
          precision={0}
          style={{ width: 200 }}
          value={typed}
          onChange={(v) => setTyped(v)}
        />
        <Button
          type="primary"
          disabled={!typed}
          onClick={() => {
            if (typed === unitId) found.reload();
            else onUnitId(typed ?? undefined);
          }}
        >
          查询
        </Button>
      </Space>
      {unitId && found.error && <Alert type="warning" showIcon title={found.error} />}
      {unitId && a && !found.error && (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'id', label: '申请编号', children: a.id },
              { key: 'unit', label: '劳务派遣单位', children: a.unitName },
              {
                key: 'status',
                label: '状态',
                children: <Tag color={a.status === 'withdrawn' ? 'default' : 'success'}>{DISPATCH_STATUS_LABELS[a.status]}</Tag>,
              },
              { key: 'amount', label: '返还金额合计', children: <strong className="amount">{yuan(a.amountFen)}</strong> },
              { key: 'excluded', label: '不予返还的缴费', children: <span className="amount">{yuan(a.excludedFen)}</span> },
              { key: 'workers', label: '申报人员', children: `${count(a.workerCount)} 人` },
              { key: 'by', label: '提交人', children: a.submittedBy },
              { key: 'at', label: '提交时间', children: dateTime(a.submittedAt) },
              { key: 'decided', label: '判定时间', children: dateTime(a.decidedAt) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            分配明细
          </Typography.Title>
          <AllocationTable allocations={a.allocations} />
          {a.status !== 'withdrawn' && hasRole(staff, 'case_worker') && (
            <div style={{ marginTop: 16 }}>
              <WithdrawButton application={a} onDone={found.reload} />
            </div>
          )}
        </>
      )}
    </Card>
  );
}

export default function Dispatch({ staff }: { staff: Staff }) {
  const [lookup, setLookup] = useState<number>();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        劳务派遣申请
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="劳务派遣单位须主动申请（鲁人社发〔2024〕8号 第三条）：派遣单位与被派遣人员一并按第二条条件判定；被派遣人员的缴费对应的返还全额拨付用工单位，派遣至机关事业单位的部分不予返还，自有员工及未派遣期间由派遣单位享受。"
      />
      {hasRole(staff, 'case_worker') && <ApplyCard onSubmitted={setLookup} />}
      <LookupCard key={lookup} staff={staff} unitId={lookup} onUnitId={setLookup} />
    </>
  );
}
