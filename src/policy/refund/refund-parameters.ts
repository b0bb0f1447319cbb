// The parameters of the job-retention refund (鲁人社发〔2024〕8号 第二条, 第三条), as policy/parameters/job-retention-refund.yaml
// must hold them: the loader checks every dated value against these shapes, so the rules read typed values.
import { declareParameters, shapes } from '../core/parameters.ts';
import { MONTHS_MODES } from './full-months.ts';
import { LAYOFF_METHODS } from './layoffs.ts';

export const refundParameters = declareParameters('job-retention-refund', {
  policyPeriod: shapes.flag,
  minFullMonths: shapes.months,
  contributionMonthsMode: shapes.oneOf(MONTHS_MODES),
  layoffMethod: shapes.oneOf(LAYOFF_METHODS),
  layoffRateLimitBp: shapes.bp,
  smallUnitHeadcount: shapes.persons,
  smallUnitLayoffRateLimitBp: shapes.bp,
  largeEnterpriseRatioBp: shapes.bp,
  smeRatioBp: shapes.bp,
  baseIncludesNextJanuaryPayment: shapes.flag,
});
