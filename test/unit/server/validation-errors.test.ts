import { describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server/app.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';

describe('request validation errors', () => {
  it('are in Chinese and name the field', async () => {
    const app = await buildServer({ params: loadParameters() });
    app.post(
      '/probe',
      {
        schema: {
          body: {
            type: 'object',
            required: ['note'],
            properties: { note: { type: 'string', minLength: 2 }, n: { type: 'integer' } },
          },
        },
      },
      async () => 'ok',
    );
    const short = await app.inject({ method: 'POST', url: '/probe', payload: { note: 'x' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('请求体 note：不应少于 2 个字符');
    const missing = await app.inject({ method: 'POST', url: '/probe', payload: { n: 1 } });
    expect(missing.json().error.message).toMatch(/^请求体 note：/);
    const notAnInteger = await app.inject({ method: 'POST', url: '/probe', payload: { note: 'ok', n: '3' } });
    expect(notAnInteger.statusCode).toBe(400); // no silent coercion of "3" to 3
    await app.close();
  });

  it('an unknown address answers 404 in Chinese', async () => {
    const app = await buildServer({ params: loadParameters() });
    const response = await app.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('没有这个地址：GET /api/v1/nowhere');
    await app.close();
  });
});
