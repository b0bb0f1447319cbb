import { describe, expect, it } from 'vitest';
import { storeConfigFromEnv } from '../../../src/adapters/store/open-store.ts';

describe('storeConfigFromEnv', () => {
  it('uses PostgreSQL when DATABASE_URL is set, whatever WENGANG_DATA says', () => {
    expect(storeConfigFromEnv({ DATABASE_URL: 'postgres://db/wengang', WENGANG_DATA: '/srv/data' })).toEqual({
      databaseUrl: 'postgres://db/wengang',
    });
  });

  it('uses PGlite in the data folder (WENGANG_DATA, or ./data when it is not set)', () => {
    expect(storeConfigFromEnv({ WENGANG_DATA: '/srv/wengang' })).toEqual({ dataDir: '/srv/wengang/pglite' });
    expect(storeConfigFromEnv({})).toEqual({ dataDir: 'data/pglite' });
    expect(storeConfigFromEnv({ DATABASE_URL: '', WENGANG_DATA: '' })).toEqual({ dataDir: 'data/pglite' });
  });
});
