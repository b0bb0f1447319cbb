// GET /api/v1/regions: the statistical regions (行政区划) the agency works in — Shandong, its cities and Weihai's
// districts, county-level cities and development zones — for the console's region pickers. Reference data, the same
// for every member of staff; what an account may act on is still checked on each request.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/store/open-store.ts';
import { regionList } from '../schemas/regions.ts';
import { ALL_STAFF, staff } from '../security/access.ts';
import { withZod } from '../zod-routes.ts';

export async function regionRoutes(plugin: FastifyInstance, options: { store: Store }): Promise<void> {
  const app = withZod(plugin);
  const { db } = options.store;
  app.get(
    '/regions',
    {
      config: staff(ALL_STAFF),
      schema: {
        summary: '行政区划列表（代码、名称、上级代码、类别），按代码排序',
        tags: ['regions'],
        response: { 200: regionList },
      },
    },
    async () => {
      const rows = await db.selectFrom('regions').select(['code', 'name', 'parent_code', 'kind']).orderBy('code').execute();
      return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, kind: r.kind }));
    },
  );
}
