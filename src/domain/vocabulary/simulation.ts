// Policy simulation's codes and their Chinese labels: reform runs, how a unit's decision moves under a reform, the
// dimensions the impact is broken down by, and the kinds of remedy a counterfactual names.
import type { RemedyKind } from '../../policy/simulation/counterfactual.ts';

export type SimulationRunStatus = 'running' | 'completed' | 'failed';
export const SIMULATION_RUN_STATUS_LABELS: Readonly<Record<SimulationRunStatus, string>> = {
  running: '测算中', completed: '已完成', failed: '失败',
};

/** How one unit's decision moves from the baseline to the reform. */
export const unitShifts = ['newly_eligible', 'no_longer_eligible', 'amount_up', 'amount_down', 'status_changed'] as const;
export type UnitShift = (typeof unitShifts)[number];
export const UNIT_SHIFT_LABELS: Readonly<Record<UnitShift, string>> = {
  newly_eligible: '新增符合条件', no_longer_eligible: '不再符合条件', amount_up: '金额增加', amount_down: '金额减少',
  status_changed: '结论变化（待复核）',
};

export const impactDimensions = ['region', 'size', 'industry', 'reason'] as const;
export type ImpactDimension = (typeof impactDimensions)[number];
export const IMPACT_DIMENSION_LABELS: Readonly<Record<ImpactDimension, string>> = {
  region: '区县', size: '企业规模', industry: '行业', reason: '不符合原因',
};

export const REMEDY_KIND_LABELS: Readonly<Record<RemedyKind, string>> = {
  change: '可调整', data: '需补充材料或数据', fixed: '无法调整',
};

/** Labels of a tally key that is not a code of its own dimension (a unit without size or industry on record). */
export const UNKNOWN_KEY_LABEL = '未登记';
