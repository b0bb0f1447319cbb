// 试点支出额度 (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条): the city's pilot spending register — its sealed
// balance and cap with the headroom left as a gauge, the plan filing reviewed by a second person, and the commitments
// against the cap. Finance records and commits, a second member of finance or a reviewer reviews the filing, auditors read.
import { Alert, Spin, Typography } from 'antd';
import type { PilotRegister } from '../../../src/server/schemas/fund.ts';
import { api, ApiError, ROUND } from '../shared/api.ts';
import { hasRole, type Staff } from '../shared/session.ts';
import { useApi } from '../shared/use-api.ts';
import { BudgetCard } from './fund/BudgetCard.tsx';
import { CommitmentsCard } from './fund/CommitmentsCard.tsx';
import { fundRegionOf, notAFundText } from './fund/fund-region.ts';
import { PlanCard } from './fund/PlanCard.tsx';

const YEAR = Number(ROUND);

/** The register, or undefined when the fund has no budget yet. */
async function loadRegister(base: string): Promise<PilotRegister | undefined> {
  try {
    return await api<PilotRegister>(base);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

function Register({ staff, region }: { staff: Staff; region: string }) {
  const base = `/fund/pilot/${region}/${YEAR}`;
  const register = useApi(() => loadRegister(base), [base]);
  const finance = hasRole(staff, 'finance');
  if (register.error) return <Alert type="error" showIcon title={register.error} />;
  if (register.loading && !register.data)
    return (
      <div className="page-loading">
        <Spin />
      </div>
    );
  const data = register.data;
  return (
    <>
      <BudgetCard budget={data?.budget} canRecord={finance} regionCode={region} year={YEAR} onChanged={register.reload} />
      {data && data.budget.level === 'city' && (
        <PlanCard
          base={base}
          plans={data.plans}
          canRecord={finance}
          canReview={hasRole(staff, 'finance', 'reviewer')}
          staffName={staff.name}
          onChanged={register.reload}
        />
      )}
      {data && (
        <CommitmentsCard
          base={base}
          commitments={data.commitments}
          byItem={data.byItem}
          canAct={finance && data.planFiled}
          onChanged={register.reload}
        />
      )}
    </>
  );
}

export default function FundRegister({ staff }: { staff: Staff }) {
  const region = fundRegionOf(staff);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        扩大失业保险基金支出范围试点 · {ROUND}年度支出额度
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        职业培训补贴、职业技能评价补贴、岗位补贴和社会保险补贴的支出额度控制在封定历史结余基金（截至{YEAR - 1}
        年12月31日）的15%（含）以内； 实施方案备案前不得支出；省本级项目从省本级历史结余中列支（鲁人社发〔2024〕8号
        第六条；威人社函〔2024〕41号 第一条）。
      </Typography.Paragraph>
      {region ? <Register staff={staff} region={region} /> : <Alert type="info" showIcon title={notAFundText(staff)} />}
    </>
  );
}
