// Months insured up to the application month: overlapping spells count once, open spells stop at the month, later
// spells count nothing.
import { describe, expect, it } from 'vitest';
import { insuredMonths } from '../../../src/services/skill-subsidy/skill-inputs.ts';

describe('insuredMonths', () => {
  it('counts each month once up to and including the application month', () => {
    expect(insuredMonths([{ from_period: '2023-09', to_period: null }], '2024-08')).toBe(12);
    expect(insuredMonths([{ from_period: '2023-10', to_period: null }], '2024-08')).toBe(11);
  });

  it('counts overlapping spells of two units once and ignores a spell that starts later', () => {
    expect(
      insuredMonths(
        [
          { from_period: '2023-01', to_period: '2023-06' },
          { from_period: '2023-05', to_period: '2023-08' },
          { from_period: '2024-09', to_period: null },
        ],
        '2024-08',
      ),
    ).toBe(8);
  });
});
