// 银行文件与对账: for a chosen payment batch, export the bank instruction file and read its reconciliation; import the
// bank's return file; correct the account of a failed or returned payment (maker-checker); the fund ledger and its
// check. Auditors see everything without the action buttons.
import { useEffect, useState } from 'react';
import { Alert, Card, Col, Row, Select, Tag, Typography } from 'antd';
import { api, ROUND } from '../shared/api.ts';
import { count, yuan } from '../shared/format.ts';
import { PAYMENT_BATCH_STATUS_COLORS, PAYMENT_BATCH_STATUS_LABELS } from '../shared/labels.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import type { PaymentBatch } from '../shared/types.ts';
import { useApi } from '../shared/use-api.ts';
import { BankExport } from './payments/BankExport.tsx';
import { Corrections } from './payments/Corrections.tsx';
import { LedgerCard } from './payments/LedgerCard.tsx';
import { ReconciliationCard } from './payments/ReconciliationCard.tsx';
import { ReturnUpload } from './payments/ReturnUpload.tsx';

/** Batches a second officer has authorised: the ones with a bank file and a reconciliation. */
const AUTHORISED = new Set(['authorised', 'exported', 'reconciled']);

export default function Bank({ staff }: { staff: Staff }) {
  const canAct = hasRole(staff, 'finance');
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const batches = useApi(() => api<PaymentBatch[]>(`/payments/batches?round=${ROUND}`), [version]);
  const authorised = (batches.data ?? []).filter((b) => AUTHORISED.has(b.status));
  const [chosen, setChosen] = useState<number>();
  useEffect(() => {
    if (chosen === undefined && authorised.length) setChosen(authorised[authorised.length - 1]!.batchId);
  }, [chosen, authorised]);
  const batch = authorised.find((b) => b.batchId === chosen);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        银行文件与对账
      </Typography.Title>
      <Card>
        {batches.error && <Alert type="error" showIcon title={batches.error} />}
        <Select
          aria-label="支付批次"
          placeholder="选择已授权的支付批次"
          style={{ width: 480 }}
          value={chosen}
          onChange={setChosen}
          loading={batches.loading}
          options={[...authorised].reverse().map((b) => ({
            value: b.batchId,
            label: (
              <>
                支付批次 {b.batchId}：{count(b.paymentCount)} 笔，{yuan(b.totalFen)}{' '}
                <Tag color={PAYMENT_BATCH_STATUS_COLORS[b.status]}>{PAYMENT_BATCH_STATUS_LABELS[b.status]}</Tag>
              </>
            ),
          }))}
        />
        {!batches.loading && !authorised.length && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            还没有经授权的支付批次。
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {batch && (
          <Col xs={24} xl={canAct ? 12 : 24}>
            <BankExport key={batch.batchId} batch={batch} canAct={canAct} onExported={changed} />
          </Col>
        )}
        {canAct && (
          <Col xs={24} xl={12}>
            <ReturnUpload
              onImported={(batchId) => {
                setChosen(batchId);
                changed();
              }}
            />
          </Col>
        )}
      </Row>
      {batch && <ReconciliationCard batch={batch} version={version} />}
      <Corrections canAct={canAct} version={version} onChanged={changed} />
      <LedgerCard version={version} />
    </>
  );
}
