// Request body limits on the real server: 1 MB for anonymous callers and JSON routes, refused with 413 in Chinese
// before the body is read (a declared length over the limit is refused at once over a real socket); the evaluation
// batches take more from signed-in staff only.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../support/store-backends.ts';
import { makeStaff, signedIn, withServer } from './security-fixtures.ts';

const CASE = { id: 1, period: '2024-07', wageBaseFen: 600000 };
/** About 2 MB of valid contribution cases. */
const BATCH = Array.from({ length: 40_000 }, (_, i) => ({ ...CASE, id: i + 1 }));
const TOO_LARGE = { code: 'BODY_TOO_LARGE', message: '请求体超过 1 MB 的上限，请减少数据量或分批提交 / request body too large' };

/** The status of a POST that declares `declared` bytes but sends only the first 64 KB (and never ends), or a timeout. */
function statusOfEndlessPost(port: number, path: string, declared: number, deadlineMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': declared },
    });
    const timer = setTimeout(() => (req.destroy(), reject(new Error(`no answer within ${deadlineMs} ms`))), deadlineMs);
    req.on('response', (response) => {
      clearTimeout(timer);
      response.resume();
      req.destroy();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', (error) => (clearTimeout(timer), reject(error)));
    req.write(Buffer.alloc(64 * 1024, 0x20));
  });
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`request body limits on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('refuses an anonymous 2 MB evaluation batch with 413 in Chinese, and takes it from signed-in staff', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        const anonymous = await app.inject({ method: 'POST', url: '/api/v1/evaluate/contribution', payload: BATCH });
        expect(anonymous.statusCode).toBe(413);
        expect(anonymous.json().error).toEqual(TOO_LARGE);

        // Sent in chunks without a declared length: counted as it arrives.
        const chunked = await app.inject({
          method: 'POST',
          url: '/api/v1/evaluate/contribution',
          headers: { 'content-type': 'application/json' },
          payload: Readable.from([Buffer.from(JSON.stringify(BATCH))]),
        });
        expect([chunked.statusCode, chunked.json().error]).toEqual([413, TOO_LARGE]);

        await makeStaff(harness, { username: 'jingban', roles: ['case_worker'] });
        const staff = await app.inject({
          method: 'POST',
          url: '/api/v1/evaluate/contribution',
          payload: BATCH,
          headers: await signedIn(app, 'jingban'),
        });
        expect(staff.statusCode).toBe(200);
        expect(staff.json()).toHaveLength(BATCH.length);

        const spec = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
        expect(spec.paths['/api/v1/evaluate/contribution'].post.description).toContain('匿名调用 1 MB；已登录的工作人员 512 MB');
      }));

    it('refuses a JSON body over 1 MB on any other route, signed in or not', () =>
      withServer(backend, async (harness) => {
        const { app } = harness;
        const signIn = await app.inject({
          method: 'POST',
          url: '/api/v1/session/staff',
          payload: { username: 'x'.repeat(1_100_000), password: 'p' },
        });
        expect([signIn.statusCode, signIn.json().error]).toEqual([413, TOO_LARGE]);
        await makeStaff(harness, { username: 'jingban', roles: ['case_worker'] });
        const propose = await app.inject({
          method: 'POST',
          url: '/api/v1/review/batches',
          headers: await signedIn(app, 'jingban'),
          payload: { round: '2024', unitIds: Array.from({ length: 200_000 }, (_, i) => i + 1) },
        });
        expect([propose.statusCode, propose.json().error]).toEqual([413, TOO_LARGE]);
      }));

    it('answers an anonymous post declaring 50 MB with 413 at once, without waiting for the body', () =>
      withServer(backend, async ({ app }) => {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as AddressInfo;
        expect(await statusOfEndlessPost(port, '/api/v1/evaluate/contribution', 50 * 1024 * 1024, 10_000)).toBe(413);
        expect(await statusOfEndlessPost(port, '/api/v1/session/staff', 50 * 1024 * 1024, 10_000)).toBe(413);
      }));
  });
}
