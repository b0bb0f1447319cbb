// The browser pages (staff console at /, enterprise portal /unit, person portal /person, public notice page /gongshi)
// served from the built web app in web/dist: files by path, and index.html for every other page path so the
// single-page app can route it. /api and /docs are never answered here.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** web/dist of this repository, where `npm run build:web` writes the app. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

/** Paths that belong to the API, its documentation or files: a missing one is a 404, never the app. */
function notAPage(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path.startsWith('/docs') || /\.[A-Za-z0-9]+$/.test(path);
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>稳岗系统</title></head>
<body><h1>网页尚未构建</h1><p>请先运行 <code>npm run build:web</code>，再重新启动服务。接口仍可使用，文档见 <a href="/docs">/docs</a>。</p></body></html>`;

export async function webRoutes(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? WEB_DIST;
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      serve: false,
      setHeaders: (reply, path) => {
        // Built assets carry a content hash in their names; index.html must always be fetched again.
        reply.header(
          'cache-control',
          path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const asset = path.startsWith('/assets/') || path === '/favicon.svg';
    if (asset && built) return reply.sendFile(decodeURIComponent(path.slice(1)));
    if (asset || notAPage(path)) return reply.callNotFound();
    return built ? reply.sendFile('index.html') : reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  });
}
