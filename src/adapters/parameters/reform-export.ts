// A reform written out as the parameter files it would change, for the normal reviewed change of policy/parameters:
// each touched file keeps its comments and layout, the changed parameter gets the reform's dated values with their
// legal basis, and the result is checked as the loader checks every file. Nothing here changes the running system's
// parameters; a reviewer compares the files (git diff --no-index) and commits them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { validateParameterFile, type DatedValue, type ParameterFile } from '../../policy/core/parameters.ts';
import { PARAMETER_DECLARATIONS } from '../../policy/parameter-declarations.ts';
import { replaceSpan, type Reform } from '../../policy/simulation/reform.ts';
import { DEFAULT_PARAMETER_DIR } from './load-parameters.ts';

export class ReformExportError extends Error {}

export interface ExportedFile {
  /** e.g. job-retention-refund.yaml */
  name: string;
  text: string;
}

export function exportReform(reform: Reform, dir = DEFAULT_PARAMETER_DIR): ExportedFile[] {
  const unsourced = reform.changes.filter((c) => !c.legalBasis).map((c) => `${c.rule}.${c.key}`);
  if (unsourced.length) throw new ReformExportError(`以下调整没有填写法律依据，不能转为参数变更：${unsourced.join('、')}`);
  const rules = [...new Set(reform.changes.map((c) => c.rule))].sort();
  return rules.map((rule) => {
    const name = `${rule}.yaml`;
    const text = readFileSync(join(dir, name), 'utf8');
    const document = parseDocument(text);
    const file = parse(text) as ParameterFile;
    for (const change of reform.changes.filter((c) => c.rule === rule)) {
      const current = file.parameters[change.key];
      if (!current) throw new ReformExportError(`${name} 中没有参数 ${change.key}`);
      const replacement: DatedValue = { from: change.from, to: change.to, value: change.value, legalBasis: change.legalBasis! };
      current.values = replaceSpan(current.values, replacement);
      document.setIn(['parameters', change.key, 'values'], document.createNode(current.values));
    }
    const out = document.toString({ lineWidth: 0 });
    const { problems } = validateParameterFile(name, parse(out), PARAMETER_DECLARATIONS);
    if (problems.length) throw new ReformExportError(`导出的参数文件校验失败：${problems.join('；')}`);
    return { name, text: out };
  });
}
