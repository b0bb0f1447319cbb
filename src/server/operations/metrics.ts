// Prometheus metrics (prom-client): HTTP requests by route and status with their latency, failed staff sign-ins,
// and — read from the database at each scrape — the latest screening run's progress, payments by status, the SMS
// outbox backlog and the audit chain's head. A private registry, so tests can build several servers.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  latency: Histogram<'method' | 'route'>;
  failedSignIns: Counter;
}

function storeGauges(registry: Registry, db: Kysely<Database>): void {
  new Gauge({
    name: 'wengang_screening_units',
    help: '最近一次筛查批次的单位数（processed 已处理 / total 总数）',
    labelNames: ['run', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const run = await db
        .selectFrom('screening_runs')
        .select(['id', 'processed_units', 'total_units'])
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!run) return;
      this.set({ run: String(run.id), state: 'processed' }, run.processed_units);
      this.set({ run: String(run.id), state: 'total' }, run.total_units);
    },
  });
  new Gauge({
    name: 'wengang_payments',
    help: '各状态的支付笔数',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .selectFrom('payments')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('status')
        .execute();
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });
  new Gauge({
    name: 'wengang_sms_outbox_backlog',
    help: '待发送（含发送中）的短信条数',
    registers: [registry],
    async collect() {
      const row = await db
        .selectFrom('sms_outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', 'in', ['pending', 'sending'])
        .executeTakeFirstOrThrow();
      this.set(Number(row.n));
    },
  });
  new Gauge({
    name: 'wengang_audit_chain_head_seq',
    help: '审计日志链头的序号',
    registers: [registry],
    async collect() {
      const row = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      this.set(Number(row?.seq ?? 0));
    },
  });
}

export function serverMetrics(db: Kysely<Database> | undefined): ServerMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'wengang_http_requests_total',
    help: '按路由和状态码统计的请求数',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'wengang_http_request_duration_seconds',
    help: '按路由统计的请求耗时（秒）',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const failedSignIns = new Counter({
    name: 'wengang_failed_sign_ins_total',
    help: '登录失败次数（工作人员、单位、个人）',
    registers: [registry],
  });
  if (db) storeGauges(registry, db);
  return { registry, requests, latency, failedSignIns };
}
