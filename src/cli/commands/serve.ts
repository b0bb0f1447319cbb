// `wengang serve`: the HTTP API (and, as later issues add them, the console) on PORT.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildServer } from '../../server/app.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';

export async function runServe(): Promise<number> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = resolve(process.env.WENGANG_DATA ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const app = await buildServer({ params: projectParameters(), logger: true });
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  process.stdout.write(`稳岗系统已启动：http://localhost:${port}/ （接口文档 /docs，数据目录 ${dataDir}）\n`);
  await new Promise<void>((done) => {
    const stop = () => void app.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
