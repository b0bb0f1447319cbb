// Waiting on a condition with a deadline, instead of a fixed sleep or a fixed number of polls.

/**
 * Calls `check` until it returns something other than undefined and returns that; fails after `timeoutMs`, naming
 * what it waited for. Between calls it yields for `intervalMs` so the work it waits on can progress.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 60_000, intervalMs = 20 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`等待超时（${timeoutMs} ms）：${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Settles with the promise, or with `undefined` once `ms` have passed and it has not. */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}
