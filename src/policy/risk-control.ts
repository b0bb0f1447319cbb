// 鲁人社发〔2024〕8号 第八条: prevent fraud, false claims and duplicate payments with risk checks before, during and
// after payment, and compare the agency's data with the national comparison system; 第九条: push the policy to those
// eligible. The thresholds of the risk rules, which rules each city has switched off, and the limits of targeted push;
// the rules in src/services/risk/rules and the campaigns in src/services/campaigns read them.
import { z } from 'zod';
import { declareParameters, shapes } from './core/parameters.ts';

const regionCode = z.string().regex(/^[0-9]{6}$/);

export const riskControlParameters = declareParameters('risk-control', {
  accountChangeWindowDays: shapes.days.min(1),
  sharedAccountMinRecipients: shapes.count.min(2),
  headcountSurgeBp: shapes.bp.min(1),
  headcountSurgeMinPersons: shapes.persons.min(1),
  headcountLookbackMonths: shapes.months.min(1).max(11),
  dispatchMismatchToleranceFen: shapes.fen,
  disabledRulesByCity: z.record(regionCode, z.array(z.string().regex(/^[a-z_]+$/))),
  pushRepeatWindowDays: shapes.days.min(1),
  pushDailyLimit: shapes.count.min(1),
  pushHours: z
    .strictObject({ fromHour: z.number().int().min(0).max(23), toHour: z.number().int().min(1).max(24) })
    .refine((h) => h.fromHour < h.toHour, { message: '推送开始时间须早于结束时间' }),
});
