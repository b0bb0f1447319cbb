// Health, readiness and metrics as an operator and a load balancer use them: /healthz answers, /readyz is green with
// the database up and red (503, naming the database) once it stops, /metrics counts requests by route and failed
// sign-ins and is refused to an address not configured.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/adapters/store/open-store.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { fixedClock } from '../../../src/domain/ports/clock.ts';
import { buildServer } from '../../../src/server/app.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { testCipher } from '../../support/sms-fixtures.ts';

const clock = fixedClock('2024-09-01T02:00:00Z');

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`operations endpoints on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('is ready while the database answers and not ready once it stops; metrics only for configured addresses', async () => {
      const store = await openStore(await backend.freshConfig());
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const app = await buildServer({
        params: projectParameters(),
        store,
        clock,
        cipher: testCipher,
        logger: { stream },
        metricsAllow: ['10.1.0.0/16'],
      });
      try {
        expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
        const ready = await app.inject({ method: 'GET', url: '/readyz' });
        expect(ready.statusCode).toBe(200);
        expect(ready.json().checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
          ['database', true],
          ['migrations', true],
          ['parameters', true],
        ]);

        const wrong = await app.inject({
          method: 'POST',
          url: '/api/v1/session/staff',
          payload: { username: 'nobody', password: 'wrong-password-1' },
        });
        expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
        expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.168.3.4' })).statusCode).toBe(403);
        const metrics = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
        expect(metrics.statusCode).toBe(200);
        expect(metrics.body).toMatch(/wengang_http_requests_total\{method="GET",route="\/readyz",status="200"\} 1/);
        expect(metrics.body).toMatch(/wengang_failed_sign_ins_total 1/);
        expect(metrics.body).toMatch(/wengang_audit_chain_head_seq \d+/);
        expect(metrics.body).toMatch(/wengang_sms_outbox_backlog 0/);

        const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === 'request');
        expect(logged.find((l) => l.route === '/readyz')).toMatchObject({
          status: 200,
          method: 'GET',
          reqId: expect.anything(),
          durationMs: expect.any(Number),
        });
        expect(lines.join('')).not.toContain('wrong-password-1');

        await store.close();
        const down = await app.inject({ method: 'GET', url: '/readyz' });
        expect(down.statusCode).toBe(503);
        expect(down.json().checks[0]).toMatchObject({ name: 'database', ok: false });
        expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    }, 60_000);
  });
}
