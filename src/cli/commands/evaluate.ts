// `wengang evaluate <rule> [--file F]`: the evaluation contract on the command line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rules } from '../../policy/index.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { ContractError, evaluateBody, parseContractJson } from '../../services/evaluate.ts';
import { CliError } from '../cli-error.ts';
import { writeJsonArray } from '../write-json.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runEvaluate(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { file: { type: 'string' } } });
  const name = positionals[0];
  const rule = name ? rules.get(name) : undefined;
  if (!rule) {
    const known = [...rules.keys()].join(', ');
    throw new CliError(
      `未知规则：${name ?? '（未指定）'}；可用规则：${known}`,
      `unknown rule: ${name ?? '(none)'}; rules: ${known}`,
    );
  }
  let text: string;
  try {
    text = values.file ? readFileSync(values.file, 'utf8') : await readStdin();
  } catch (error) {
    throw new CliError(`无法读取输入文件：${(error as Error).message}`, `cannot read input: ${(error as Error).message}`);
  }
  try {
    const results = evaluateBody(rule, parseContractJson(text), projectParameters());
    await writeJsonArray(process.stdout, results);
    return 0;
  } catch (error) {
    if (error instanceof ContractError) throw new CliError(error.zh, error.en, 2);
    throw error;
  }
}
