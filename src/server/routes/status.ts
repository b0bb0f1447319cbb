// GET /api/v1/status: the service, its parameter version and the rules it evaluates.
import type { FastifyInstance } from 'fastify';
import { rules } from '../../policy/index.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { PUBLIC } from '../security/access.ts';

export async function statusRoutes(app: FastifyInstance, options: { params: ParameterStore }): Promise<void> {
  const status = () => ({
    service: 'wengang',
    policyVersion: options.params.version,
    rules: [...rules.values()].map((r) => ({
      name: r.name,
      title: r.title,
      article: r.article,
      endpoint: `/api/v1/evaluate/${r.name}`,
    })),
  });
  app.get('/api/v1/status', { config: { access: PUBLIC }, schema: { summary: '服务状态', tags: ['status'] } }, async () =>
    status(),
  );
}
