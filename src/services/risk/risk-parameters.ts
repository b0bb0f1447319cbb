// The risk rules' and targeted push's parameters in force on a date (policy/parameters/risk-control.yaml).
import type { IsoDate } from '../../policy/core/dates.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { riskControlParameters } from '../../policy/risk-control.ts';
import { Refusal } from '../../domain/refusal.ts';

type Shapes = typeof riskControlParameters.shapes;
export type RiskParameters = { [K in keyof Shapes]: import('zod').output<Shapes[K]> };

export function riskParameters(store: ParameterStore, asOf: IsoDate): RiskParameters {
  const keys = Object.keys(riskControlParameters.shapes) as (keyof Shapes)[];
  const entries = keys.map((key) => {
    const found = store.at(riskControlParameters, key, asOf);
    if (!found) throw new Refusal('INVALID', `参数 risk-control.${key} 在 ${asOf} 没有有效取值`);
    return [key, found.value] as const;
  });
  return Object.fromEntries(entries) as RiskParameters;
}
