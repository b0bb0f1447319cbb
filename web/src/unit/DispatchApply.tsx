// 劳务派遣申请 in the enterprise portal (鲁人社发〔2024〕8号 第三条): a labour-dispatch unit downloads the two templates,
// uploads its workers' placements (and its per-person contributions when the agency holds none), sees how the refund
// would be split between itself and its user units, and submits; a rejected upload lists every problem in Chinese.
// Once an application is open, it is shown instead of the form.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { download, upload, ROUND } from '../shared/api.ts';
import { count, dateTime, yuan } from '../shared/format.ts';
import { ALLOCATION_ROLE_LABELS, reasonLabel, stateLabel, STATUS_COLORS, STATUS_LABELS } from '../shared/labels.ts';
import type {
  DispatchAllocation,
  DispatchPreview,
  DispatchRejection,
  DispatchUploadProblem,
  PortalApplication,
  SubmittedDispatch,
} from '../shared/types.ts';

type Share = Pick<DispatchAllocation, 'recipientName' | 'role' | 'amountFen'> & { key: string };

function Shares({ shares }: { shares: Share[] }) {
  return (
    <Table<Share>
      size="small"
      rowKey="key"
      dataSource={shares}
      pagination={false}
      data-testid="dispatch-allocations"
      columns={[
        { title: '领取单位', dataIndex: 'recipientName', render: (n: string | null) => n ?? '—' },
        {
          title: '类别',
          dataIndex: 'role',
          render: (r: string) => <Tag color={r === 'user_unit' ? 'blue' : 'gold'}>{ALLOCATION_ROLE_LABELS[r]}</Tag>,
        },
        {
          title: '分配返还金额',
          dataIndex: 'amountFen',
          align: 'right',
          render: (f: number) => <strong className="amount">{yuan(f)}</strong>,
        },
      ]}
    />
  );
}

function Problems({ problems }: { problems: DispatchUploadProblem[] }) {
  return (
    <Table<DispatchUploadProblem & { n: number }>
      size="small"
      rowKey="n"
      dataSource={problems.map((p, n) => ({ ...p, n }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: '文件', dataIndex: 'file' },
        { title: '行', dataIndex: 'row', width: 64 },
        { title: '列', dataIndex: 'column' },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}

/** One file picked for the upload (kept in the page until the form is sent), shown by its name without extension. */
function PickFile({
  label,
  file,
  onPick,
}: {
  label: string;
  file: UploadFile | undefined;
  onPick: (file: UploadFile | undefined) => void;
}) {
  return (
    <Space wrap>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(picked) => {
          onPick({ uid: picked.uid, name: picked.name, originFileObj: picked });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {file && (
        <>
          <Typography.Text>已选择：{file.name.replace(/\.xlsx$/i, '')}</Typography.Text>
          <Button type="link" size="small" onClick={() => onPick(undefined)}>
            移除
          </Button>
        </>
      )}
    </Space>
  );
}

function OpenApplication({ application }: { application: PortalApplication }) {
  return (
    <>
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={`本年度申请已提交（编号 ${application.id}，${application.statusLabel}），将与其他单位一样经复核、公示后告知确认。`}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'amount', label: '返还金额合计', children: <strong className="amount">{yuan(application.amountFen)}</strong> },
          { key: 'workers', label: '申报人员', children: `${count(application.workerCount)} 人` },
          { key: 'at', label: '提交时间', children: dateTime(application.submittedAt) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        分配明细
      </Typography.Title>
      <Shares shares={application.allocations.map((a, i) => ({ ...a, key: String(i) }))} />
    </>
  );
}

export function DispatchApply({ application, onSubmitted }: { application: PortalApplication | null; onSubmitted: () => void }) {
  const { modal, message } = App.useApp();
  const [placements, setPlacements] = useState<UploadFile>();
  const [payments, setPayments] = useState<UploadFile>();
  const [preview, setPreview] = useState<DispatchPreview>();
  const [rejection, setRejection] = useState<DispatchRejection>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const files = (): Record<string, File> => ({
    ...(placements?.originFileObj && { placements: placements.originFileObj }),
    ...(payments?.originFileObj && { payments: payments.originFileObj }),
  });
  const pick = (set: (file: UploadFile | undefined) => void) => (file: UploadFile | undefined) => {
    set(file);
    setPreview(undefined);
    setRejection(undefined);
  };

  async function send<T>(path: string): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    setRejection(undefined);
    try {
      const answer = await upload<T | DispatchRejection>(path, files(), { round: ROUND });
      if (answer.ok) return answer.body as T;
      setRejection(answer.body as DispatchRejection);
    } catch (e) {
      setError(e instanceof Error ? e.message : '上传失败，请重试');
    } finally {
      setBusy(false);
    }
    return undefined;
  }

  const tryIt = async () => setPreview(await send<DispatchPreview>('/dispatch/applications/preview'));
  const submit = () =>
    modal.confirm({
      title: '提交劳务派遣申请',
      content: `按试算结果提交${ROUND}年度稳岗返还申请，返还金额合计 ${yuan(preview?.amountFen)}。提交后如需修改，请联系经办机构撤回。`,
      okText: '确认提交',
      cancelText: '再看看',
      onOk: async () => {
        const submitted = await send<SubmittedDispatch>('/dispatch/applications');
        if (!submitted) return;
        message.success(`申请已提交，案件状态：${stateLabel(submitted.caseState)}`);
        onSubmitted();
      },
    });
  const template = (sheet: 'workers' | 'payments') =>
    download(`/dispatch/templates/${sheet}`).catch((e: Error) => message.error(e.message));

  if (application && application.status !== 'withdrawn') {
    return (
      <Card title="劳务派遣申请" style={{ marginTop: 16 }}>
        <OpenApplication application={application} />
      </Card>
    );
  }
  return (
    <Card title="劳务派遣申请" style={{ marginTop: 16 }} data-testid="dispatch-apply">
      <Typography.Paragraph>
        劳务派遣单位不适用“免申即享”，须主动申请。派遣人员对应的返还资金全额分配给用工单位（派遣至机关事业单位的部分不予返还），
        自有员工及未派遣期间的部分返还本单位。请按模板填写后上传，先试算，核对分配结果无误后再提交。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void template('workers')}>
          下载派遣人员表模板
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void template('payments')}>
          下载缴费明细表模板
        </Button>
      </Space>
      <Space direction="vertical" style={{ width: '100%' }}>
        <PickFile label="选择派遣人员表（必填）" file={placements} onPick={pick(setPlacements)} />
        <PickFile label="选择缴费明细表（系统无本单位个人缴费明细时必填）" file={payments} onPick={pick(setPayments)} />
      </Space>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => void tryIt()} loading={busy} disabled={!placements}>
          试算分配
        </Button>
        <Button onClick={submit} disabled={!preview || busy}>
          提交申请
        </Button>
      </Space>
      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} />}
      {rejection && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={rejection.error.message}
          description={rejection.problems.length ? <Problems problems={rejection.problems} /> : undefined}
        />
      )}
      {preview && (
        <div style={{ marginTop: 16 }} data-testid="dispatch-preview">
          <Typography.Title level={5}>试算结果（尚未提交）</Typography.Title>
          {preview.paymentsFileIgnored && (
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
            column={1}
            items={[
              {
                key: 'status',
                label: '结论',
                children: <Tag color={STATUS_COLORS[preview.status]}>{STATUS_LABELS[preview.status]}</Tag>,
              },
              { key: 'amount', label: '返还金额合计', children: <strong className="amount">{yuan(preview.amountFen)}</strong> },
              {
                key: 'workers',
                label: '申报人员',
                children: `${count(preview.workerCount)} 人，缴费记录 ${count(preview.paymentCount)} 条`,
              },
              {
                key: 'excluded',
                label: '派遣至机关事业单位（不予返还）的缴费',
                children: <span className="amount">{yuan(preview.excludedFen)}</span>,
              },
              ...(preview.reasons.length
                ? [{ key: 'reasons', label: '原因', children: preview.reasons.map(reasonLabel).join('；') }]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            分配明细
          </Typography.Title>
          <Shares
            shares={preview.allocations.map((a) => ({
              key: `${a.role}:${a.recipient}`,
              recipientName: a.recipientName,
              role: a.role,
              amountFen: a.amountFen,
            }))}
          />
        </div>
      )}
    </Card>
  );
}
