// The Chinese names of a what-if run's tally keys: districts from the regions table, sizes from the size standard,
// industries from the size standard's table (its rows carry the industry's name), reasons from the decision labels.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { refundReasonLabel } from '../../domain/vocabulary/refund.ts';
import { UNKNOWN_KEY_LABEL, type ImpactDimension } from '../../domain/vocabulary/simulation.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { sizeParameters } from '../../policy/enterprise-size.ts';
import { enterpriseSizeLabels } from '../../domain/vocabulary/units.ts';

export type KeyLabels = (dimension: ImpactDimension, key: string) => string;

export async function impactKeyLabels(db: Kysely<Database>, params: ParameterStore): Promise<KeyLabels> {
  const regions = new Map((await db.selectFrom('regions').select(['code', 'name']).execute()).map((r) => [r.code, r.name]));
  const industries = params.latest(sizeParameters, 'thresholds').value as Record<string, { label: string }>;
  return (dimension, key) => {
    switch (dimension) {
      case 'region':
        return regions.get(key) ?? key;
      case 'size':
        return enterpriseSizeLabels[key as keyof typeof enterpriseSizeLabels] ?? UNKNOWN_KEY_LABEL;
      case 'industry':
        return industries[key]?.label ?? UNKNOWN_KEY_LABEL;
      case 'reason':
        return refundReasonLabel(key);
    }
  };
}
