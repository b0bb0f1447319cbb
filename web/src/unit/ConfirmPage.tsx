// The enterprise's confirmation page, opened from the SMS link (/confirm/:token or /unit/confirm/:token): the amount
// and why, a one-time code sent to the unit's mobile, and the confirmation (鲁人社发〔2024〕8号 第七条).
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Spin, Steps, Typography } from 'antd';
import { api } from '../shared/api.ts';
import { dateTime, yuan } from '../shared/format.ts';
import type { CodeSent, ConfirmationView, Confirmed } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { PortalHeader } from './PortalHeader.tsx';

export default function ConfirmPage() {
  const token = useParams().token ?? '';
  const view = useApi(() => api<ConfirmationView>(`/confirm/${encodeURIComponent(token)}`), [token]);
  const [sentTo, setSentTo] = useState<string | null>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [confirmedAt, setConfirmedAt] = useState<string>();

  const requestCode = () => {
    setBusy(true);
    setError(undefined);
    api<CodeSent>(`/confirm/${encodeURIComponent(token)}/code`, { method: 'POST' })
      .then(
        (r) => setSentTo(r.codeSentTo ?? ''),
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };
  const confirm = () => {
    setBusy(true);
    setError(undefined);
    api<Confirmed>(`/confirm/${encodeURIComponent(token)}`, { body: { code } })
      .then(
        (r) => setConfirmedAt(r.confirmedAt),
        (e: Error) => setError(e.message),
      )
      .finally(() => setBusy(false));
  };

  const v = view.data;
  return (
    <div className="portal">
      <PortalHeader subtitle="稳岗返还确认" />
      {view.loading && <Spin size="large" style={{ display: 'block', margin: '64px auto' }} />}
      {view.error && <Result status="warning" title="无法打开确认页面" subTitle={view.error} />}
      {v && confirmedAt && (
        <Result
          status="success"
          title="确认成功"
          subTitle={`${v.unitName}已于${dateTime(confirmedAt)}确认 ${v.round} 年度稳岗返还 ${yuan(v.amountFen)}。资金将返还至${v.payTo}，请留意到账情况。`}
        />
      )}
      {v && !confirmedAt && (
        <Card>
          <Steps
            current={sentTo === undefined ? 0 : 1}
            size="small"
            style={{ marginBottom: 24 }}
            items={[{ title: '核对金额' }, { title: '短信验证' }, { title: '完成确认' }]}
          />
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {v.unitName}
          </Typography.Title>
          <Typography.Paragraph>
            根据《山东省人力资源和社会保障厅等4部门关于做好失业保险援企稳岗政策落实工作的通知》（鲁人社发〔2024〕8号），经大数据比对，您单位符合{' '}
            {v.round} 年度失业保险稳岗返还条件， 且已按规定公示期满无异议。现拟向您单位返还以下金额，请核对后确认。
          </Typography.Paragraph>
          <Descriptions bordered column={1} size="middle">
            <Descriptions.Item label="拟返还金额">
              <strong style={{ fontSize: 20, color: '#cf1322' }} className="amount" data-testid="confirm-amount">
                {yuan(v.amountFen)}
              </strong>
            </Descriptions.Item>
            <Descriptions.Item label="返还账户">{v.payTo}</Descriptions.Item>
            <Descriptions.Item label="金额如何计算">
              返还金额 = 您单位上年度实际缴纳的失业保险费 ×
              返还比例（按企业规模确定，中小微企业比例高于大型企业）。详细计算过程可向经办机构查询。
            </Descriptions.Item>
            <Descriptions.Item label="接收验证码的手机">{v.phoneMasked ?? '未登记，请致电 12333 联系经办机构'}</Descriptions.Item>
          </Descriptions>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="confirm-error" />}
          <div style={{ marginTop: 24 }}>
            {sentTo === undefined ? (
              <Button type="primary" size="large" onClick={requestCode} loading={busy} disabled={!v.phoneMasked}>
                获取短信验证码
              </Button>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>验证码已发送至 {sentTo}，5 分钟内有效。</Typography.Text>
                <Space>
                  <Input
                    placeholder="6 位数字验证码"
                    maxLength={6}
                    value={code}
                    onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
                    style={{ width: 180 }}
                    size="large"
                  />
                  <Button type="primary" size="large" onClick={confirm} loading={busy} disabled={code.length !== 6}>
                    确认返还
                  </Button>
                  <Button size="large" onClick={requestCode} disabled={busy}>
                    重新获取
                  </Button>
                </Space>
              </Space>
            )}
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0 }}>
            如对金额有疑问，请致电 12333 或到所在地社会保险经办机构咨询。
          </Typography.Paragraph>
        </Card>
      )}
    </div>
  );
}
