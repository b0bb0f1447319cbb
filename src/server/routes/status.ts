// GET /api/v1/status: the service, its parameter version and the rules it evaluates.
import type { FastifyInstance } from 'fastify';
import { rules } from '../../policy/index.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { serviceStatus } from '../schemas/status.ts';
import { PUBLIC } from '../security/access.ts';
import { withZod } from '../zod-routes.ts';

export async function statusRoutes(plugin: FastifyInstance, options: { params: ParameterStore }): Promise<void> {
  const app = withZod(plugin);
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
  app.get(
    '/api/v1/status',
    { config: { access: PUBLIC }, schema: { summary: '服务状态', tags: ['status'], response: { 200: serviceStatus } } },
    async () => status(),
  );
}
