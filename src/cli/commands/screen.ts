// `wengang screen --round 2024 [--as-of D] [--region CODE] [--resume RUN_ID] [--chunk-size N] [--user NAME] [--json]`: screens every insured unit of
// a round (or of one region) for the 免申即享 refund, with a progress line on stderr; prints the run's summary.
import { parseArgs } from 'node:util';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { isValidDate } from '../../policy/core/dates.ts';
import { systemClock } from '../../domain/ports/clock.ts';
import { asRefusal } from '../../domain/refusal.ts';
import { runSummary } from '../../services/screening/run-summary.ts';
import { resumeScreeningRun, startScreeningRun, type ScreeningProgress } from '../../services/screening/screening-run.ts';
import { CliError } from '../cli-error.ts';
import { withStore } from '../with-store.ts';
import { printSummary } from './runs.ts';

const formatCount = (n: number) => n.toLocaleString('en-US');

/** `筛查 12,000 / 50,000 (24%)，每秒 8,123 个单位`: rewritten in place on a terminal, every 10% otherwise. */
function progressLine(out: NodeJS.WriteStream): (p: ScreeningProgress) => void {
  let lastTenth = -1;
  return ({ done, total, unitsPerSecond }) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
    const line = `筛查 ${formatCount(done)} / ${formatCount(total)} (${percent}%)，每秒 ${formatCount(Math.round(unitsPerSecond))} 个单位`;
    if (out.isTTY) {
      out.write(`\r${line}\x1b[K${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    out.write(`${line}\n`);
  };
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        round: { type: 'string' },
        'as-of': { type: 'string' },
        region: { type: 'string' },
        resume: { type: 'string' },
        'chunk-size': { type: 'string' },
        user: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new CliError(`参数有误：${(error as Error).message}`, `bad arguments: ${(error as Error).message}`);
  }
}

export async function runScreen(args: string[]): Promise<number> {
  const values = parseOptions(args);
  if (!values.resume && !values.round)
    throw new CliError('请用 --round 指定年度（如 --round 2024），或用 --resume 续跑', 'give --round YEAR or --resume RUN_ID');
  if (values['as-of'] && !isValidDate(values['as-of']))
    throw new CliError(`筛查日期须为 YYYY-MM-DD：${values['as-of']}`, `--as-of must be YYYY-MM-DD`);
  const resumeId = values.resume === undefined ? undefined : Number(values.resume);
  if (resumeId !== undefined && !Number.isSafeInteger(resumeId))
    throw new CliError(`批次号须为整数：${values.resume}`, 'run id must be an integer');
  const chunkSize = values['chunk-size'] === undefined ? undefined : Number(values['chunk-size']);
  if (chunkSize !== undefined && !(Number.isSafeInteger(chunkSize) && chunkSize > 0))
    throw new CliError(`每批单位数须为正整数：${values['chunk-size']}`, '--chunk-size must be a positive integer');
  const options = { clock: systemClock, params: projectParameters(), chunkSize, onProgress: progressLine(process.stderr) };
  return withStore(async (store) => {
    try {
      const outcome =
        resumeId !== undefined
          ? await resumeScreeningRun(store, resumeId, options)
          : await startScreeningRun(store, {
              ...options,
              round: values.round!,
              asOf: values['as-of'],
              region: values.region,
              createdBy: values.user,
            });
      const summary = await runSummary(store.db, outcome.runId);
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ...outcome, summary }, null, 2)}\n`);
      } else {
        process.stdout.write(
          `筛查批次 #${outcome.runId} 完成：${formatCount(outcome.processedUnits)} 个单位，用时 ${outcome.seconds.toFixed(1)} 秒；` +
            `新建案件 ${formatCount(outcome.casesOpened)} 件，重新筛查变更 ${formatCount(outcome.casesRescreened)} 件\n`,
        );
        printSummary(summary);
      }
      return 0;
    } catch (error) {
      const refusal = asRefusal(error);
      if (refusal) throw new CliError(refusal.message, 'screening failed (see the Chinese message)');
      throw error;
    }
  });
}
