// What every benchmark shares: resident-memory sampling, a table on stdout, and bench/results/<name>.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The peak resident memory of a process (this one by default): VmHWM from /proc, which the kernel keeps for us. */
export function peakRssMiB(pid: number | 'self' = 'self'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export function machine() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((l) => +l.toFixed(2)),
  };
}

export function report(name: string, rows: readonly Record<string, unknown>[], extra: Record<string, unknown> = {}): void {
  console.table(rows);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${name}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ ...machine(), measuredAt: new Date().toISOString(), ...extra, results: rows }, null, 2)}\n`,
  );
  console.log(`→ ${file}`);
}
