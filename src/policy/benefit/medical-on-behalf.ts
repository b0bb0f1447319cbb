// 鲁人社发〔2024〕8号 第五条 (代缴基本医疗保险（含生育保险）费) and 社会保险法 第四十八条: while a person receives
// unemployment benefit, the fund pays their basic medical insurance — the unit part, the maternity part and the
// person's own part — on a monthly base. Each part is rounded half up to the fen on its own.
import { z } from 'zod';
import { applyRatioHalfUp, sumFen, type Fen } from '../core/money.ts';
import { firstDayOf, type Period } from '../core/dates.ts';
import { declareParameters, shapes, type ParameterInForce, type ParameterStore } from '../core/parameters.ts';

export const medicalOnBehalfParameters = declareParameters('medical-on-behalf', {
  contributionBaseFen: shapes.fen,
  unitRateBp: shapes.bp,
  maternityRateBp: shapes.bp,
  personRateBp: shapes.bp,
});

export const medicalPart = z.enum(['unit', 'maternity', 'person']);
export type MedicalPart = z.infer<typeof medicalPart>;

export interface MedicalOnBehalf {
  period: Period;
  amountFen: Fen;
  baseFen: Fen;
  parts: { part: MedicalPart; rateBp: number; amountFen: Fen; legalBasis: string }[];
}

/** The month's contribution paid on the person's behalf, or the names of the parameters not in force that month. */
export function medicalOnBehalf(params: ParameterStore, period: Period): MedicalOnBehalf | { missing: string[] } {
  const on = firstDayOf(period);
  const base = params.at(medicalOnBehalfParameters, 'contributionBaseFen', on);
  const rates: [MedicalPart, ParameterInForce<number> | undefined][] = [
    ['unit', params.at(medicalOnBehalfParameters, 'unitRateBp', on)],
    ['maternity', params.at(medicalOnBehalfParameters, 'maternityRateBp', on)],
    ['person', params.at(medicalOnBehalfParameters, 'personRateBp', on)],
  ];
  const missing = [...(base ? [] : ['contributionBaseFen']), ...rates.filter(([, r]) => !r).map(([part]) => `${part}Rate`)];
  if (!base || missing.length) return { missing };
  const parts = rates.map(([part, rate]) => ({
    part,
    rateBp: rate!.value,
    amountFen: applyRatioHalfUp(base.value, rate!.value),
    legalBasis: rate!.legalBasis,
  }));
  return { period, baseFen: base.value, parts, amountFen: sumFen(parts.map((p) => p.amountFen)) };
}
