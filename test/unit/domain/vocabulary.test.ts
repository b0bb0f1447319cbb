// The one vocabulary: every code the database allows or a domain list names has its Chinese label there, and no
// other file in src/ or web/ writes its own copy of a code → label map.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vocabularies, vocabulary } from '../../../src/domain/vocabulary/index.ts';
import { refundCaseStates, refundCaseTransitions } from '../../../src/domain/refund-case.ts';
import { caseActionLabels, refundCaseStateLabels } from '../../../src/domain/vocabulary/cases.ts';
import { DECISION_STATUS_LABELS, decisionStatuses } from '../../../src/domain/vocabulary/refund.ts';
import { paymentStatuses, paymentStatusLabel } from '../../../src/domain/vocabulary/payments.ts';
import { importKindLabels } from '../../../src/domain/vocabulary/imports.ts';
import { auditSubjectIdLabels, auditSubjectKindLabels } from '../../../src/domain/vocabulary/audit.ts';
import { sizes } from '../../../src/policy/core/input-fields.ts';
import { enterpriseSizeLabels } from '../../../src/domain/vocabulary/units.ts';
import { importKinds } from '../../../src/services/imports/kinds/index.ts';
import { auditSubject } from '../../../src/services/audit/audit-subject.ts';

const root = join(import.meta.dirname, '../../..');

/** Each column whose CHECK constraint enumerates codes, and the vocabulary that names them. */
const COLUMN_VOCABULARY: Readonly<Record<string, string>> = {
  'regions.kind': 'regions.regionKindLabels',
  'units.org_type': 'units.orgTypeLabels',
  'units.size': 'units.enterpriseSizeLabels',
  'subsidy_grants.type': 'certificates.grantTypeLabels',
  'screening_runs.status': 'runs.runStatusLabels',
  'refund_decisions.status': 'refund.DECISION_STATUS_LABELS',
  'review_batches.status': 'review.reviewBatchStatusLabels',
  'public_notices.status': 'notices.noticeStatusLabels',
  'sms_outbox.status': 'sms.smsStatusLabels',
  'dispatch_applications.status': 'dispatch.dispatchStatusLabels',
  'dispatch_allocations.role': 'dispatch.allocationRoleLabels',
  'payment_batches.status': 'payments.paymentBatchStatusLabels',
  'payments.role': 'payments.paymentRoleLabels',
  'payments.account_kind': 'payTo.accountKindLabels',
  'payments.status': 'payments.paymentStatusLabel',
  'payment_attempts.status': 'payments.paymentStatusLabel',
  'account_corrections.account_kind': 'payTo.accountKindLabels',
  'account_corrections.status': 'payments.accountCorrectionStatusLabels',
  'fund_incidents.category': 'fund.incidentCategoryLabels',
  'fund_pilot_budgets.level': 'fund.fundLevelLabels',
  'fund_pilot_plans.status': 'fund.planStatusLabels',
  'fund_pilot_commitments.item': 'fund.pilotItemLabels',
  'fund_pilot_commitments.status': 'fund.commitmentStatusLabels',
  'payments.purpose': 'paymentPurposes.paymentPurposeLabels',
  'payment_batches.purpose': 'paymentPurposes.paymentPurposeLabels',
  'skill_subsidy_applications.channel': 'skillSubsidy.skillApplicationChannelLabels',
  'skill_subsidy_applications.status': 'skillSubsidy.skillDecisionStatusLabels',
  'skill_subsidy_applications.state': 'skillSubsidy.skillApplicationStateLabels',
  'unemployment_registrations.separation_reason': 'benefit.separationReasonLabels',
  'person_status_events.kind': 'benefit.statusEventKindLabels',
  'benefit_transfers.direction': 'benefit.transferDirectionLabels',
  'benefit_claims.channel': 'benefit.benefitChannelLabels',
  'benefit_claims.status': 'benefit.benefitClaimStatusLabels',
  'benefit_claims.decision_status': 'refund.DECISION_STATUS_LABELS',
  'benefit_claims.stop_reason': 'benefit.benefitStopReasonLabels',
  'benefit_months.status': 'benefit.benefitMonthStatusLabels',
  'benefit_payments.purpose': 'benefit.benefitLinePurposeLabels',
  'benefit_payments.status': 'benefit.benefitLineStatusLabels',
  'comparison_records.kind': 'risk.comparisonKindLabels',
  'comparison_findings.kind': 'risk.comparisonKindLabels',
  'risk_hits.stage': 'risk.riskStageLabels',
  'risk_hits.severity': 'risk.riskSeverityLabels',
  'risk_hits.status': 'risk.riskHitStatusLabels',
  'risk_hits.proposal': 'risk.riskProposalLabels',
  'campaign_targets.skipped': 'risk.pushSkipReasonLabels',
  'campaigns.audience': 'risk.campaignAudienceLabels',
  'simulation_runs.status': 'simulation.SIMULATION_RUN_STATUS_LABELS',
  'simulation_changed_units.baseline_status': 'refund.DECISION_STATUS_LABELS',
  'simulation_changed_units.reform_status': 'refund.DECISION_STATUS_LABELS',
};

/** Enumerated columns no screen, export or message shows, each with the reason. */
const NOT_SHOWN: Readonly<Record<string, string>> = {
  'persons.gender': 'kept for identity checks only',
  'unit_flags.flag': 'shown through the refund reasons (SERIOUS_DISHONESTY …); import aliases read Chinese into codes',
  'unit_payments.kind': 'import aliases read Chinese into codes; never listed',
  'import_batches.status': 'the import result says accepted or refused in its own sentence',
  'bank_files.direction': 'bookkeeping of the bank-file register',
  'ledger_transactions.kind': 'double-entry bookkeeping, checked by `ledger check`',
  'ledger_lines.account': 'double-entry bookkeeping, checked by `ledger check`',
  'sessions.kind': 'which sign-in a session belongs to',
  'benefit_runs.status': 'the progress of a monthly run, shown as counts',
};

/** `table.column` → the codes the last migration that constrains it allows. */
function enumeratedColumns(): Map<string, string[]> {
  const dir = join(root, 'src/adapters/store/migrations');
  const found = new Map<string, string[]>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(join(dir, file), 'utf8');
    for (const m of sql.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
      const table = [...sql.slice(0, m.index).matchAll(/(?:CREATE|ALTER) TABLE\s+(?:IF NOT EXISTS\s+)?(\w+)/g)].at(-1)?.[1];
      found.set(
        `${table}.${m[1]}`,
        [...m[2]!.matchAll(/'([^']+)'/g)].map((c) => c[1]!),
      );
    }
  }
  return found;
}

const missing = (codes: readonly (string | number)[], labels: Readonly<Record<string, string>>) =>
  codes.map(String).filter((c) => !labels[c]);

describe('the vocabulary', () => {
  it('names every code a database column allows', () => {
    const columns = enumeratedColumns();
    expect(columns.size).toBeGreaterThan(20);
    const unaccounted = [...columns.keys()].filter((c) => !COLUMN_VOCABULARY[c] && !NOT_SHOWN[c]);
    expect(unaccounted, 'add the column to COLUMN_VOCABULARY (with a vocabulary file) or to NOT_SHOWN with a reason').toEqual([]);
    const unlabelled = [...columns].flatMap(([column, codes]) =>
      COLUMN_VOCABULARY[column] ? missing(codes, vocabulary(COLUMN_VOCABULARY[column])).map((code) => `${column}=${code}`) : [],
    );
    expect(unlabelled).toEqual([]);
  });

  it('names every code of the domain lists', () => {
    expect(missing(refundCaseStates, refundCaseStateLabels)).toEqual([]);
    expect(missing(['screen', ...Object.keys(refundCaseTransitions)], caseActionLabels)).toEqual([]);
    expect(missing(decisionStatuses, DECISION_STATUS_LABELS)).toEqual([]);
    expect(missing(paymentStatuses, paymentStatusLabel)).toEqual([]);
    expect(missing([...sizes, 'unknown'], enterpriseSizeLabels)).toEqual([]);
    expect(missing([...importKinds.keys()], importKindLabels)).toEqual([]);
    const subjectKinds = Object.values(auditSubject).map(
      (subject) => (subject as (...a: unknown[]) => string)('x', 1).split(':')[0]!,
    );
    expect(missing(subjectKinds, auditSubjectKindLabels)).toEqual([]);
    expect(Object.keys(auditSubjectIdLabels).sort()).toEqual(Object.keys(auditSubjectKindLabels).sort());
  });

  it('holds each map once', () => {
    const seen = new Map<string, string>();
    for (const v of vocabularies) {
      const key = JSON.stringify(Object.entries(v.labels).sort());
      expect(seen.get(key), `${v.name} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, v.name);
    }
    expect(vocabularies.length).toBeGreaterThan(25);
  });
});

/** Source files of src/ and web/ outside the vocabulary folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory())
      return e.name === 'vocabulary' || e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const CJK = /[\u4e00-\u9fff]/;

/** Maps whose keys only look like vocabulary codes. */
const NOT_COPIES: Readonly<Record<string, string>> = {
  'src/cli/progress.ts': 'the tables the synthetic-data generator fills, not import kinds',
  'src/demo/generate/unit-record.ts': 'the register each synthetic unit flag comes from, not the flag names',
};

/** Object literals (no nested braces) that map two or more codes of one vocabulary to short Chinese labels. */
function labelCopies(source: string): { vocabulary: string; codes: string[] }[] {
  const copies: { vocabulary: string; codes: string[] }[] = [];
  for (const literal of source.matchAll(/\{([^{}]*)\}/g)) {
    const entries = [...literal[1]!.matchAll(/(?:^|[\s,])'?([\w.-]+)'?\s*:\s*'([^'\n]{1,16})'/g)]
      .filter((e) => CJK.test(e[2]!))
      .map((e) => e[1]!);
    if (entries.length < 2) continue;
    const best = vocabularies
      .map((v) => ({ vocabulary: v.name, codes: entries.filter((code) => code in v.labels) }))
      .reduce((a, b) => (b.codes.length > a.codes.length ? b : a));
    if (best.codes.length >= 2) copies.push(best);
  }
  return copies;
}

describe('labels written outside the vocabulary', () => {
  it('finds a copied map in a sample file', () => {
    const sample = `const statusText = { proposed: '待复核', approved: '已通过', returned: '已退回' } as const;`;
    expect(labelCopies(sample).map((c) => c.codes)).toEqual([['proposed', 'approved', 'returned']]);
    expect(labelCopies(`const sizes = { large: '大型', medium: '中型' };`)[0]?.vocabulary).toBe('units.enterpriseSizeLabels');
  });

  it('finds none in src/ or web/', () => {
    const files = [join(root, 'src'), join(root, 'web/src')].flatMap(sourceFiles).filter((f) => !NOT_COPIES[relative(root, f)]);
    const copies = files.flatMap((file) =>
      labelCopies(readFileSync(file, 'utf8')).map((c) => `${relative(root, file)}: ${c.codes.join(', ')} (${c.vocabulary})`),
    );
    expect(copies).toEqual([]);
  });
});
