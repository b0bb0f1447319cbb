// A generated unit's row and exclusion flags: identity (credit code, name), size indicators consistent with its
// tier under 工信部联企业〔2011〕300号, bank or contribution account, contact person, exclusion flags.
import type { EnterpriseSize } from '../../policy/core/input-fields.ts';
import type { SizeIndicator } from '../../policy/enterprise-size.ts';
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../policy/core/dates.ts';
import type { ExclusionFlag } from '../../policy/refund/refund-input.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { sealedCells } from '../../domain/sealed-bank-account.ts';
import { maskPhone } from '../../domain/masking.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import { Stream, type GenerationContext } from './context.ts';
import { makeCreditCode } from './identifiers.ts';
import { personName, unitName } from './names.ts';
import type { Rng } from './prng.ts';
import type { UnitPlan } from './unit-plan.ts';

export interface UnitIdentity {
  creditCode: string;
  name: string;
}

/** Credit code and name only (what a dispatch placement needs to name its user unit). */
export function unitIdentity(ctx: GenerationContext, plan: UnitPlan): UnitIdentity {
  const rng = ctx.rng(Stream.identity, plan.index);
  return {
    creditCode: makeCreditCode(plan.orgType, plan.region.code, plan.index, ctx.orgCodeOffset),
    name: unitName(rng, {
      orgType: plan.orgType,
      industry: plan.industry,
      laborDispatch: plan.laborDispatch,
      large: plan.tier === 'large',
      place: plan.region.namePrefix,
      area: plan.region.areaName,
    }),
  };
}

const HIGHER: Record<EnterpriseSize, 'small' | 'medium' | 'large' | undefined> = {
  micro: 'small',
  small: 'medium',
  medium: 'large',
  large: undefined,
};
/** 万元 ranges for indicators the industry's standard does not use. */
const GENERIC_WAN: Record<EnterpriseSize, readonly [number, number]> = {
  large: [50_000, 300_000],
  medium: [5_000, 39_999],
  small: [300, 4_999],
  micro: [10, 299],
};

/** An amount in 万元 with two decimals, as the exact text the numeric column takes. */
function wan(rng: Rng, lo: number, hi: number): string {
  return `${rng.skewedInt(lo, hi, 2)}.${String(rng.int(0, 99)).padStart(2, '0')}`;
}

/** Revenue or assets that keep the unit in its tier: at least the tier's bound, below the next tier's. */
function indicatorWan(ctx: GenerationContext, rng: Rng, plan: UnitPlan, indicator: SizeIndicator): string {
  const row = ctx.sizeTable[plan.industry];
  const higherTier = HIGHER[plan.tier];
  const own = plan.tier === 'micro' ? undefined : row[plan.tier][indicator];
  const higher = higherTier ? row[higherTier][indicator] : undefined;
  const [genericLo, genericHi] = GENERIC_WAN[plan.tier];
  const lo = own ?? (plan.tier === 'micro' && higher !== undefined ? Math.max(1, Math.floor(higher / 10)) : genericLo);
  const hi = higher !== undefined ? higher - 1 : own !== undefined ? own * 5 : genericHi;
  return wan(rng, lo, Math.max(lo, hi));
}

const SHARE_SIZE_MISSING_DERIVABLE = 0.02;
const SHARE_SIZE_MISSING_NOT_DERIVABLE = 0.005;
/** Micro units are about 61% of all; 6.6% of them make about 4% of all units without a corporate account. */
const SHARE_MICRO_WITHOUT_CORPORATE_ACCOUNT = 0.066;
const BANKS = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '威海市商业银行', '农村商业银行'];

const FLAG_SOURCES: Record<ExclusionFlag, string> = {
  serious_dishonesty: '信用中国（山东）严重失信主体名单',
  zombie: '发展改革部门僵尸企业名单',
  deregistered: '市场监管部门注销登记信息',
  bankruptcy: '人民法院破产案件信息',
};
const SHARE_PER_FLAG = 0.01;
const FLAGS_FROM = toDayNumber('2023-03-01');
const FLAGS_TO = toDayNumber('2024-09-30');

export interface UnitRows {
  unit: CellValue[];
  flags: CellValue[][];
  hasCorporateAccount: boolean;
}

export const UNIT_COLUMNS = [
  'id',
  'credit_code',
  'name',
  'org_type',
  'industry',
  'employees',
  'revenue_wan',
  'assets_wan',
  'size',
  'region_code',
  'labor_dispatch',
  'corporate_bank',
  'corporate_account_cipher',
  'corporate_account_masked',
  'contribution_account_cipher',
  'contribution_account_masked',
  'contact_name',
  'contact_phone_cipher',
  'contact_phone_masked',
  'first_insured_period',
] as const;
export const UNIT_FLAG_COLUMNS = ['unit_id', 'flag', 'from_date', 'to_date', 'source'] as const;

export function mobilePhone(rng: Rng): string {
  return rng.pick(['13', '15', '18', '17', '19']) + rng.digits(9);
}

function flagRows(rng: Rng, unitId: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const flag of Object.keys(FLAG_SOURCES) as ExclusionFlag[]) {
    if (!rng.chance(SHARE_PER_FLAG)) continue;
    const from: IsoDate = fromDayNumber(rng.int(FLAGS_FROM, FLAGS_TO));
    // Some dishonesty listings were lifted after credit repair.
    const to = flag === 'serious_dishonesty' && rng.chance(0.25) ? addDays(from, rng.int(180, 400)) : null;
    rows.push([unitId, flag, from, to, FLAG_SOURCES[flag]]);
  }
  return rows;
}

export function unitRows(ctx: GenerationContext, plan: UnitPlan, identity: UnitIdentity, cipher: FieldCipher): UnitRows {
  const rng = ctx.rng(Stream.detail, plan.index);
  const enterprise = plan.orgType === 'enterprise';
  const agency = plan.orgType === 'government_agency' || plan.orgType === 'public_institution';
  const indicators: Record<SizeIndicator, CellValue> = {
    employees: plan.employees,
    revenueWan: agency ? null : indicatorWan(ctx, rng, plan, 'revenueWan'),
    assetsWan: agency ? null : indicatorWan(ctx, rng, plan, 'assetsWan'),
  };
  let size: EnterpriseSize | null = enterprise ? plan.tier : null;
  const sizeDraw = rng.next();
  if (enterprise && sizeDraw < SHARE_SIZE_MISSING_DERIVABLE + SHARE_SIZE_MISSING_NOT_DERIVABLE) {
    size = null;
    if (sizeDraw < SHARE_SIZE_MISSING_NOT_DERIVABLE) {
      const needed = Object.keys(ctx.sizeTable[plan.industry].large) as SizeIndicator[];
      indicators[rng.pick(needed)] = null;
    }
  }
  const withoutAccount = plan.tier === 'micro' && !agency && rng.chance(SHARE_MICRO_WITHOUT_CORPORATE_ACCOUNT);
  const bank = `${rng.pick(BANKS)}${plan.region.namePrefix}支行`;
  const account = `${rng.int(1, 9)}${rng.digits(18)}`;
  const phone = mobilePhone(rng);
  const contactName = personName(rng, rng.chance(0.5));
  const unit: CellValue[] = [
    plan.id,
    identity.creditCode,
    identity.name,
    plan.orgType,
    agency ? null : plan.industry,
    indicators.employees,
    indicators.revenueWan,
    indicators.assetsWan,
    size,
    plan.region.code,
    plan.laborDispatch,
    withoutAccount ? null : bank,
    ...sealedCells(cipher, withoutAccount ? null : account),
    ...sealedCells(cipher, withoutAccount ? account : null),
    contactName,
    cipher.encrypt(phone),
    maskPhone(phone),
    plan.firstInsured,
  ];
  return { unit, flags: flagRows(rng, plan.id), hasCorporateAccount: !withoutAccount };
}
