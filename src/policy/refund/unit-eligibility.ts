// 鲁人社发〔2024〕8号 第二条: the unit-level checklist of the job-retention refund — policy period, covered unit type,
// exclusion lists, 12 months paid in full, layoff rate, size and ratio, refund base — and where the money goes
// (第七条). Labour-dispatch units are judged on the same checklist as a whole (第三条 "其他享受条件与非劳务派遣单位一致").
import type { Checklist } from '../core/decision.ts';
import { formatChineseDate, type IsoDate } from '../core/dates.ts';
import { applyRatioHalfUp, formatYuan, type BasisPoints, type Fen } from '../core/money.ts';
import { formatBpPercent, formatPercent, formatRatio, ratioAtMost } from '../core/ratio.ts';
import type { EnterpriseSize, OrgType } from '../core/input-fields.ts';
import type { ParameterInForce, ParameterStore } from '../core/parameters.ts';
import { classifyEnterprise, SIZE_ARTICLE, sizeClassOf, sizeThresholdsAt, type SizeResult } from '../enterprise-size.ts';
import { countFullMonths, fullyPaidMonths, MODE_LABELS } from './full-months.ts';
import { measureLayoffs, METHOD_LABELS, type LayoffMeasure } from './layoffs.ts';
import { refundBase, refundBaseYear, type BaseWindow, type RefundBase as RefundBaseParts } from './refund-base.ts';
import { refundParameters } from './refund-parameters.ts';
import type { ExclusionFlag, RefundInput } from './refund-input.ts';
import { enterpriseSizeLabels, orgTypeLabels } from '../../domain/vocabulary/units.ts';

export const REFUND_RULE = 'job-retention-refund';
export const REFUND_ARTICLE = '鲁人社发〔2024〕8号 第二条';
const SERVICE_ARTICLE = '鲁人社发〔2024〕8号 第七条';
const EXCLUSION_BASIS = '鲁人社发〔2024〕8号 第二条（山东省各市2024年实施口径：严重失信、僵尸企业、已注销、破产单位不予返还）';

/** 第二条: these unit types follow the SME policy (60%) whatever their size. */
const SME_TREATED_ORG_TYPES: ReadonlySet<OrgType> = new Set([
  'social_organization',
  'foundation',
  'social_service_agency',
  'law_firm',
  'accounting_firm',
  'individual_business',
]);

/** 机关事业单位: not covered by the refund (第二条), nor as user units of dispatched workers (第三条). */
export const PUBLIC_SECTOR_ORG_TYPES: ReadonlySet<OrgType> = new Set(['government_agency', 'public_institution']);

const EXCLUSIONS: Record<ExclusionFlag, { reason: string; clear: string; listed: string }> = {
  serious_dishonesty: { reason: 'SERIOUS_DISHONESTY', clear: '未列入严重失信主体名单', listed: '已列入严重失信主体名单' },
  zombie: { reason: 'ZOMBIE_ENTERPRISE', clear: '未列入僵尸企业名单', listed: '已列入僵尸企业名单' },
  deregistered: { reason: 'DEREGISTERED', clear: '单位未注销', listed: '单位已注销' },
  bankruptcy: { reason: 'IN_BANKRUPTCY', clear: '未进入破产程序', listed: '已进入破产程序' },
};

export type PayTo = 'corporate_account' | 'contribution_account';

/** 鲁人社发〔2024〕8号 第七条: the contribution account is a route only for small and micro units and individual businesses. */
export function mayUseContributionAccount(orgType: OrgType | null, size: EnterpriseSize | null): boolean {
  return orgType === 'individual_business' || size === 'small' || size === 'micro';
}

/** The refund's output fields (CONTRACT.md `job-retention-refund`); null where the value could not be decided. */
export interface RefundFields {
  ratioBp: BasisPoints | null;
  baseFen: Fen;
  fullMonths: number | null;
  layoffs: number | null;
  layoffRate: string | null;
  size: EnterpriseSize | null;
  sizeClass: SizeResult['sizeClass'];
  /** null when the unit has no corporate account and may not be paid into its contribution account. */
  payTo: PayTo | null;
}

export interface UnitAssessment {
  /** The ratio parameter that applies, when the size is known and the screening date is in the policy period. */
  ratio: ParameterInForce<BasisPoints> | undefined;
  /** Which payments made up the base (the dispatch split applies the same window to worker payments). */
  baseWindow: BaseWindow;
  fields: RefundFields;
}

function checkPolicyPeriod(checks: Checklist, params: ParameterStore, asOf: string): boolean {
  const window = params.at(refundParameters, 'policyPeriod', asOf);
  const passed = window?.value === true;
  if (!checks.traced)
    return checks.check({ step: 'policyPeriod', value: asOf, passed, reason: 'NOT_IN_POLICY_PERIOD', text: '' });
  const { values } = params.definition(REFUND_RULE, 'policyPeriod');
  const spans = values.map((v) => `${formatChineseDate(v.from)}至${v.to ? formatChineseDate(v.to) : '长期'}`).join('、');
  return checks.check({
    step: 'policyPeriod',
    value: asOf,
    threshold: spans,
    passed,
    reason: 'NOT_IN_POLICY_PERIOD',
    ...(window ? { parameter: window } : { legalBasis: values[0]?.legalBasis ?? REFUND_ARTICLE }),
    text: `审核日期 ${formatChineseDate(asOf)}，稳岗返还政策执行期 ${spans}`,
  });
}

function checkOrgType(checks: Checklist, orgType: OrgType): void {
  const label = orgTypeLabels[orgType];
  const covered = !PUBLIC_SECTOR_ORG_TYPES.has(orgType);
  checks.check({
    step: 'orgType',
    value: orgType,
    passed: covered,
    reason: 'ORG_TYPE_NOT_COVERED',
    legalBasis: REFUND_ARTICLE,
    text: () =>
      !covered
        ? `单位类型：${label}，机关事业单位不在稳岗返还覆盖范围`
        : SME_TREATED_ORG_TYPES.has(orgType)
          ? `单位类型：${label}（参照中小微企业政策执行）`
          : `单位类型：${label}`,
  });
}

function checkExclusions(checks: Checklist, flags: readonly ExclusionFlag[]): void {
  for (const [flag, exclusion] of Object.entries(EXCLUSIONS) as [ExclusionFlag, (typeof EXCLUSIONS)[ExclusionFlag]][]) {
    const listed = flags.includes(flag);
    checks.check({
      step: `exclusion.${flag}`,
      value: listed,
      passed: !listed,
      reason: exclusion.reason,
      legalBasis: EXCLUSION_BASIS,
      text: listed ? exclusion.listed : exclusion.clear,
    });
  }
}

function checkContributionMonths(checks: Checklist, params: ParameterStore, input: RefundInput): number | null {
  const mode = checks.parameter(params, refundParameters, 'contributionMonthsMode', input.asOf);
  const min = checks.parameter(params, refundParameters, 'minFullMonths', input.asOf);
  if (!mode || !min) return null;
  const fullMonths = countFullMonths(fullyPaidMonths(input.months, input.payments, input.asOf), mode.value);
  checks.note({
    step: 'contributionMonthsMode',
    value: mode.value,
    parameter: mode,
    text: () =>
      `足额缴费月数按${MODE_LABELS[mode.value]}月数计算：${formatChineseDate(input.asOf)}所在月之前、截至该日已足额缴纳的月份`,
  });
  const passed = fullMonths >= min.value;
  checks.check({
    step: 'contributionMonths',
    value: fullMonths,
    threshold: min.value,
    passed,
    parameter: min,
    reason: 'CONTRIBUTION_MONTHS_INSUFFICIENT',
    text: () => `足额缴费月数 ${fullMonths} ${passed ? '≥' : '<'} ${min.value}（${MODE_LABELS[mode.value]}）`,
  });
  return fullMonths;
}

function checkLayoffs(
  checks: Checklist,
  params: ParameterStore,
  input: RefundInput,
): Pick<RefundFields, 'layoffs' | 'layoffRate'> {
  const unknown = { layoffs: null, layoffRate: null };
  const method = checks.parameter(params, refundParameters, 'layoffMethod', input.asOf);
  const smallUnit = checks.parameter(params, refundParameters, 'smallUnitHeadcount', input.asOf);
  const limit = checks.parameter(params, refundParameters, 'layoffRateLimitBp', input.asOf);
  const smallLimit = checks.parameter(params, refundParameters, 'smallUnitLayoffRateLimitBp', input.asOf);
  if (!method || !smallUnit || !limit || !smallLimit) return unknown;
  checks.note({
    step: 'layoffMethod',
    value: method.value,
    parameter: method,
    text: () => `裁员率计算方法：${METHOD_LABELS[method.value]}`,
  });
  const measures = measureLayoffs(method.value, input.headcount);
  const known = measures.filter((m): m is Exclude<LayoffMeasure, { missing: string }> => !('missing' in m));
  if (!known.length) {
    const missing = measures.map((m) => ('missing' in m ? m.missing : '')).join('；');
    checks.unknown({ step: 'layoffRate', reason: 'HEADCOUNT_UNKNOWN', parameter: method, text: '上年度裁员率', missing });
    return unknown;
  }
  const judged = known.map((measure) => {
    const small = measure.basis <= smallUnit.value;
    const cap = small ? smallLimit : limit;
    return { measure, small, cap, passed: measure.layoffs === 0 || ratioAtMost(measure.layoffs, measure.basis, cap.value) };
  });
  const { measure, small, cap, passed } = judged.find((j) => j.passed) ?? judged[0]!;
  const { layoffs, basis, formula } = measure;
  const layoffRate = layoffs === 0 ? '0' : formatRatio(layoffs, basis);
  checks.note({
    step: 'layoffBasis',
    value: basis,
    parameter: smallUnit,
    text: () =>
      `${formula()}；参保人数基数 ${basis} 人 ${small ? '≤' : '>'} ${smallUnit.value} 人，裁员率上限 ${formatBpPercent(cap.value)}`,
  });
  checks.check({
    step: 'layoffRate',
    value: layoffRate,
    threshold: cap.value,
    passed,
    parameter: cap,
    reason: 'LAYOFF_RATE_EXCEEDED',
    text: () =>
      layoffs === 0
        ? `上年度未裁员（裁员 0 人／基数 ${basis} 人）`
        : `裁员率 ${formatPercent(layoffs, basis)} ${passed ? '≤' : '>'} ${formatBpPercent(cap.value)}（裁员 ${layoffs} 人／基数 ${basis} 人）`,
  });
  return { layoffs, layoffRate };
}

/** An enterprise's size: from the unit record, else derived with 工信部联企业〔2011〕300号; class unknown → review. */
function enterpriseSize(checks: Checklist, params: ParameterStore, input: RefundInput): SizeResult {
  const { unit } = input;
  if (unit.size) {
    const size = unit.size;
    checks.note({
      step: 'size',
      value: size,
      legalBasis: SIZE_ARTICLE,
      text: () => `企业规模：${enterpriseSizeLabels[size]}（单位登记信息）`,
    });
    return { size: unit.size, sizeClass: sizeClassOf(unit.size) };
  }
  if (!unit.industry) {
    checks.unknown({
      step: 'size',
      reason: 'SIZE_UNKNOWN',
      legalBasis: SIZE_ARTICLE,
      text: '企业规模',
      missing: '企业规模及所属行业',
    });
    return { size: null, sizeClass: null };
  }
  const thresholds = sizeThresholdsAt(checks, params, input.asOf);
  return thresholds ? classifyEnterprise(checks, thresholds, unit.industry, unit) : { size: null, sizeClass: null };
}

/** The ratio parameter in force, noted in the trace with whom it applies to. */
function ratioFor(
  checks: Checklist,
  params: ParameterStore,
  asOf: string,
  key: 'largeEnterpriseRatioBp' | 'smeRatioBp',
  who: () => string,
): ParameterInForce<BasisPoints> | undefined {
  const ratio = checks.parameter(params, refundParameters, key, asOf);
  if (ratio)
    checks.note({
      step: 'ratio',
      value: ratio.value,
      parameter: ratio,
      text: () => `返还比例：${who()} ${formatBpPercent(ratio.value)}`,
    });
  return ratio;
}

/** The size recorded for a unit that is not sized by the standard (public sector, SME-treated types, out of period). */
function recordedSize(unit: RefundInput['unit'], treatedAsSme: boolean): SizeResult {
  const size = unit.size ?? null;
  return { size, sizeClass: treatedAsSme ? 'sme' : size && sizeClassOf(size) };
}

function determineRatio(
  checks: Checklist,
  params: ParameterStore,
  input: RefundInput,
): Pick<UnitAssessment, 'ratio'> & SizeResult {
  const { unit, asOf } = input;
  if (PUBLIC_SECTOR_ORG_TYPES.has(unit.orgType)) return { ...recordedSize(unit, false), ratio: undefined };
  if (SME_TREATED_ORG_TYPES.has(unit.orgType)) {
    return {
      ...recordedSize(unit, true),
      ratio: ratioFor(checks, params, asOf, 'smeRatioBp', () => `${orgTypeLabels[unit.orgType]}参照中小微企业`),
    };
  }
  const sized = enterpriseSize(checks, params, input);
  if (sized.sizeClass === null) return { ...sized, ratio: undefined };
  const who = () => (sized.size ? enterpriseSizeLabels[sized.size] : '中小微企业');
  return {
    ...sized,
    ratio: ratioFor(checks, params, asOf, sized.sizeClass === 'large' ? 'largeEnterpriseRatioBp' : 'smeRatioBp', who),
  };
}

/** The payments window of the base; the January reading is a dated parameter (false when none is in force). */
function baseWindowFor(checks: Checklist, params: ParameterStore, asOf: IsoDate): BaseWindow {
  const year = refundBaseYear(asOf);
  const january = params.at(refundParameters, 'baseIncludesNextJanuaryPayment', asOf);
  if (january) {
    checks.note({
      step: 'baseIncludesNextJanuaryPayment',
      value: january.value,
      parameter: january,
      text: () =>
        january.value
          ? `${year}年度费款于${year + 1}年1月正常缴纳的计入返还基数`
          : `返还基数只计${year}年内实际缴纳的${year}年度费款`,
    });
  }
  return { year, includeNextJanuary: january?.value === true };
}

function checkRefundBase(checks: Checklist, input: RefundInput, window: BaseWindow): Fen {
  const base = refundBase(input.payments, window);
  checks.check({
    step: 'refundBase',
    value: base.baseFen,
    passed: base.baseFen > 0,
    reason: 'ZERO_REFUND_BASE',
    legalBasis: REFUND_ARTICLE,
    text: () => refundBaseText(base, window),
  });
  return base.baseFen;
}

function refundBaseText(base: RefundBaseParts, window: BaseWindow): string {
  const { year } = window;
  const excluded = [
    base.arrearsFen > 0 && `${year}年内补缴以前年度欠费 ${formatYuan(base.arrearsFen)} 元`,
    base.paidLaterFen > 0 && `${year}年度费款于${year + 1}年及以后补缴 ${formatYuan(base.paidLaterFen)} 元`,
    base.lateFeesFen > 0 && `滞纳金 ${formatYuan(base.lateFeesFen)} 元`,
  ].filter((part): part is string => typeof part === 'string');
  const paidWithin = window.includeNextJanuary ? `于${year}年内或${year + 1}年1月` : `于${year}年内`;
  return (
    `返还基数（${year}年度所属期且${paidWithin}实际缴纳的失业保险费）${formatYuan(base.baseFen)} 元` +
    (excluded.length ? `，未计入${excluded.join('、')}` : '')
  );
}

/**
 * 鲁人社发〔2024〕8号 第七条: to the corporate account; without one, to the contribution account only for a small or micro unit or an
 * individual business; anyone else without a corporate account has no route and goes to review.
 */
function checkPayTo(checks: Checklist, unit: RefundInput['unit'], size: EnterpriseSize | null): PayTo | null {
  if (unit.hasCorporateAccount !== false) {
    checks.note({ step: 'payTo', value: 'corporate_account', legalBasis: SERVICE_ARTICLE, text: '返还至单位对公账户' });
    return 'corporate_account';
  }
  if (mayUseContributionAccount(unit.orgType, size)) {
    const who = unit.orgType === 'individual_business' ? orgTypeLabels.individual_business : enterpriseSizeLabels[size!];
    checks.note({
      step: 'payTo',
      value: 'contribution_account',
      legalBasis: SERVICE_ARTICLE,
      text: () => `${who}无对公账户，返还至其缴纳社会保险费的单位账户`,
    });
    return 'contribution_account';
  }
  checks.review({
    step: 'payTo',
    value: null,
    reason: 'NO_CORPORATE_ACCOUNT',
    legalBasis: SERVICE_ARTICLE,
    text: () =>
      `单位无对公账户，且${size ? `为${enterpriseSizeLabels[size]}` : '未确认为小型、微型企业'}：仅小微企业可返还至缴纳社会保险费的单位账户，须补充对公账户后人工复核`,
  });
  return null;
}

/**
 * Runs the unit-level checklist. Outside the policy period only the conditions that need no parameter (unit type,
 * exclusion lists, refund base) are reported beside NOT_IN_POLICY_PERIOD.
 */
export function assessRefundUnit(input: RefundInput, params: ParameterStore, checks: Checklist): UnitAssessment {
  const inPeriod = checkPolicyPeriod(checks, params, input.asOf);
  checkOrgType(checks, input.unit.orgType);
  checkExclusions(checks, input.unit.flags ?? []);
  const fullMonths = inPeriod ? checkContributionMonths(checks, params, input) : null;
  const layoffs = inPeriod ? checkLayoffs(checks, params, input) : { layoffs: null, layoffRate: null };
  const { ratio, ...sized } = inPeriod
    ? determineRatio(checks, params, input)
    : { ...recordedSize(input.unit, SME_TREATED_ORG_TYPES.has(input.unit.orgType)), ratio: undefined };
  const baseWindow = baseWindowFor(checks, params, input.asOf);
  const baseFen = checkRefundBase(checks, input, baseWindow);
  const payTo = checkPayTo(checks, input.unit, sized.size);
  return { ratio, baseWindow, fields: { ratioBp: ratio?.value ?? null, baseFen, fullMonths, ...layoffs, ...sized, payTo } };
}

/** The refunded share of a base: round_half_up(base × ratio) when the checklist is clear, else nothing. */
export function refundShare(checks: Checklist, baseFen: Fen, ratio: ParameterInForce<BasisPoints> | undefined): Fen {
  return checks.status() === 'eligible' && ratio ? applyRatioHalfUp(baseFen, ratio.value) : 0;
}

/** Why the refund is 0 when it is: for the trace's amount line. */
export function noRefundText(checks: Checklist): string {
  return checks.status() === 'needs_review' ? '待人工复核，暂不返还' : '不符合返还条件，不予返还';
}
