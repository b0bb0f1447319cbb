// `wengang generate --scale demo|city|province --seed N`: fills the store with a deterministic synthetic population.
import { parseArgs } from 'node:util';
import { populate, populationExists } from '../populate.ts';
import { withStore } from '../with-store.ts';
import { formatCount } from '../progress.ts';
import { scaleNames, type ScaleName } from '../../demo/generate/scales.ts';
import { CliError } from '../cli-error.ts';

function parseOptions(args: string[]): { scale: ScaleName; seed: number } {
  let values: { scale?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '1' } },
    }));
  } catch (error) {
    throw new CliError(`参数有误：${(error as Error).message}`, `bad arguments: ${(error as Error).message}`);
  }
  const scale = values.scale as ScaleName;
  if (!scaleNames.includes(scale)) {
    throw new CliError(
      `未知规模：${values.scale}；可选 ${scaleNames.join('、')}`,
      `unknown scale: ${values.scale}; use ${scaleNames.join(', ')}`,
    );
  }
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed ?? '') || !Number.isSafeInteger(seed)) {
    throw new CliError(`种子须为非负整数：${values.seed}`, `seed must be a non-negative integer: ${values.seed}`);
  }
  return { scale, seed };
}

export async function runGenerate(args: string[]): Promise<number> {
  const { scale, seed } = parseOptions(args);
  return withStore(async (store) => {
    if (await populationExists(store)) {
      throw new CliError(
        '数据库中已有单位数据，不能再次生成；请换用新的数据目录（WENGANG_DATA）或数据库',
        'the store already holds units; use an empty data folder or database',
        1,
      );
    }
    const { seconds, ...counts } = await populate(store, scale, seed);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stderr.write(
      `生成完成：规模 ${scale}，种子 ${seed}，单位 ${formatCount(counts.units)} 个，人员 ${formatCount(counts.persons)} 人，` +
        `共 ${formatCount(rows)} 行，用时 ${seconds.toFixed(1)} 秒\n`,
    );
    return 0;
  });
}
