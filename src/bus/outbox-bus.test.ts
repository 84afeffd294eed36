import { busContract } from './bus.contract.ts';
import { OutboxBus } from './outbox-bus.ts';
import { openTestStore } from '../../test/support/store.ts';

busContract('OutboxBus on PGlite', async () => {
  const store = await openTestStore('pglite');
  return {
    store,
    makeBus: async (clock, faults) => new OutboxBus(store, clock, { batchSize: 2, maxAttempts: 3, ...faults }),
    close: () => store.close(),
  };
});
