// The funds a payment run may spend (鲁人社发〔2024〕8号 第八条：优先保障保生活支出), and where that figure came from:
// the amount a finance officer gives for this run; otherwise the payout account's balance in the ledger once any money
// arriving has been recorded there; otherwise the dated parameter paymentRunAvailableFen (policy/parameters/
// fund-monitoring.yaml). The console and the CLI show the source beside the figure.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { fundsSourceLabels, type FundsSource } from '../../domain/vocabulary/fund-monitoring.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { fundMonitoringParameters } from '../../policy/fund-monitoring.ts';
import { Refusal } from '../../domain/refusal.ts';
import { payoutBalance } from '../ledger/post-payout.ts';

export interface FundsAvailable {
  availableFen: Fen;
  source: FundsSource;
  sourceLabel: string;
  /** The parameter's legal basis when the parameter was used. */
  legalBasis: string | null;
}

const answer = (availableFen: Fen, source: FundsSource, legalBasis: string | null = null): FundsAvailable => ({
  availableFen,
  source,
  sourceLabel: fundsSourceLabels[source],
  legalBasis,
});

export async function fundsAvailable(
  db: Kysely<Database> | Transaction<Database>,
  params: ParameterStore,
  request: { givenFen?: Fen; today: IsoDate },
): Promise<FundsAvailable> {
  const { givenFen } = request;
  if (givenFen !== undefined) {
    if (!Number.isSafeInteger(givenFen) || givenFen < 0) throw new Refusal('INVALID', '可用资金须为不小于零的金额（分）');
    return answer(givenFen, 'given');
  }
  const payout = await payoutBalance(db);
  if (payout.recorded) return answer(Math.max(payout.balanceFen, 0), 'ledger');
  const parameter = params.at(fundMonitoringParameters, 'paymentRunAvailableFen', request.today);
  if (!parameter) throw new Refusal('CONFLICT', `${request.today} 没有有效的支付批次可用资金参数，请登记资金到账或指定可用资金`);
  return answer(parameter.value, 'parameter', parameter.legalBasis);
}
