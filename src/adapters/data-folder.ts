// The data folder (WENGANG_DATA, default ./data) holds everything the system keeps on disk:
// pglite/ (the embedded database), sms.log (the local SMS sink), import-reports/ (rejected imports' error reports).
import { join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

export function dataFolder(env: Env): string {
  return env.WENGANG_DATA || './data';
}

export function dataPath(env: Env, ...parts: string[]): string {
  return join(dataFolder(env), ...parts);
}
