// Once per test run: a migrated PGlite data folder that store tests copy instead of creating and migrating their own
// (creating a PGlite instance takes seconds; copying a folder well under one).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../src/adapters/store/open-store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

let root = '';

export async function setup(project: TestProject): Promise<void> {
  root = await mkdtemp(join(tmpdir(), 'wengang-template-'));
  const dataDir = join(root, 'template');
  await (await openStore({ dataDir })).close();
  project.provide('pgliteTemplate', dataDir);
}

export async function teardown(): Promise<void> {
  if (root) await rm(root, { recursive: true, force: true });
}
