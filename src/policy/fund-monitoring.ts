// 鲁人社发〔2024〕8号 第八条: the thresholds at which fund monitoring raises an alert (months of spending the balance
// covers, a region's spending jump) and the funds a payment run may spend when the ledger records no money arriving;
// src/services/fund reads them.
import { declareParameters, shapes } from './core/parameters.ts';

export const fundMonitoringParameters = declareParameters('fund-monitoring', {
  minMonthsCovered: shapes.months,
  coverageWindowMonths: shapes.months,
  spendingJumpBp: shapes.bp,
  spendingJumpMinFen: shapes.fen,
  paymentRunAvailableFen: shapes.fen,
});
