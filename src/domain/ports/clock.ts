// Port for the current time, so services can be tested on any date. Calendar dates are in Asia/Shanghai.
import type { IsoDate } from '../../policy/core/dates.ts';

export interface Clock {
  now(): Date;
  /** Today's date in Asia/Shanghai. */
  today(): IsoDate;
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Asia/Shanghai of an instant. */
export function shanghaiDateOf(instant: Date): IsoDate {
  return shanghaiDate.format(instant);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => shanghaiDateOf(new Date()),
};

/** A clock standing still at a given instant (tests, replays), movable by hand. */
export function fixedClock(instant: string | Date): Clock & { set(next: string | Date): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current),
    today: () => shanghaiDateOf(current),
    set(next) {
      current = new Date(next);
    },
  };
}
