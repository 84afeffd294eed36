/**
 * The API alone, for bench/api.ts, in its own process so the load generator does not share its
 * event loop: opens the store named on the command line and prints the port it listens on.
 */
import Fastify from 'fastify';
import { ManualClock } from '../src/domain/clock.ts';
import { loadRuleBook } from '../src/policy/index.ts';
import { registerApi } from '../src/server/api.ts';
import { createContext } from '../src/server/context.ts';
import { openStore } from '../src/store/open.ts';

const [where, clockAt] = process.argv.slice(2);
const store = await openStore(where!.startsWith('postgres') ? { url: where!, poolSize: 8 } : { dataDir: where! });
const ctx = createContext({ store, clock: new ManualClock(clockAt!), book: loadRuleBook() });
const app = Fastify({ logger: false });
await registerApi(app, ctx, { console: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
