// Helpers every store command shares: its clock, option parsing, refusals and output.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fixedClock, systemClock, type Clock } from '../domain/ports/clock.ts';
import { asRefusal } from '../domain/refusal.ts';
import { CliError } from './cli-error.ts';
import { settings } from '../config/settings.ts';

/** The clock of a command: WENGANG_NOW (an instant or a date, for scripted rounds and demos) or the system clock. */
export function commandClock(env: Readonly<Record<string, string | undefined>> = settings()): Clock {
  const now = env.WENGANG_NOW;
  if (!now) return systemClock;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(now) ? `${now}T09:00:00+08:00` : now;
  if (Number.isNaN(new Date(instant).getTime()))
    throw new CliError(`WENGANG_NOW 不是有效的时间：${now}`, `WENGANG_NOW is not a valid time: ${now}`);
  return fixedClock(instant);
}

/** Parses a subcommand's options; a mistake becomes a CliError. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({
      args,
      options: { ...options, json: { type: 'boolean' }, user: { type: 'string' }, role: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new CliError(`参数有误：${(error as Error).message}`, `bad arguments: ${(error as Error).message}`);
  }
}

/** Runs a subcommand, turning the workflow's refusals into CliErrors (exit code 3). */
export async function refusingAsCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal) throw new CliError(refusal.message, `refused (${refusal.code})`, 3);
    throw error;
  }
}

/** Prints the result as JSON with --json, else the Chinese text. */
export function output(json: boolean | undefined, value: unknown, text: () => string): number {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
  return 0;
}

export function requiredId(value: string | undefined, option: string): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value))
    throw new CliError(`请用 --${option} 指定编号（正整数）`, `give --${option} as a positive integer`);
  return Number(value);
}

export function requiredText(value: string | undefined, option: string, what: string): string {
  if (!value?.trim()) throw new CliError(`请用 --${option} 填写${what}`, `give --${option}`);
  return value;
}
