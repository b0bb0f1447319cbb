// Runs the enabled risk rules over a city's data on a date (鲁人社发〔2024〕8号 第八条：事前、事中、事后风险防控). Each
// rule is one INSERT … SELECT in the database, so a city takes seconds; a hit a rule found before (same rule and
// fingerprint) is kept as it stands, so running again never reopens a hit a case worker has cleared. The whole run is
// one transaction with its audit entry: it either stores every rule's hits or none.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { indexPaymentAccounts } from '../../adapters/store/index-payment-accounts.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import type { RiskRuleCode } from '../../domain/vocabulary/risk.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorName } from '../round/case-transitions.ts';
import { Refusal } from '../../domain/refusal.ts';
import { riskParameters, type RiskParameters } from './risk-parameters.ts';
import type { RiskRule } from './risk-rule.ts';
import { riskRules } from './rules/index.ts';

export interface RiskRunRequest {
  cityCode: string;
  asOf: IsoDate;
  parameters: ParameterStore;
  /** Opens payments' sealed accounts to index those written since the last run (shared_bank_account compares them). */
  cipher: FieldCipher;
  actor: Actor;
  clock: Clock;
  /** Only these rules (each must be enabled for the city); otherwise every enabled rule. */
  only?: readonly RiskRuleCode[];
}

export interface RiskRunResult {
  runId: number;
  rules: { code: RiskRuleCode; newHits: number }[];
  newHits: number;
}

/** Whether the city has switched the rule on (all are, unless its parameters list the rule as disabled). */
export function ruleEnabled(params: RiskParameters, cityCode: string, code: RiskRuleCode): boolean {
  return !(params.disabledRulesByCity[cityCode] ?? []).includes(code);
}

function rulesToRun(params: RiskParameters, request: RiskRunRequest): RiskRule[] {
  const unknown = (request.only ?? []).filter((code) => !riskRules.has(code));
  if (unknown.length) throw new Refusal('INVALID', `没有这条风险规则：${unknown.join('、')}`);
  const wanted = request.only ? request.only.map((code) => riskRules.get(code)!) : [...riskRules.values()];
  const off = wanted.filter((rule) => !ruleEnabled(params, request.cityCode, rule.code));
  if (request.only && off.length) throw new Refusal('INVALID', `本市已停用风险规则：${off.map((r) => r.code).join('、')}`);
  return wanted.filter((rule) => ruleEnabled(params, request.cityCode, rule.code));
}

export async function runRiskRules(db: Kysely<Database>, request: RiskRunRequest): Promise<RiskRunResult> {
  const { cityCode, asOf } = request;
  const city = await db.selectFrom('regions').select('kind').where('code', '=', cityCode).executeTakeFirst();
  if (city?.kind !== 'city') throw new Refusal('NOT_FOUND', `${cityCode} 不是设区市的行政区划代码`);
  const params = riskParameters(request.parameters, asOf);
  const rules = rulesToRun(params, request);
  await indexPaymentAccounts(db, () => request.cipher);
  const context = { cityCode, asOf, baseYear: Number(asOf.slice(0, 4)) - 1, params };
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const run = await trx
      .insertInto('risk_runs')
      .values({
        city_code: cityCode,
        as_of: asOf,
        rule_codes: JSON.stringify(rules.map((r) => r.code)),
        created_by: actorName(request.actor),
        started_at: request.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const counts: RiskRunResult['rules'] = [];
    for (const rule of rules) {
      const inserted = await sql<{ id: number }>`
        INSERT INTO risk_hits (rule_code, fingerprint, stage, severity, run_id, region_code, unit_id, person_id, payment_id, amount_fen, evidence, hold)
        SELECT ${rule.code}, h.fingerprint, ${rule.stage}, ${rule.severity}, ${run.id}, h.region_code, h.unit_id, h.person_id,
          h.payment_id, h.amount_fen, h.evidence, ${rule.hold}
        FROM (${rule.hits(context)}) h
        ON CONFLICT (rule_code, fingerprint) DO NOTHING
        RETURNING id`.execute(trx);
      counts.push({ code: rule.code, newHits: inserted.rows.length });
    }
    const newHits = counts.reduce((sum, c) => sum + c.newHits, 0);
    await trx
      .updateTable('risk_runs')
      .set({ hit_count: newHits, finished_at: request.clock.now() })
      .where('id', '=', run.id)
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'risk_run.complete',
      subject: `risk_run:${run.id}`,
      clock: request.clock,
      detail: { cityCode, asOf, newHits, rules: counts.map((c) => `${c.code}:${c.newHits}`) },
    });
    return { runId: run.id, rules: counts, newHits };
  });
}
