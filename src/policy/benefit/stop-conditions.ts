// 失业保险条例 第十五条、社会保险法 第五十一条 (鲁人社发〔2024〕8号 第五条): benefit stops when the person is re-employed,
// starts receiving a basic pension, is imprisoned, or dies; and when the entitled months are used up. Each stop has
// the first month no longer paid:
//   re-employment   the first month a new unit contributes for the person (employed that month)
//   pension         the month the pension starts
//   imprisonment    the month of imprisonment
//   death           the month after death (the month of death is still paid — Default)
import { addPeriods, periodOf, type IsoDate, type Period } from '../core/dates.ts';

export type StopKind = 'reemployed' | 'pension' | 'death' | 'imprisonment';

export interface StopFact {
  kind: StopKind;
  /** re-employment: the first contributed period's first day; others: the event's date. */
  date: IsoDate;
}

export interface Stop {
  kind: StopKind;
  date: IsoDate;
  stoppedFrom: Period;
  legalBasis: string;
}

const LEGAL_BASIS = '失业保险条例 第十五条；社会保险法 第五十一条';

export function stoppedFrom(fact: StopFact): Period {
  return fact.kind === 'death' ? addPeriods(periodOf(fact.date), 1) : periodOf(fact.date);
}

/** The earliest stop among the facts that falls on or after the claim's first month; undefined when none. */
export function earliestStop(facts: readonly StopFact[], firstPeriod: Period): Stop | undefined {
  return facts
    .map((fact) => ({ ...fact, stoppedFrom: stoppedFrom(fact), legalBasis: LEGAL_BASIS }))
    .filter((stop) => stop.stoppedFrom >= firstPeriod || stop.kind !== 'reemployed')
    .sort((a, b) => a.stoppedFrom.localeCompare(b.stoppedFrom) || a.kind.localeCompare(b.kind))[0];
}
