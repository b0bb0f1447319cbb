// GET / (a status page in Chinese) and GET /api/v1/status (the same as JSON).
import type { FastifyInstance } from 'fastify';
import { rules } from '../../policy/index.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function statusRoutes(app: FastifyInstance, options: { params: ParameterStore }): Promise<void> {
  const status = () => ({
    service: 'wengang',
    policyVersion: options.params.version,
    rules: [...rules.values()].map((r) => ({ name: r.name, title: r.title, article: r.article, endpoint: `/api/v1/evaluate/${r.name}` })),
  });
  app.get('/api/v1/status', { schema: { summary: '服务状态', tags: ['status'] } }, async () => status());
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    const rows = status().rules
      .map((r) => `<tr><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.article)}</td><td><code>POST ${r.endpoint}</code></td></tr>`)
      .join('');
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>稳岗系统</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style></head>
<body><h1>稳岗系统 — 失业保险援企稳岗政策经办</h1><p>服务运行中。参数版本：<code>${escapeHtml(options.params.version)}</code>。接口文档见 <a href="/docs">/docs</a>。</p>
<table><thead><tr><th>规则</th><th>依据</th><th>接口</th></tr></thead><tbody>${rows}</tbody></table></body></html>`);
  });
}
