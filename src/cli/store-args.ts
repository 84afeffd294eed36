/** The `--data DIR` / `--store URL` options shared by every command that opens the store. */
import { openStore, storeOptionsFromArgs, defaultDataDir } from '../store/open.ts';
import type { Store } from '../store/store.ts';

export const storeArgOptions = {
  data: { type: 'string' },
  store: { type: 'string' },
} as const;

export const storeArgUsage = `  --data DIR     embedded store directory (default ${defaultDataDir})
  --store URL    use PostgreSQL instead (postgres://user@host:port/db)`;

export function openStoreFromArgs(values: { data?: string; store?: string }): Promise<Store> {
  return openStore(storeOptionsFromArgs(values));
}
