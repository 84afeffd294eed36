import { storeContract } from './store.contract.ts';
import { openTestStore, postgresAvailable } from '../../test/support/store.ts';
import { requireOrSkip } from '../../test/support/env.ts';

storeContract('PostgreSQL', async () => {
  if (requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable())) return undefined;
  return openTestStore('postgres');
});
