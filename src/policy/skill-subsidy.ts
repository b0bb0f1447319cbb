// 鲁人社发〔2024〕8号 第四条: an insured employee (≥ 1 year) or an unemployed person receiving benefit who obtains a
// verified skill certificate may apply within 12 months of its issue date for 1000 / 1500 / 2000 yuan (level 5 / 4 / 3);
// at most three a year, each occupation and level once, not after a training subsidy for it or a higher level of it.
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { addMonths, isWithin, yearOf } from './core/dates.ts';
import { formatYuan, type Fen } from './core/money.ts';
import { caseId, count, flag, isoDate, nestedObject, text } from './core/input-fields.ts';
import { checkIdNumber, IDENTIFIER_PROBLEM_TEXT } from './identifier.ts';
import type { RuleDefinition } from './core/rule.ts';
import { certificateLevelLabels } from '../domain/vocabulary/certificates.ts';
import {
  declareParameters,
  shapes,
  type ParameterInForce,
  type ParameterKey,
  type ParameterStore,
  type ParameterValue,
} from './core/parameters.ts';

const RULE = 'skill-subsidy';
const ARTICLE = '鲁人社发〔2024〕8号 第四条';
const LEVEL_KEYS = ['1', '2', '3', '4', '5'] as const;

export const skillSubsidyParameters = declareParameters(RULE, {
  policyPeriod: shapes.flag,
  noticeDate: shapes.date,
  /** Fen by certificate level ("5" 初级 … "1" 高级技师); a level without an amount is not covered. */
  amountByLevel: z.partialRecord(z.enum(LEVEL_KEYS), shapes.fen),
  minInsuredMonths: shapes.months,
  applicationWindowMonths: shapes.months,
  maxGrantsPerYear: shapes.count,
});
type SkillParameterKey = ParameterKey<typeof skillSubsidyParameters.shapes>;
export type AmountByLevel = ParameterValue<typeof skillSubsidyParameters.shapes, 'amountByLevel'>;

/** The subsidy for a certificate level (1–5), or undefined when the level is not covered. */
export function amountForLevel(amounts: AmountByLevel, level: number): Fen | undefined {
  const key = LEVEL_KEYS[level - 1];
  return key && amounts[key];
}

const level = z
  .number({ message: '证书等级须为 1–5 的整数' })
  .int({ message: '证书等级须为 1–5 的整数' })
  .min(1, { message: '证书等级须为 1–5 的整数' })
  .max(5, { message: '证书等级须为 1–5 的整数' });

const benefitPeriod = nestedObject({ from: isoDate, to: isoDate });

export const skillSubsidyInput = z.object({
  id: caseId,
  applicationDate: isoDate,
  person: nestedObject({
    idNumber: text,
    status: z.enum(['employed', 'unemployed', 'other'], { message: '人员状态须为 employed、unemployed、other 之一' }),
    insuredMonths: count,
    benefitPeriods: z.array(benefitPeriod).optional(),
  }),
  certificate: nestedObject({
    number: text,
    occupationCode: text,
    occupationName: text.optional(),
    level,
    issueDate: isoDate,
    verified: flag,
  }),
  history: z
    .array(
      nestedObject({
        type: z.enum(['skill_subsidy', 'vocational_training_subsidy'], {
          message: '享受记录类型须为 skill_subsidy 或 vocational_training_subsidy',
        }),
        occupationCode: text,
        level: z.number({ message: '等级须为整数' }).int({ message: '等级须为整数' }),
        grantedOn: isoDate,
      }),
    )
    .optional(),
});
export type SkillSubsidyInput = z.infer<typeof skillSubsidyInput>;
type Grant = NonNullable<SkillSubsidyInput['history']>[number];

const LEVEL_NAMES: Readonly<Record<number, string>> = certificateLevelLabels;

/** Who may claim: an insured employee (≥ minimum months) or an unemployed person certified while on benefit. */
function checkPerson(checks: Checklist, input: SkillSubsidyInput, minMonths: ParameterInForce<number> | undefined) {
  const { person, certificate } = input;
  if (person.status === 'employed') {
    if (!minMonths) return;
    const min = minMonths.value;
    checks.check({
      step: 'insuredMonths',
      value: person.insuredMonths,
      threshold: min,
      parameter: minMonths,
      reason: 'INSURED_LESS_THAN_ONE_YEAR',
      passed: person.insuredMonths >= min,
      text: `企业在职职工累计参加失业保险 ${person.insuredMonths} 个月，须满 ${min} 个月`,
    });
  } else if (person.status === 'unemployed') {
    const periods = person.benefitPeriods ?? [];
    const during = periods.find((p) => isWithin(certificate.issueDate, p.from, p.to));
    checks.check({
      step: 'receivingBenefit',
      value: during ?? null,
      reason: 'NOT_RECEIVING_BENEFIT',
      passed: !!during,
      text: during
        ? `失业人员于领取失业保险金期间（${during.from}～${during.to}）取得证书（发证日期 ${certificate.issueDate}）`
        : `失业人员取得证书（发证日期 ${certificate.issueDate}）时不在领取失业保险金期间`,
    });
  } else {
    checks.check({
      step: 'personCovered',
      value: person.status,
      reason: 'PERSON_NOT_COVERED',
      passed: false,
      text: '申请人须为参保企业在职职工或领取失业保险金期间的失业人员',
    });
  }
}

/** The limits on earlier grants: per year, once per occupation and level, no lower level, no double subsidy. */
function checkHistory(checks: Checklist, input: SkillSubsidyInput, maxPerYear: ParameterInForce<number> | undefined) {
  const { certificate, applicationDate } = input;
  const earlier = (input.history ?? []).filter((g) => g.grantedOn <= applicationDate);
  const skill = earlier.filter((g) => g.type === 'skill_subsidy');
  const sameOccupation = (g: Grant) => g.occupationCode === certificate.occupationCode;
  const year = yearOf(applicationDate);

  if (maxPerYear) {
    const max = maxPerYear.value;
    const thisYear = skill.filter((g) => yearOf(g.grantedOn) === year).length;
    checks.check({
      step: 'grantsThisYear',
      value: thisYear,
      threshold: max,
      parameter: maxPerYear,
      reason: 'ANNUAL_LIMIT_REACHED',
      passed: thisYear < max,
      text: `${year}年已享受技能提升补贴 ${thisYear} 次，每人每年最多 ${max} 次`,
    });
  }
  const same = skill.find((g) => sameOccupation(g) && g.level === certificate.level);
  checks.check({
    step: 'sameOccupationLevel',
    value: same?.grantedOn ?? null,
    reason: 'SAME_OCCUPATION_LEVEL_ALREADY_GRANTED',
    passed: !same,
    text: same
      ? `同一职业（工种）${certificate.occupationCode} 同一等级已于 ${same.grantedOn} 享受技能提升补贴，只能享受一次`
      : `同一职业（工种）${certificate.occupationCode} 同一等级未享受过技能提升补贴`,
  });
  const higher = skill.find((g) => sameOccupation(g) && g.level < certificate.level);
  checks.check({
    step: 'higherLevel',
    value: higher?.level ?? null,
    reason: 'HIGHER_LEVEL_ALREADY_GRANTED',
    passed: !higher,
    text: higher
      ? `已于 ${higher.grantedOn} 享受同一职业（工种）${LEVEL_NAMES[higher.level] ?? `${higher.level}级`}证书补贴，不再享受低级别证书补贴`
      : `未享受过同一职业（工种）更高级别证书补贴`,
  });
  const training = earlier.find(
    (g) => g.type === 'vocational_training_subsidy' && sameOccupation(g) && g.level === certificate.level,
  );
  checks.check({
    step: 'trainingSubsidy',
    value: training?.grantedOn ?? null,
    reason: 'TRAINING_SUBSIDY_ALREADY_GRANTED',
    passed: !training,
    text: training
      ? `同一职业（工种）同一等级已于 ${training.grantedOn} 享受职业培训补贴，技能提升补贴和职业培训补贴不得重复享受`
      : `同一职业（工种）同一等级未享受过职业培训补贴`,
  });
}

export function evaluateSkillSubsidy(input: SkillSubsidyInput, params: ParameterStore) {
  const checks = new Checklist(ARTICLE);
  const { applicationDate: on, certificate } = input;

  const period = params.at(skillSubsidyParameters, 'policyPeriod', on);
  const periods = params
    .definition(RULE, 'policyPeriod')
    .values.filter((v) => v.value === true)
    .map((v) => `${v.from}～${v.to ?? '长期'}`)
    .join('、');
  const inPeriod = checks.check({
    step: 'policyPeriod',
    value: on,
    threshold: periods,
    parameter: period,
    reason: 'NOT_IN_POLICY_PERIOD',
    passed: period?.value === true,
    text: `申请日期 ${on} 须在技能提升补贴政策执行期（${periods}）内`,
  });
  // Outside the policy period no parameter is in force: only the conditions that need none are judged.
  const param = <K extends SkillParameterKey>(key: K) =>
    inPeriod ? checks.parameter(params, skillSubsidyParameters, key, on) : undefined;

  const idProblems = checkIdNumber(input.person.idNumber);
  checks.check({
    step: 'idNumber',
    value: idProblems,
    reason: 'INVALID_ID_NUMBER',
    passed: idProblems.length === 0,
    legalBasis: 'GB 11643-1999《公民身份号码》；鲁人社发〔2024〕8号 第四条',
    text: `申请人公民身份号码须有效${idProblems.length ? `（${idProblems.map((p) => IDENTIFIER_PROBLEM_TEXT[p]).join('、')}）` : ''}`,
  });
  checks.check({
    step: 'certificateVerified',
    value: certificate.verified,
    reason: 'CERTIFICATE_NOT_VERIFIED',
    passed: certificate.verified,
    text: `证书 ${certificate.number} 须能在技能人才评价工作网全国联网查询系统查询到`,
  });

  const amounts = param('amountByLevel');
  const amountFen = amounts && amountForLevel(amounts.value, certificate.level);
  if (amounts) {
    checks.check({
      step: 'levelCovered',
      value: certificate.level,
      parameter: amounts,
      reason: 'LEVEL_NOT_COVERED',
      passed: amountFen !== undefined,
      text: `证书等级为${LEVEL_NAMES[certificate.level]}，补贴范围为${Object.keys(amounts.value)
        .sort()
        .reverse()
        .map((l) => LEVEL_NAMES[Number(l)])
        .join('、')}`,
    });
  }

  checks.check({
    step: 'applicationAfterIssue',
    value: on,
    threshold: certificate.issueDate,
    reason: 'APPLICATION_BEFORE_ISSUE',
    passed: on >= certificate.issueDate,
    text: `申请日期 ${on} 不得早于证书发证日期 ${certificate.issueDate}（补贴针对已取得的证书）`,
  });
  const windowMonths = param('applicationWindowMonths');
  if (windowMonths) {
    const deadline = addMonths(certificate.issueDate, windowMonths.value);
    checks.check({
      step: 'applicationWindow',
      value: on,
      threshold: deadline,
      parameter: windowMonths,
      reason: 'APPLICATION_WINDOW_EXPIRED',
      passed: on <= deadline,
      text: `证书发证日期 ${certificate.issueDate} 起${windowMonths.value}个月内申请（截止 ${deadline}），申请日期 ${on}`,
    });
  }

  checkPerson(checks, input, param('minInsuredMonths'));
  checkHistory(checks, input, param('maxGrantsPerYear'));

  const noticeDate = param('noticeDate');
  const retroactive = !!noticeDate && on < noticeDate.value;
  if (noticeDate) {
    checks.note({
      step: 'retroactive',
      value: retroactive,
      parameter: noticeDate,
      text: retroactive
        ? `申请日期 ${on} 早于通知印发日期 ${noticeDate.value}，符合条件的予以补发`
        : `申请日期 ${on} 不早于通知印发日期 ${noticeDate.value}，不属于补发`,
    });
  }
  if (amounts && amountFen !== undefined) {
    checks.note({
      step: 'amount',
      value: amountFen,
      parameter: amounts,
      text: `${LEVEL_NAMES[certificate.level]}证书补贴标准 ${formatYuan(amountFen)} 元`,
    });
  }
  return checks.decide(input.id, RULE, amountFen ?? 0, { retroactive, level: certificate.level });
}

export const skillSubsidyRule: RuleDefinition<SkillSubsidyInput> = {
  name: RULE,
  title: '技能提升补贴',
  article: ARTICLE,
  input: skillSubsidyInput,
  evaluate: evaluateSkillSubsidy,
};
