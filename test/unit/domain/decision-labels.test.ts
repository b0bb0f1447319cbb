// Every reason a refund or dispatch decision can give has a Chinese name for the screens and exports.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REFUND_REASON_LABELS } from '../../../src/domain/vocabulary/refund.ts';
import { jobRetentionRefundRule } from '../../../src/policy/job-retention-refund.ts';
import { dispatchAllocationRule } from '../../../src/policy/dispatch-allocation.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { dispatchInputArb, refundInputArb } from '../../support/refund-arbitraries.ts';

describe('refund reason labels', () => {
  const params = projectParameters();

  it('name every reason the refund and dispatch rules give', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(refundInputArb, dispatchInputArb, (refund, dispatch) => {
        for (const d of [jobRetentionRefundRule.evaluate(refund, params), dispatchAllocationRule.evaluate(dispatch, params)]) {
          for (const reason of d.reasons) seen.add(reason);
        }
      }),
      { numRuns: 500 },
    );
    expect([...seen].filter((code) => !REFUND_REASON_LABELS[code])).toEqual([]);
    expect(seen).toContain('NO_CORPORATE_ACCOUNT');
    expect(seen).toContain('WORKER_PAYMENTS_MISMATCH');
  });
});
