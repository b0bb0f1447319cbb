// Opens the store the environment names (DATABASE_URL, else PGlite in WENGANG_DATA or ./data) for one command.
import { openStore, storeConfigFromEnv, type Store } from '../adapters/store/open-store.ts';
import { settings } from '../config/settings.ts';

export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfigFromEnv(settings()));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
