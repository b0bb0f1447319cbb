// Exports the bank instruction file of an authorised payment batch (CSV or spreadsheet) and shows the SM3 checksum the
// server computed over it, for the bank to check the file is unchanged. Exporting again gives the same file.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { download } from '../../shared/api.ts';
import type { PaymentBatch } from '../../shared/types.ts';

const EXPORTABLE = ['authorised', 'exported', 'reconciled'];

export function BankExport({ batch, canAct, onExported }: { batch: PaymentBatch; canAct: boolean; onExported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<{ fileName: string; checksum: string }>();
  const [busy, setBusy] = useState(false);
  const exportAs = (format: 'csv' | 'xlsx') => {
    setBusy(true);
    download(`/bank/batches/${batch.batchId}/export`, { body: { format } })
      .then(
        ({ fileName, headers }) => {
          setFile({ fileName, checksum: headers.get('x-checksum-sm3') ?? '—' });
          onExported();
        },
        (e: Error) => message.error(e.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Card title="银行付款指令文件" style={{ height: '100%' }}>
      {!EXPORTABLE.includes(batch.status) ? (
        <Alert type="info" showIcon title="该批次尚未经第二名财务人员授权，不能导出银行付款指令" />
      ) : canAct ? (
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => exportAs('csv')}>
            导出 CSV 文件
          </Button>
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => exportAs('xlsx')}>
            导出电子表格
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">银行付款指令由财务人员导出。</Typography.Text>
      )}
      {file && (
        <Descriptions size="small" column={1} bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label="文件名">{file.fileName}</Descriptions.Item>
          <Descriptions.Item label="SM3 校验码">
            <Typography.Text code copyable data-testid="instruction-checksum" style={{ wordBreak: 'break-all' }}>
              {file.checksum}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        文件末尾附合计行和 SM3 校验码；同一批次重复导出，文件内容相同。
      </Typography.Paragraph>
    </Card>
  );
}
