// Uploads the bank's return file (CSV or spreadsheet). The file is imported whole or not at all: a rejected file shows
// every problem the server found, in Chinese; the same file uploaded again changes nothing.
import { useState } from 'react';
import { Alert, App, Button, Card, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { upload } from '../../shared/api.ts';
import { count, yuan } from '../../shared/format.ts';
import type { ReturnImport } from '../../shared/types.ts';

const SHOWN_PROBLEMS = 20;

function Outcome({ result }: { result: ReturnImport }) {
  if (result.status === 'duplicate') return <Alert type="info" showIcon style={{ marginTop: 16 }} title={result.message} />;
  if (result.status === 'accepted') {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 16 }}
        data-testid="return-accepted"
        title={`回单已导入（支付批次 ${result.batchId}）：共 ${count(result.lineCount)} 笔，${yuan(result.totalFen)}`}
        description={`银行支付成功 ${count(result.paid)} 笔，失败 ${count(result.failed)} 笔，退回 ${count(result.returned)} 笔；${count(result.casesPaid)} 个单位的返还已全部拨付。`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 16 }}
      data-testid="return-rejected"
      title={result.message}
      description={
        <ul style={{ paddingLeft: 20, margin: 0 }}>
          {result.errors.slice(0, SHOWN_PROBLEMS).map((e, i) => (
            <li key={i}>
              第 {e.row} 行{e.column ? `「${e.column}」` : ''}
              {e.value ? `（${e.value}）` : ''}：{e.message}
            </li>
          ))}
          {result.errorCount > SHOWN_PROBLEMS && <li>另有 {count(result.errorCount - SHOWN_PROBLEMS)} 处问题未列出</li>}
        </ul>
      }
    />
  );
}

export function ReturnUpload({ onImported }: { onImported: (batchId: number) => void }) {
  const { message } = App.useApp();
  const [result, setResult] = useState<ReturnImport>();
  const [busy, setBusy] = useState(false);
  const send = (file: File) => {
    setBusy(true);
    setResult(undefined);
    upload<ReturnImport>('/bank/returns', file)
      .then(
        ({ body }) => {
          setResult(body);
          if (body.status === 'accepted') onImported(body.batchId);
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="导入银行回单" style={{ height: '100%' }}>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          send(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={busy}>
          选择回单文件并导入
        </Button>
      </Upload>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        回单列：付款流水号、金额（元）、处理结果（成功／失败／退回）、银行流水号、失败原因。每行须对应已发送的付款指令且金额一致，否则整个文件不导入。
      </Typography.Paragraph>
      {result && <Outcome result={result} />}
    </Card>
  );
}
