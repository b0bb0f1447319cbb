// 个人服务 · 失业保险金: claim with one click (the ID number of the signed-in person is all it needs), then follow the
// decision, its reasons with their clauses and the monthly schedule.
import { App, Button, Card, Empty } from 'antd';
import type { z } from 'zod';
import type { claimDetail } from '../../../src/server/schemas/benefit.ts';
import { benefitClaimStatusLabels } from '../../../src/domain/vocabulary/benefit.ts';
import { api } from '../shared/api.ts';
import { useApi } from '../shared/use-api.ts';
import { ScheduleTable, TraceTable } from '../staff/benefit/ClaimTables.tsx';

type MyClaim = z.input<typeof claimDetail>;

export function BenefitClaim() {
  const { message } = App.useApp();
  const claims = useApi(() => api<MyClaim[]>('/person/benefit-claims'), []);
  const claim = () =>
    api('/person/benefit-claims', { body: {} }).then(
      () => {
        message.success('申领已提交，请等待经办机构复核');
        claims.reload();
      },
      (e: Error) => message.error(e.message),
    );
  return (
    <Card
      title="失业保险金申领"
      extra={
        <Button type="primary" onClick={claim}>
          申领失业保险金
        </Button>
      }
    >
      {claims.data?.length ? (
        claims.data.map((c) => (
          <Card
            key={c.claimId}
            type="inner"
            title={`${c.claimDate} 申领：${benefitClaimStatusLabels[c.status]}`}
            style={{ marginBottom: 12 }}
          >
            <TraceTable trace={c.trace} />
            <ScheduleTable schedule={c.schedule} />
          </Card>
        ))
      ) : (
        <Empty description="暂无申领记录；无需提交任何材料，点击右上角即可申领" />
      )}
    </Card>
  );
}
