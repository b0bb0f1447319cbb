// Opens the store the environment names (DATABASE_URL, else PGlite in WENGANG_DATA or ./data) for one command.
import { openStore, storeConfigFromEnv, type Store } from '../adapters/store/open-store.ts';

export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfigFromEnv(process.env));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
