#!/usr/bin/env node
// The `wengang` command. It starts from the compiled bundle (`npm run build:cli`, dist/cli/compiled) when that is
// newer than every source file, and otherwise runs the TypeScript sources through tsx, so no build step is needed
// and a stale bundle is never run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/compiled/wengang.mjs', import.meta.url);
const sources = fileURLToPath(new URL('../src/', import.meta.url));

function compiledIsCurrent() {
  if (!existsSync(compiled)) return false;
  const built = statSync(compiled).mtimeMs;
  return readdirSync(sources, { recursive: true }).every((file) => statSync(sources + file).mtimeMs <= built);
}

if (compiledIsCurrent()) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
