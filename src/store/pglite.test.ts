import { storeContract } from './store.contract.ts';
import { openTestStore } from '../../test/support/store.ts';

storeContract('PGlite (embedded)', () => openTestStore('pglite'));
