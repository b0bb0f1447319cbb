// Runs the enabled risk rules over a city's data on a date (鲁人社发〔2024〕8号 第八条：事前、事中、事后风险防控). Each
// rule is one INSERT … SELECT in the database, so a city takes seconds; a hit a rule found before (same rule and
// fingerprint) is kept as it stands, so running again never reopens a hit a case worker has cleared. Each rule's hits
// are stored in a transaction of their own and the run notes the rule as done, so the run reports progress rule by
// rule and one broken off is resumed where it stopped; its audit entry is written when the last rule is done.
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
  onProgress?: (progress: RiskRunProgress) => void;
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

/** Reported after each rule's hits are stored. */
export interface RiskRunProgress {
  runId: number;
  code: RiskRuleCode;
  newHits: number;
  done: number;
  total: number;
}

type RunContext = Pick<RiskRunRequest, 'parameters' | 'cipher' | 'actor' | 'clock' | 'onProgress'>;

export async function runRiskRules(db: Kysely<Database>, request: RiskRunRequest): Promise<RiskRunResult> {
  const { cityCode, asOf } = request;
  const city = await db.selectFrom('regions').select('kind').where('code', '=', cityCode).executeTakeFirst();
  if (city?.kind !== 'city') throw new Refusal('NOT_FOUND', `${cityCode} 不是设区市的行政区划代码`);
  const rules = rulesToRun(riskParameters(request.parameters, asOf), request);
  const run = await db
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
  return finishRun(db, run.id, request);
}

/** Runs the rules a run broken off part-way has not done yet, and completes it. */
export async function resumeRiskRun(db: Kysely<Database>, runId: number, context: RunContext): Promise<RiskRunResult> {
  const run = await db.selectFrom('risk_runs').select('finished_at').where('id', '=', runId).executeTakeFirst();
  if (!run) throw new Refusal('NOT_FOUND', `风险规则运行 ${runId} 不存在`);
  if (run.finished_at) throw new Refusal('CONFLICT', `风险规则运行 ${runId} 已完成`);
  return finishRun(db, runId, context);
}

/**
 * Stores each remaining rule's hits in a transaction of its own (noting the rule as done with them), then completes
 * the run with its audit entry. Hits already found by a rule are kept (same rule and fingerprint).
 */
async function finishRun(db: Kysely<Database>, runId: number, context: RunContext): Promise<RiskRunResult> {
  const run = await db.selectFrom('risk_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  const codes = run.rule_codes as RiskRuleCode[];
  const done = new Set(run.rules_done as RiskRuleCode[]);
  const params = riskParameters(context.parameters, run.as_of);
  const ruleContext = { cityCode: run.city_code, asOf: run.as_of, baseYear: Number(run.as_of.slice(0, 4)) - 1, params };
  await indexPaymentAccounts(db, () => context.cipher);
  for (const code of codes.filter((c) => !done.has(c))) {
    const rule = riskRules.get(code)!;
    const newHits = await db.transaction().execute(async (trx) => {
      const inserted = await sql<{ id: number }>`
        INSERT INTO risk_hits (rule_code, fingerprint, stage, severity, run_id, region_code, unit_id, person_id, payment_id, amount_fen, evidence, hold)
        SELECT ${rule.code}, h.fingerprint, ${rule.stage}, ${rule.severity}, ${runId}, h.region_code, h.unit_id, h.person_id,
          h.payment_id, h.amount_fen, h.evidence, ${rule.hold}
        FROM (${rule.hits(ruleContext)}) h
        ON CONFLICT (rule_code, fingerprint) DO NOTHING
        RETURNING id`.execute(trx);
      await sql`UPDATE risk_runs SET rules_done = rules_done || ${JSON.stringify([code])}::jsonb,
        hit_count = hit_count + ${inserted.rows.length} WHERE id = ${runId}`.execute(trx);
      return inserted.rows.length;
    });
    done.add(code);
    context.onProgress?.({ runId, code, newHits, done: done.size, total: codes.length });
  }
  const found = await db
    .selectFrom('risk_hits')
    .select(['rule_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', runId)
    .groupBy('rule_code')
    .execute();
  const counts = codes.map((code) => ({ code, newHits: Number(found.find((f) => f.rule_code === code)?.n ?? 0) }));
  const newHits = counts.reduce((sum, c) => sum + c.newHits, 0);
  await db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    await trx
      .updateTable('risk_runs')
      .set({ hit_count: newHits, finished_at: context.clock.now() })
      .where('id', '=', runId)
      .execute();
    await recordAudit(trx, {
      actor: context.actor,
      action: 'risk_run.complete',
      subject: `risk_run:${runId}`,
      clock: context.clock,
      detail: { cityCode: run.city_code, asOf: run.as_of, newHits, rules: counts.map((c) => `${c.code}:${c.newHits}`) },
    });
  });
  return { runId, rules: counts, newHits };
}
