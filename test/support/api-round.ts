// A whole 免申即享 round driven through the HTTP API of the real server (buildServer, every route), as the console and
// the units' phones drive it: a case worker screens the fixture population, proposes the eligible cases, a reviewer
// approves, the case worker opens the 公示 and closes it after the working days, texts the units, each unit asks for
// its code and confirms, finance creates and proposes the payments, a second finance officer authorises and runs them,
// exports the bank file, uploads the bank's answer and reads the reconciliation. Returns the personal numbers the round
// used (bank accounts, phones, SMS codes) for the tests that look for them where they must not be.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { projectParameters } from '../../src/adapters/parameters/load-parameters.ts';
import type { Store } from '../../src/adapters/store/open-store.ts';
import { fixedClock } from '../../src/domain/ports/clock.ts';
import { maskPhone } from '../../src/domain/masking.ts';
import { buildServer } from '../../src/server/app.ts';
import { insertFixtureUnits, ROUND_POPULATION } from './round-fixtures.ts';
import { codeInBody, recordingProvider, testCipher, tokenInBody } from './sms-fixtures.ts';
import { staffCaller, type Headers } from './staff-session.ts';
import { waitFor } from './wait-for.ts';

export const ROUND_STAFF = {
  worker: { username: 'zhangsan', displayName: '经办员张三', roles: ['case_worker' as const] },
  reviewer: { username: 'lisi', displayName: '复核员李四', roles: ['reviewer' as const] },
  maker: { username: 'wangwu', displayName: '财务王五', roles: ['finance' as const] },
  checker: { username: 'zhaoliu', displayName: '财务赵六', roles: ['finance' as const] },
};

export interface RoundNumbers {
  accounts: Set<string>;
  phones: Set<string>;
  codes: Set<string>;
  /** Display names of the staff as recorded (`经办员张三（zhangsan）`), by their part in the round. */
  names: Record<keyof typeof ROUND_STAFF, string>;
  paymentBatchId: number;
  noticeId: number;
}

const phoneOf = (unitId: number) => `1390631${String(unitId).padStart(4, '0')}`;

/** Gives every fixture unit a contact mobile, sealed as the import would. */
async function givePhones(store: Store, phones: Set<string>): Promise<void> {
  for (const { id } of ROUND_POPULATION) {
    const phone = phoneOf(id);
    phones.add(phone);
    await store.db
      .updateTable('units')
      .set({ contact_phone_cipher: testCipher.encrypt(phone), contact_phone_masked: maskPhone(phone) })
      .where('id', '=', id)
      .execute();
  }
}

async function call(app: FastifyInstance, method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) {
  const response = await app.inject({ method, url: `/api/v1${url}`, headers, ...(payload && { payload }) });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response;
}

const BOUNDARY = '----wengang-round-boundary';

function upload(fileName: string, content: string, session: Headers) {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...session },
  };
}

/** The bank's answer to an instruction file: every line paid. */
function bankAnswer(instruction: string): string {
  const lines = instruction
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter((cells) => /^\d+-\d+$/.test(cells[1] ?? ''));
  expect(lines.length).toBeGreaterThan(0);
  return ['付款流水号,金额（元）,处理结果,银行流水号,失败原因', ...lines.map((c, i) => `${c[1]},${c[7]},成功,B${i},`)].join('\n');
}

/** Builds the server on `store` (logging to `logStream` when given), runs the round and closes the server. */
export async function runRoundThroughApi(store: Store, folder: string, logStream?: NodeJS.WritableStream): Promise<RoundNumbers> {
  const clock = fixedClock('2024-08-15T10:00:00+08:00');
  const sms = recordingProvider();
  const app = await buildServer({
    params: projectParameters(),
    store,
    clock,
    cipher: testCipher,
    sms,
    importReportDir: join(folder, 'import-reports'),
    logger: logStream ? { stream: logStream } : false,
  });
  const numbers: RoundNumbers = {
    accounts: new Set(),
    phones: new Set(),
    codes: new Set(),
    names: {} as RoundNumbers['names'],
    paymentBatchId: 0,
    noticeId: 0,
  };
  try {
    await insertFixtureUnits(store, ROUND_POPULATION);
    for (const { id, corporateAccount } of ROUND_POPULATION)
      if (corporateAccount !== false) numbers.accounts.add(`6222${String(id).padStart(8, '0')}`);
    await givePhones(store, numbers.phones);
    const staff = {} as Record<keyof typeof ROUND_STAFF, { headers: () => Promise<Headers> }>;
    for (const [part, spec] of Object.entries(ROUND_STAFF) as [keyof typeof ROUND_STAFF, (typeof ROUND_STAFF)['worker']][]) {
      const caller = await staffCaller(store.db, clock, { ...spec, roles: [...spec.roles] });
      staff[part] = caller;
      numbers.names[part] = caller.name;
    }

    const { runId } = (await call(app, 'POST', '/rounds/2024/screenings', await staff.worker.headers(), {})).json<{
      runId: number;
    }>();
    await waitFor(`筛查 ${runId} 完成`, async () => {
      const run = (await call(app, 'GET', `/screenings/${runId}`, await staff.worker.headers())).json<{ status: string }>();
      if (run.status === 'failed') throw new Error(`screening ${runId} failed`);
      return run.status === 'completed' ? true : undefined;
    });
    const proposed = (await call(app, 'POST', '/review/batches', await staff.worker.headers(), { round: '2024' })).json<{
      batchId: number;
      unitCount: number;
    }>();
    expect(proposed.unitCount).toBeGreaterThan(0);
    await call(app, 'POST', `/review/batches/${proposed.batchId}/approve`, await staff.reviewer.headers(), {});

    clock.set('2024-09-02T09:00:00+08:00');
    const notice = (
      await call(app, 'POST', '/notices', await staff.worker.headers(), { round: '2024', batchIds: [proposed.batchId] })
    ).json<{ noticeId: number; lastDay: string }>();
    numbers.noticeId = notice.noticeId;
    expect(notice.lastDay).toBe('2024-09-06');
    clock.set('2024-09-09T09:00:00+08:00');
    await call(app, 'POST', `/notices/${notice.noticeId}/close`, await staff.worker.headers(), {});

    const notified = (await call(app, 'POST', '/rounds/2024/notify', await staff.worker.headers(), {})).json<{
      notified: number;
    }>();
    expect(notified.notified).toBe(proposed.unitCount);
    clock.set('2024-09-10T09:00:00+08:00');
    for (const message of sms.delivered.filter((m) => m.idempotencyKey.startsWith('notify:')).slice()) {
      const token = tokenInBody(message.body);
      await call(app, 'POST', `/confirm/${token}/code`, {}, {});
      const code = codeInBody(sms.delivered.at(-1)!.body);
      numbers.codes.add(code);
      await call(app, 'POST', `/confirm/${token}`, {}, { code });
    }

    clock.set('2024-09-23T09:00:00+08:00');
    await call(app, 'POST', '/payments/create', await staff.maker.headers(), { round: '2024' });
    const batch = (await call(app, 'POST', '/payments/batches', await staff.maker.headers(), { round: '2024' })).json<{
      batchId: number;
    }>();
    numbers.paymentBatchId = batch.batchId;
    await call(app, 'POST', `/payments/batches/${batch.batchId}/authorise`, await staff.checker.headers(), {});
    await call(app, 'POST', `/payments/batches/${batch.batchId}/run`, await staff.checker.headers(), {});
    await waitFor(`支付批次 ${batch.batchId} 执行完毕`, async () => {
      const progress = (
        await call(app, 'GET', `/payments/batches/${batch.batchId}/progress`, await staff.checker.headers())
      ).json<{
        running: boolean;
        remaining: number;
      }>();
      return !progress.running && progress.remaining === 0 ? true : undefined;
    });
    const instruction = await call(app, 'POST', `/bank/batches/${batch.batchId}/export`, await staff.maker.headers(), {});
    await writeFile(join(folder, 'instruction.csv'), instruction.body);
    clock.set('2024-09-25T09:00:00+08:00');
    const answer = await app.inject({
      method: 'POST',
      url: '/api/v1/bank/returns',
      ...upload('回单.csv', bankAnswer(instruction.body), await staff.maker.headers()),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const report = (await call(app, 'GET', `/bank/batches/${batch.batchId}/reconciliation`, await staff.maker.headers())).json<{
      differences: unknown[];
    }>();
    expect(report.differences).toEqual([]);
  } finally {
    await app.close();
  }
  return numbers;
}
