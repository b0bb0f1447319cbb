// Routes with zod schemas: Chinese validation messages naming the field, answers written by their schema (dates as
// ISO text), and the route documented at /docs like the JSON Schema routes.
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buildServer } from '../../../src/server/app.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { instant, roundText } from '../../../src/server/schemas/common.ts';
import { withZod } from '../../../src/server/zod-routes.ts';

const probeBody = z.strictObject({ round: roundText, note: z.string().min(2), count: z.number().int().optional() });
const probeAnswer = z.object({ round: z.string(), at: instant });

async function probe(plugin: FastifyInstance) {
  withZod(plugin).post(
    '/probe',
    { schema: { summary: '探针', body: probeBody, response: { 200: probeAnswer } } },
    async (request) => ({
      round: request.body.round,
      at: new Date('2024-08-15T01:00:00Z'),
      notInTheSchema: 'dropped',
    }),
  );
}

describe('zod routes', () => {
  it('refuse a bad request in Chinese, naming the part and the field', async () => {
    const app = await buildServer({ params: loadParameters() });
    await app.register(probe);
    const badRound = await app.inject({ method: 'POST', url: '/probe', payload: { round: '24', note: '说明' } });
    expect(badRound.statusCode).toBe(400);
    expect(badRound.json().error.message).toBe('请求体 round：年度须为4位数字');
    const short = await app.inject({ method: 'POST', url: '/probe', payload: { round: '2024', note: '短' } });
    expect(short.json().error.message).toMatch(/^请求体 note：.*[\u4e00-\u9fff]/);
    const coerced = await app.inject({ method: 'POST', url: '/probe', payload: { round: '2024', note: '说明', count: '3' } });
    expect(coerced.statusCode).toBe(400);
    const extra = await app.inject({ method: 'POST', url: '/probe', payload: { round: '2024', note: '说明', other: 1 } });
    expect(extra.statusCode).toBe(400);
    await app.close();
  });

  it('write the answer by its schema and document the route', async () => {
    const app = await buildServer({ params: loadParameters() });
    await app.register(probe);
    const answer = await app.inject({ method: 'POST', url: '/probe', payload: { round: '2024', note: '说明' } });
    expect(answer.json()).toEqual({ round: '2024', at: '2024-08-15T01:00:00.000Z' });
    const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const body = spec.paths['/probe'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['round', 'note']);
    expect(body.properties.round.pattern).toBe('^[0-9]{4}$');
    expect(spec.paths['/api/v1/evaluate/contribution']).toBeDefined();
    await app.close();
  });
});
