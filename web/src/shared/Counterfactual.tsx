// 怎样才能符合条件: the counterfactual of one refund decision — each condition not met with the least change that
// would meet it, and what the changed figures get when re-evaluated. Shown to staff and to the unit itself.
import { Alert, List, Tag, Typography } from 'antd';
import { REMEDY_KIND_LABELS } from '../../../src/domain/vocabulary/simulation.ts';
import { api } from './api.ts';
import { useApi } from './use-api.ts';
import { reasonLabel } from './labels.ts';
import type { counterfactualAnswer } from '../../../src/server/schemas/simulation.ts';
import type { z } from 'zod';

type CounterfactualAnswer = z.input<typeof counterfactualAnswer>;

const KIND_COLORS = { change: 'blue', data: 'orange', fixed: 'default' } as const;

export function Counterfactual({ path }: { path: string }) {
  const answer = useApi(() => api<CounterfactualAnswer>(path), [path]);
  const a = answer.data;
  if (answer.error) return <Alert type="warning" showIcon title={answer.error} />;
  if (!a || a.eligible) return null;
  return (
    <div data-testid="counterfactual">
      <List
        size="small"
        dataSource={a.remedies}
        renderItem={(r) => (
          <List.Item style={{ justifyContent: 'flex-start', gap: 12 }}>
            <Tag color={KIND_COLORS[r.kind]}>{REMEDY_KIND_LABELS[r.kind]}</Tag>
            <div>
              <div>{r.text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {reasonLabel(r.reason)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {a.flipped && (
        <Alert
          type={a.flipped.status === 'eligible' ? 'success' : 'info'}
          showIcon
          title={a.flipped.text}
          style={{ marginTop: 8 }}
        />
      )}
    </div>
  );
}
