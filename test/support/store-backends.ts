// The store backends the store tests run against: PGlite always; PostgreSQL when TEST_DATABASE_URL names a server
// (skipped with the reason printed when it does not, except under CI=true, where a missing server fails the suite).
//
// Usage, once per test file:
//   for (const backend of storeBackends()) describe.skipIf(backend.skipReason)(backend.name, () => {
//     beforeAll(backend.setup); afterAll(backend.teardown);
//     it('…', async () => { const store = await openStore(await backend.freshConfig()); … });
//   });

import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openStore, type Store, type StoreConfig } from '../../src/adapters/store/open-store.ts';

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  /** Set when this backend cannot run here. */
  skipReason?: string;
  /** Once per test file: prepares a migrated database. */
  setup(): Promise<void>;
  /** A migrated store with seeded regions and no other data, for one test. */
  freshConfig(): Promise<StoreConfig>;
  teardown(): Promise<void>;
  /** Opens a fresh store for one test, runs `work` on it and closes it. */
  withStore(work: (store: Store) => Promise<void>): Promise<void>;
}

/**
 * PGlite: each test gets a copy of the migrated template folder that test/support/global-setup.ts makes once per run
 * (opening a copy takes ~0.3 s, creating and migrating a new instance several seconds).
 */
function pgliteBackend(): Omit<StoreBackend, 'withStore'> {
  let root = '';
  let copies = 0;
  return {
    name: 'pglite',
    async setup() {
      root = await mkdtemp(join(tmpdir(), 'wengang-store-'));
    },
    async freshConfig() {
      if (!root) throw new Error('store test: call backend.setup (beforeAll) before opening a store');
      const dataDir = join(root, `copy-${++copies}`);
      await cp(inject('pgliteTemplate'), dataDir, { recursive: true });
      return { dataDir };
    },
    async teardown() {
      if (root) await rm(root, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** PostgreSQL: a database of its own per test file, emptied (except regions) before each test, dropped after. */
function postgresBackend(serverUrl: string): Omit<StoreBackend, 'withStore'> {
  const database = `wengang_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  return {
    name: 'postgres',
    async setup() {
      await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${database}`));
      await (await openStore({ databaseUrl })).close();
    },
    async freshConfig() {
      await withClient(databaseUrl, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          `SELECT quote_ident(tablename) AS name FROM pg_tables
           WHERE schemaname = current_schema() AND tablename NOT IN ('regions', 'schema_migrations')`,
        );
        await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY`);
      });
      return { databaseUrl };
    },
    async teardown() {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}

function missingPostgres(env: NodeJS.ProcessEnv): Omit<StoreBackend, 'withStore'> {
  const reason = 'TEST_DATABASE_URL is not set';
  const fail = async (): Promise<never> => {
    throw new Error(`${reason}: under CI the store tests must also run on PostgreSQL`);
  };
  if (env.CI === 'true') return { name: 'postgres', setup: fail, freshConfig: fail, teardown: async () => {} };
  console.warn(`store tests: PostgreSQL variant skipped (${reason})`);
  return { name: 'postgres', skipReason: reason, setup: fail, freshConfig: fail, teardown: async () => {} };
}

function withStoreOf(backend: Omit<StoreBackend, 'withStore'>): StoreBackend {
  return {
    ...backend,
    async withStore(work) {
      const store = await openStore(await backend.freshConfig());
      try {
        await work(store);
      } finally {
        await store.close();
      }
    },
  };
}

export function storeBackends(env: NodeJS.ProcessEnv = process.env): StoreBackend[] {
  const serverUrl = env.TEST_DATABASE_URL;
  return [pgliteBackend(), serverUrl ? postgresBackend(serverUrl) : missingPostgres(env)].map(withStoreOf);
}

/**
 * For commands that open the store from the environment: the environment that reaches this test store
 * (DATABASE_URL for PostgreSQL; for PGlite the store moves into a data folder's pglite/ and WENGANG_DATA names it).
 */
export async function commandEnvFor(config: StoreConfig): Promise<{ DATABASE_URL: string; WENGANG_DATA: string }> {
  if ('databaseUrl' in config) return { DATABASE_URL: config.databaseUrl, WENGANG_DATA: '' };
  const folder = `${config.dataDir}-data`;
  await mkdir(folder, { recursive: true });
  await rename(config.dataDir, join(folder, 'pglite'));
  return { DATABASE_URL: '', WENGANG_DATA: folder };
}

/**
 * Sets the backend up around the enclosing suite together with a temporary folder for its files (removed afterwards);
 * returns the folder's path, known once the suite has started.
 */
export function suiteWithFolder(backend: StoreBackend, prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    await backend.setup();
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await backend.teardown();
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
