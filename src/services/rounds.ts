// Refund rounds the system knows. A round is one policy year's 免申即享 job-retention refund: its base year is the
// year before, and screening dates must lie inside the refund's policy window (job-retention-refund.yaml).
import type { IsoDate } from '../policy/core/dates.ts';
import { Refusal } from '../domain/refusal.ts';

export interface RefundRound {
  round: string;
  title: string;
  baseYear: number;
  /** The screening date used when none is given: the agency's data snapshot for the round. */
  defaultAsOf: IsoDate;
}

const rounds: readonly RefundRound[] = [
  { round: '2024', title: '2024年度失业保险稳岗返还（免申即享）', baseYear: 2023, defaultAsOf: '2024-08-15' },
];

export class UnknownRoundError extends Refusal {
  constructor(round: string) {
    super('NOT_FOUND', `没有 ${round} 年度的稳岗返还批次；可用：${rounds.map((r) => r.round).join('、')}`);
  }
}

export function refundRound(round: string): RefundRound {
  const found = rounds.find((r) => r.round === round);
  if (!found) throw new UnknownRoundError(round);
  return found;
}
