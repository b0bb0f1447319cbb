// 鲁人社发〔2024〕8号 第五条 (持续做好价格临时补贴发放) with 发改价格规〔2021〕1374号: in a month whose consumer price
// index rose year on year by at least the CPI trigger, or whose food prices rose by at least the food trigger, a
// person receiving unemployment benefit gets a temporary price subsidy of the local 低保 standard × the triggering
// rise. When both fire, the larger rise applies (Default: the reading more favourable to the person).
import { z } from 'zod';
import { applyRatioHalfUp, formatYuan, type Fen } from '../core/money.ts';
import { firstDayOf, type Period } from '../core/dates.ts';
import { declareParameters, shapes, type ParameterStore } from '../core/parameters.ts';

const signedBp = z.number().int().min(-10_000).max(10_000);

export const priceSubsidyParameters = declareParameters('price-subsidy', {
  cpiTriggerBp: shapes.bp,
  foodCpiTriggerBp: shapes.bp,
  minimumLivingStandardFen: shapes.fen,
  monthlyCpi: z.strictObject({ cpiYoyBp: signedBp, foodCpiYoyBp: signedBp }),
});

export type PriceSubsidy =
  | { period: Period; fired: false; text: string }
  | { period: Period; fired: true; index: 'cpi' | 'food'; riseBp: number; amountFen: Fen; text: string; legalBasis: string }
  /** The month's index (or another parameter) is not published yet: decided when it is. */
  | { period: Period; missing: string };

const percent = (bp: number) => `${(bp / 100).toFixed(1)}%`;

export function priceSubsidy(params: ParameterStore, period: Period): PriceSubsidy {
  const on = firstDayOf(period);
  const cpi = params.at(priceSubsidyParameters, 'monthlyCpi', on);
  if (!cpi) return { period, missing: `${period} 居民消费价格指数` };
  const cpiTrigger = params.at(priceSubsidyParameters, 'cpiTriggerBp', on);
  const foodTrigger = params.at(priceSubsidyParameters, 'foodCpiTriggerBp', on);
  const standard = params.at(priceSubsidyParameters, 'minimumLivingStandardFen', on);
  if (!cpiTrigger || !foodTrigger || !standard) return { period, missing: '价格临时补贴启动条件或低保标准' };
  const { cpiYoyBp, foodCpiYoyBp } = cpi.value;
  const fired = [
    ...(cpiYoyBp >= cpiTrigger.value ? [{ index: 'cpi' as const, riseBp: cpiYoyBp }] : []),
    ...(foodCpiYoyBp >= foodTrigger.value ? [{ index: 'food' as const, riseBp: foodCpiYoyBp }] : []),
  ].sort((a, b) => b.riseBp - a.riseBp)[0];
  const facts = `${period} CPI 同比 ${percent(cpiYoyBp)}（启动线 ${percent(cpiTrigger.value)}），食品价格同比 ${percent(foodCpiYoyBp)}（启动线 ${percent(foodTrigger.value)}）`;
  if (!fired) return { period, fired: false, text: `${facts}，未启动价格临时补贴` };
  const amountFen = applyRatioHalfUp(standard.value, fired.riseBp);
  return {
    period,
    fired: true,
    ...fired,
    amountFen,
    legalBasis: `${cpiTrigger.legalBasis}`,
    text: `${facts}，已启动；低保标准 ${formatYuan(standard.value)} 元 × ${percent(fired.riseBp)} = ${formatYuan(amountFen)} 元`,
  };
}
