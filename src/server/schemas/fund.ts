// The fund area's response shapes as the console reads them (鲁人社发〔2024〕8号 第六条、第八条): the pilot register, its
// filings and commitments, and fund monitoring. Types only, taken from the services that build the answers, so the
// console never imports a service.
export type { PilotBudget } from '../../services/fund/pilot-budget.ts';
export type { PlanFiling } from '../../services/fund/pilot-plan.ts';
export type { CommitResult, PilotCommitment } from '../../services/fund/pilot-commitments.ts';
export type { ItemTotal, PilotRegister } from '../../services/fund/pilot-register.ts';
export type { FundMonitoring, RegionMonth } from '../../services/fund/fund-monitoring.ts';
