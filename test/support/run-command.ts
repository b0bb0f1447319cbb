// Runs a `wengang` command in process and returns its exit code and what it printed on stdout.
import { vi } from 'vitest';

export async function runCommand(
  command: (args: string[]) => Promise<number>,
  args: string[],
): Promise<{ code: number; out: string }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await command(args), out };
  } finally {
    write.mockRestore();
  }
}
