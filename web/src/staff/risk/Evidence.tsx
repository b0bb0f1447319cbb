// A hit's evidence as rows a case worker reads: each key by its Chinese name, amounts in yuan, codes by their labels.
import { Descriptions } from 'antd';
import { paymentPurposeLabels } from '../../../../src/domain/vocabulary/payment-purposes.ts';
import {
  comparisonKindLabels,
  riskEvidenceLabels,
  riskUnitFlagLabels,
  type RiskEvidenceKey,
} from '../../../../src/domain/vocabulary/risk.ts';
import { yuan } from '../../shared/format.ts';

const codeLabels: Partial<Record<RiskEvidenceKey, Readonly<Record<string, string>>>> = {
  purpose: paymentPurposeLabels,
  kind: comparisonKindLabels,
  flag: riskUnitFlagLabels,
};

function shown(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key.endsWith('Fen') && typeof value === 'number') return yuan(value);
  const labels = codeLabels[key as RiskEvidenceKey];
  return labels?.[String(value)] ?? String(value);
}

export function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  return (
    <Descriptions
      column={1}
      size="small"
      items={Object.entries(evidence).map(([key, value]) => ({
        key,
        label: riskEvidenceLabels[key as RiskEvidenceKey] ?? key,
        children: shown(key, value),
      }))}
    />
  );
}
