// What the 工作台 loads: the round's progress by workflow state, the latest screening run's summary, and the lists the
// signed-in person's to-dos come from (by role). Each part loads on its own, so a part the server refuses (a regional
// account is refused whole-data-set lists with OUT_OF_SCOPE) leaves the rest of the page working.
import { api, ApiError, query, ROUND } from '../../shared/api.ts';
import { ownRegionFilter, type RefundCaseState } from '../../shared/labels.ts';
import { regionKind } from '../../shared/regions.ts';
import { hasRole, type Staff } from '../../shared/session.ts';
import type { Batch, DecisionPage, Notice, PaymentBatch, RunView, ScreeningRunRow, StateTally } from '../../shared/types.ts';

/** A part of the page: its data, or why it is missing (outOfScope: outside the account's region). */
export type Part<T> = { ok: true; value: T } | { ok: false; outOfScope: boolean; message: string };

async function part<T>(load: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, outOfScope: error.code === 'OUT_OF_SCOPE', message: error.message };
  }
}

/** The round's latest run (it may still be running) and the summary of the latest completed one. */
export interface LatestRun {
  latest: ScreeningRunRow | undefined;
  summary: RunView['summary'] | undefined;
}

export interface Overview {
  progress: Part<StateTally[]>;
  runs: Part<LatestRun>;
  reviewBatches?: Part<Batch[]>;
  notices?: Part<Notice[]>;
  /** Units whose screening needs a person, in the account's region (case workers). */
  needsReview?: Part<number>;
  paymentBatches?: Part<PaymentBatch[]>;
}

async function latestRun(): Promise<LatestRun> {
  const runs = await api<ScreeningRunRow[]>(`/rounds/${ROUND}/screenings`);
  const completed = runs.filter((r) => r.status === 'completed').at(-1);
  const summary = completed ? (await api<RunView>(`/screenings/${completed.id}`)).summary : undefined;
  return { latest: runs.at(-1), summary };
}

export async function loadOverview(staff: Staff): Promise<Overview> {
  const worker = hasRole(staff, 'case_worker');
  const region = ownRegionFilter(staff.regionCode);
  const [progress, runs, reviewBatches, notices, needsReview, paymentBatches] = await Promise.all([
    part(() => api<StateTally[]>(`/rounds/${ROUND}/progress`)),
    part(latestRun),
    worker || hasRole(staff, 'reviewer') ? part(() => api<Batch[]>(`/review/batches?round=${ROUND}`)) : undefined,
    worker ? part(() => api<Notice[]>(`/notices?round=${ROUND}`)) : undefined,
    worker
      ? part(
          async () =>
            (await api<DecisionPage>(`/rounds/${ROUND}/decisions${query({ status: 'needs_review', region, pageSize: 1 })}`))
              .total,
        )
      : undefined,
    // Finance only: authorising is theirs (auditors may read the batches, but have nothing to do about them).
    hasRole(staff, 'finance') ? part(() => api<PaymentBatch[]>(`/payments/batches?round=${ROUND}`)) : undefined,
  ]);
  return { progress, runs, reviewBatches, notices, needsReview, paymentBatches };
}

/**
 * The progress figures: how many units (and how much) reached each stage of the round — a unit further along counts
 * in every earlier stage too — except 公示中, the units on an open notice now.
 */
export const STAGES: { title: string; states: RefundCaseState[] }[] = [
  {
    title: '已筛查',
    states: [
      'eligible',
      'needs_review',
      'ineligible',
      'proposed',
      'approved',
      'in_notice',
      'notice_passed',
      'notified',
      'confirmed',
      'paid',
    ],
  },
  {
    title: '符合条件',
    states: ['eligible', 'proposed', 'approved', 'in_notice', 'notice_passed', 'notified', 'confirmed', 'paid'],
  },
  { title: '复核通过', states: ['approved', 'in_notice', 'notice_passed', 'notified', 'confirmed', 'paid'] },
  { title: '公示中', states: ['in_notice'] },
  { title: '已告知', states: ['notified', 'confirmed', 'paid'] },
  { title: '已确认', states: ['confirmed', 'paid'] },
  { title: '已拨付', states: ['paid'] },
];

/** Units and amount of the cases now in any of the states. */
export function tallyOf(
  progress: readonly StateTally[],
  states: readonly RefundCaseState[],
): { units: number; amountFen: number } {
  const picked = progress.filter((t) => states.includes(t.state));
  return { units: picked.reduce((n, t) => n + t.units, 0), amountFen: picked.reduce((n, t) => n + t.amountFen, 0) };
}

/** True for an account scoped below a city (a district, county-level city or zone): the round's figures cover more. */
export function belowCity(regionCode: string): boolean {
  const kind = regionKind(regionCode);
  return kind !== undefined && kind !== 'city' && kind !== 'province';
}
