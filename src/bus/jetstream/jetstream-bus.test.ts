import { busContract, type BusFixture } from '../bus.contract.ts';
import type { Store } from '../../store/store.ts';
import { JetStreamBus } from './jetstream-bus.ts';
import { requireOrSkip } from '../../../test/support/env.ts';
import { deleteStream, natsAvailable, testNatsServer, testStreamName } from '../../../test/support/nats.ts';
import { openTestStore, postgresAvailable } from '../../../test/support/store.ts';

/** One stream per fixture; a short ack wait so the crash tests see their redelivery within a second. */
async function fixture(kind: 'postgres' | 'pglite'): Promise<BusFixture | undefined> {
  if (requireOrSkip(`NATS JetStream on ${testNatsServer}`, await natsAvailable())) return undefined;
  if (kind === 'postgres' && requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable())) return undefined;
  const store: Store = await openTestStore(kind);
  const target = { servers: testNatsServer, stream: testStreamName(), ackWaitMs: 1000 };
  return {
    store,
    makeBus: async (clock, faults) => JetStreamBus.open(store, clock, target, { batchSize: 2, maxAttempts: 3, pollMs: 50, ...faults }),
    close: async () => {
      await deleteStream(target.stream);
      await store.close();
    },
  };
}

busContract('JetStreamBus, store on PostgreSQL', () => fixture('postgres'));
busContract('JetStreamBus, store on PGlite', () => fixture('pglite'));
