// 拨付: the round's payment progress, creating payments for confirmed units, the payment list, and payment batches
// proposed by one finance officer and authorised by another before they are paid. Auditors read everything.
import { useState } from 'react';
import { Typography } from 'antd';
import { hasRole, type Staff } from '../shared/session.ts';
import { PaymentBatches } from './payments/PaymentBatches.tsx';
import { PaymentList } from './payments/PaymentList.tsx';
import { RoundPayments } from './payments/RoundPayments.tsx';

export default function Payments({ staff }: { staff: Staff }) {
  const canAct = hasRole(staff, 'finance');
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        拨付
      </Typography.Title>
      <RoundPayments canAct={canAct} version={version} onCreated={changed} />
      <PaymentBatches canAct={canAct} version={version} onChanged={changed} />
      <PaymentList canAct={canAct} version={version} onProposed={changed} />
    </>
  );
}
