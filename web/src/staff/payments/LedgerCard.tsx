// The fund ledger: each account's debits, credits and balance, and on demand the full check (debits equal credits,
// one commitment per payment, balances agreeing with the payments' states) with every problem in Chinese.
import { useState } from 'react';
import { Alert, App, Button, Card, Table } from 'antd';
import { api } from '../../shared/api.ts';
import { count, yuan } from '../../shared/format.ts';
import type { LedgerBalance, LedgerCheck } from '../../shared/types.ts';
import { useApi } from '../../shared/use-api.ts';

export function LedgerCard({ version }: { version: number }) {
  const { message } = App.useApp();
  const balances = useApi(() => api<LedgerBalance[]>('/ledger/balances'), [version]);
  const [check, setCheck] = useState<LedgerCheck>();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    api<LedgerCheck>('/ledger/check')
      .then(setCheck, (e: Error) => message.error(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <Card
      title="资金台账"
      style={{ marginTop: 16 }}
      extra={
        <Button loading={busy} onClick={run}>
          台账检查
        </Button>
      }
    >
      {balances.error && <Alert type="error" showIcon title={balances.error} />}
      <Table<LedgerBalance>
        size="small"
        rowKey="account"
        loading={balances.loading}
        dataSource={balances.data ?? []}
        pagination={false}
        columns={[
          { title: '科目', dataIndex: 'label' },
          {
            title: '借方合计',
            dataIndex: 'debitFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '贷方合计',
            dataIndex: 'creditFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
          {
            title: '余额',
            dataIndex: 'balanceFen',
            align: 'right',
            render: (f: number) => <span className="amount">{yuan(f)}</span>,
          },
        ]}
      />
      {check &&
        (check.ok ? (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="ledger-check"
            title={`台账检查通过：借贷平衡，每笔支付有且只有一笔应付确认，余额与支付状态一致（${count(check.paymentCount)} 笔支付，${count(check.transactionCount)} 张记账凭证）`}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            data-testid="ledger-check"
            title={`台账检查发现 ${count(check.violations.length)} 个问题`}
            description={
              <ul style={{ paddingLeft: 20, margin: 0 }}>
                {check.violations.map((v, i) => (
                  <li key={i}>{v.message}</li>
                ))}
              </ul>
            }
          />
        ))}
    </Card>
  );
}
