// The pure pieces of benefit casework: living guarantee first (鲁人社发〔2024〕8号 第八条) and the month a stop takes effect
// (失业保险条例 第十五条).
import { describe, expect, it } from 'vitest';
import { allocateByPriority } from '../../../../src/policy/benefit/living-guarantee-priority.ts';
import { earliestStop } from '../../../../src/policy/benefit/stop-conditions.ts';

describe('living guarantee first', () => {
  it('pays living-guarantee items before earlier refunds and never splits an item', () => {
    const items = [
      { key: 'refund', priority: 'other' as const, amountFen: 500 },
      { key: 'benefit', priority: 'living_guarantee' as const, amountFen: 300 },
      { key: 'medical', priority: 'living_guarantee' as const, amountFen: 100 },
    ];
    expect(allocateByPriority(items, 450)).toEqual({
      paid: ['benefit', 'medical'],
      waiting: ['refund'],
      paidFen: 400,
      remainingFen: 50,
    });
    expect(allocateByPriority(items, 900).waiting).toEqual([]);
    expect(allocateByPriority(items, -5)).toMatchObject({ paid: [], paidFen: 0 });
  });
});

describe('stop conditions', () => {
  it('stops from the month of pension, imprisonment and re-employment, and from the month after death; the earliest wins', () => {
    expect(earliestStop([{ kind: 'death', date: '2024-07-15' }], '2024-06')?.stoppedFrom).toBe('2024-08');
    expect(
      earliestStop(
        [
          { kind: 'pension', date: '2024-07-01' },
          { kind: 'death', date: '2024-07-15' },
        ],
        '2024-06',
      ),
    ).toMatchObject({ kind: 'pension', stoppedFrom: '2024-07' });
    expect(earliestStop([{ kind: 'reemployed', date: '2024-05-01' }], '2024-06')).toBeUndefined();
    expect(earliestStop([], '2024-06')).toBeUndefined();
  });
});
