// What a risk rule is (鲁人社发〔2024〕8号 第八条：事前、事中、事后风险防控): a code, the stage it guards, a severity,
// whether its open hits hold payments, an explanation in Chinese, the parameters it reads, and one set-based query
// over the store that returns its hits for a city on a date. Adding a rule is one file in ./rules plus a line in
// ./rules/index.ts.
import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { RiskRuleCode, RiskSeverity, RiskStage } from '../../domain/vocabulary/risk.ts';
import type { RiskParameters } from './risk-parameters.ts';

export interface RuleContext {
  cityCode: string;
  asOf: IsoDate;
  /** The year whose contributions and headcounts a refund of asOf's year rests on (鲁人社发〔2024〕8号 第二条). */
  baseYear: number;
  params: RiskParameters;
}

/**
 * The columns every rule's query returns, one row per hit: a fingerprint that names the hit so a later run finds the
 * same hit again, the region it belongs to, whom it is about (a unit or a person, and the payment if one), the amount
 * at stake in fen (null when not known), and the evidence as jsonb.
 */
export interface HitRow {
  fingerprint: string;
  region_code: string;
  unit_id: number | null;
  person_id: number | null;
  payment_id: number | null;
  amount_fen: number | null;
  evidence: unknown;
}

export interface RiskRule {
  code: RiskRuleCode;
  stage: RiskStage;
  severity: RiskSeverity;
  /** Open hits hold the unit's, person's or payment's payments until a case worker clears them. */
  hold: boolean;
  /** What the rule looks for, for the catalogue (Chinese). */
  explanation: string;
  legalBasis: string;
  parameters: readonly (keyof RiskParameters)[];
  hits(ctx: RuleContext): RawBuilder<HitRow>;
}

/** `column` names a region of the city (the city itself or one of its districts). */
export function inCity(column: string, cityCode: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} IN (SELECT code FROM regions WHERE code = ${cityCode} OR parent_code = ${cityCode})`;
}

/** Payments not yet sent to the bank. */
export const UNPAID = sql`('pending', 'in_batch')`;
/** Payments that have left the fund. */
export const PAID_OUT = sql`('sent', 'paid')`;
