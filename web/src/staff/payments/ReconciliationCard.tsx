// The reconciliation report of an exported payment batch: instructed against answered by the bank, and every
// difference (no answer, failed, returned, wrong amount, totals); downloadable as a spreadsheet.
import { Alert, App, Button, Card, Descriptions, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '../../shared/api.ts';
import { count, yuan } from '../../shared/format.ts';
import { BANK_OUTCOME_LABELS, DIFFERENCE_LABELS } from '../../shared/labels.ts';
import type { PaymentBatch, Reconciliation, ReconciliationTally } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

type Difference = Reconciliation['differences'][number];

const tally = (t: ReconciliationTally) => (
  <>
    {count(t.count)} 笔，<span className="amount">{yuan(t.totalFen)}</span>
  </>
);

export function ReconciliationCard({ batch, version }: { batch: PaymentBatch; version: number }) {
  const { message } = App.useApp();
  const exported = batch.status === 'exported' || batch.status === 'reconciled';
  const report = useApi(
    () => (exported ? api<Reconciliation>(`/bank/batches/${batch.batchId}/reconciliation`) : Promise.resolve(undefined)),
    [batch.batchId, exported, version],
  );
  const save = () =>
    download(`/bank/batches/${batch.batchId}/reconciliation?format=xlsx`).catch((e: Error) => message.error(e.message));
  const r = report.data;
  return (
    <Card
      title={`对账报告（支付批次 ${batch.batchId}）`}
      style={{ marginTop: 16 }}
      data-testid="reconciliation"
      extra={
        exported && (
          <Button icon={<DownloadOutlined />} onClick={() => void save()}>
            下载对账报告（电子表格）
          </Button>
        )
      }
    >
      {!exported && <Alert type="info" showIcon title="导出银行付款指令并导入银行回单后，可在此对账" />}
      {report.error && <Alert type="error" showIcon title={report.error} />}
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label="付款指令">{tally(r.instructed)}</Descriptions.Item>
            {(['paid', 'failed', 'returned'] as const).map((o) => (
              <Descriptions.Item key={o} label={`银行${BANK_OUTCOME_LABELS[o]}`}>
                {tally(r.answered[o])}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="银行未回单">{tally(r.unanswered)}</Descriptions.Item>
            <Descriptions.Item label="差异">{count(r.differences.length)} 项</Descriptions.Item>
          </Descriptions>
          {r.balanced ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 16 }}
              title="对账一致，没有差异：每笔付款指令均已由银行支付成功，金额相符"
            />
          ) : (
            <Table<Difference>
              size="small"
              style={{ marginTop: 16 }}
              rowKey={(d, i) => `${d.kind}-${d.reference ?? ''}-${i}`}
              dataSource={r.differences}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag color="error">{DIFFERENCE_LABELS[k]}</Tag> },
                { title: '付款流水号', dataIndex: 'reference', render: (v: string | null) => v ?? '—' },
                { title: '收款单位', dataIndex: 'recipientName', render: (v: string | null) => v ?? '—' },
                {
                  title: '指令金额',
                  dataIndex: 'instructedFen',
                  align: 'right',
                  render: (f: number | null) => <span className="amount">{yuan(f)}</span>,
                },
                {
                  title: '回单金额',
                  dataIndex: 'answeredFen',
                  align: 'right',
                  render: (f: number | null) => <span className="amount">{yuan(f)}</span>,
                },
                { title: '说明', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
