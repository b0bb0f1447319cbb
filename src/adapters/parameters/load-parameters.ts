// Reads policy/parameters/*.yaml, validates every file and builds the parameter store.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  ParameterError,
  ParameterStore,
  validateParameterFile,
  type ParameterDeclaration,
  type ParameterFile,
} from '../../policy/core/parameters.ts';
import { PARAMETER_DECLARATIONS } from '../../policy/parameter-declarations.ts';

export const DEFAULT_PARAMETER_DIR = fileURLToPath(new URL('../../../policy/parameters/', import.meta.url));

/**
 * Loads and checks every parameter file against its rule's declared shapes; throws one error listing every problem,
 * each naming file and key.
 */
export function loadParameters(
  dir = DEFAULT_PARAMETER_DIR,
  declarations: ReadonlyMap<string, ParameterDeclaration> = PARAMETER_DECLARATIONS,
): ParameterStore {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort();
  const hash = createHash('sha256');
  const files: ParameterFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      problems.push(`${name}: YAML 无法解析：${(error as Error).message}`);
      continue;
    }
    const result = validateParameterFile(name, data, declarations);
    problems.push(...result.problems);
    if (result.file) {
      if (`${result.file.rule}.yaml` !== name) problems.push(`${name}: rule 字段 ${result.file.rule} 与文件名不一致`);
      files.push(result.file);
    }
  }
  if (problems.length) throw new ParameterError(`参数文件校验失败：\n${problems.join('\n')}`);
  return new ParameterStore(files, `params-${hash.digest('hex').slice(0, 12)}`);
}

let cached: ParameterStore | undefined;

/** The project's parameters, loaded once per process. */
export function projectParameters(): ParameterStore {
  cached ??= loadParameters();
  return cached;
}
