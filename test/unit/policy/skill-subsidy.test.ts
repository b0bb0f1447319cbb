import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { skillSubsidyRule, type SkillSubsidyInput } from '../../../src/policy/skill-subsidy.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { readCaseFile, runCaseFile } from '../../support/run-cases.ts';

const CONTRACT_REASONS = [
  'NOT_IN_POLICY_PERIOD',
  'CERTIFICATE_NOT_VERIFIED',
  'LEVEL_NOT_COVERED',
  'APPLICATION_WINDOW_EXPIRED',
  'INSURED_LESS_THAN_ONE_YEAR',
  'NOT_RECEIVING_BENEFIT',
  'PERSON_NOT_COVERED',
  'ANNUAL_LIMIT_REACHED',
  'SAME_OCCUPATION_LEVEL_ALREADY_GRANTED',
  'HIGHER_LEVEL_ALREADY_GRANTED',
  'TRAINING_SUBSIDY_ALREADY_GRANTED',
  'INVALID_ID_NUMBER',
  'APPLICATION_BEFORE_ISSUE',
];

const base: SkillSubsidyInput = {
  id: 'base',
  applicationDate: '2024-10-08',
  person: { idNumber: '371002199001011237', status: 'employed', insuredMonths: 40 },
  certificate: {
    number: 'S000137000001241400001',
    occupationCode: '6-31-01-03',
    level: 5,
    issueDate: '2024-06-30',
    verified: true,
  },
};

describe('skill-subsidy cases', () => {
  runCaseFile('skill-subsidy', skillSubsidyRule);

  it('exercise every reason code of the contract', () => {
    const covered = new Set(readCaseFile('skill-subsidy').flatMap((c) => (c.expect.reasons as string[] | undefined) ?? []));
    expect(CONTRACT_REASONS.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe('skill-subsidy rule', () => {
  const params = projectParameters();

  it('explains the application deadline in the trace, citing Article 4', () => {
    const decision = skillSubsidyRule.evaluate(base, params);
    const step = decision.trace.find((s) => s.step === 'applicationWindow');
    expect(step?.text).toBe('证书发证日期 2024-06-30 起12个月内申请（截止 2025-06-30），申请日期 2024-10-08，符合');
    expect(step?.legalBasis).toContain('鲁人社发〔2024〕8号 第四条');
  });

  it('refuses an application dated before the certificate was issued, and accepts one on the issue day', () => {
    const early = skillSubsidyRule.evaluate({ ...base, applicationDate: '2024-06-29' }, params);
    expect(early).toMatchObject({ status: 'ineligible', amountFen: 0, reasons: ['APPLICATION_BEFORE_ISSUE'] });
    expect(early.trace.find((s) => s.step === 'applicationAfterIssue')?.text).toBe(
      '申请日期 2024-06-29 不得早于证书发证日期 2024-06-30（补贴针对已取得的证书），不符合',
    );
    expect(skillSubsidyRule.evaluate({ ...base, applicationDate: '2024-06-30' }, params)).toMatchObject({
      status: 'eligible',
      amountFen: 100_000,
    });
  });

  it('pays the amount only when eligible, and is eligible exactly when no reason is reported', () => {
    const date = fc
      .tuple(fc.integer({ min: 2023, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const grant = fc.record({
      type: fc.constantFrom('skill_subsidy', 'vocational_training_subsidy') as fc.Arbitrary<
        'skill_subsidy' | 'vocational_training_subsidy'
      >,
      occupationCode: fc.constantFrom('6-31-01-03', '4-04-05-01'),
      level: fc.integer({ min: 1, max: 5 }),
      grantedOn: date,
    });
    const input = fc.record({
      applicationDate: date,
      status: fc.constantFrom('employed', 'unemployed', 'other') as fc.Arbitrary<'employed' | 'unemployed' | 'other'>,
      insuredMonths: fc.integer({ min: 0, max: 30 }),
      benefitPeriods: fc.array(fc.record({ from: date, to: date }), { maxLength: 2 }),
      level: fc.integer({ min: 1, max: 5 }),
      issueDate: date,
      verified: fc.boolean(),
      history: fc.array(grant, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(input, (g) => {
        const decision = skillSubsidyRule.evaluate(
          {
            ...base,
            applicationDate: g.applicationDate,
            person: { ...base.person, status: g.status, insuredMonths: g.insuredMonths, benefitPeriods: g.benefitPeriods },
            certificate: { ...base.certificate, level: g.level, issueDate: g.issueDate, verified: g.verified },
            history: g.history,
          },
          params,
        );
        const eligible = decision.status === 'eligible';
        return (
          eligible === (decision.reasons.length === 0) &&
          (eligible ? decision.amountFen > 0 : decision.amountFen === 0) &&
          (!eligible || g.applicationDate >= g.issueDate)
        );
      }),
    );
  });
});
