/**
 * `npm run bench:bus [-- --messages N --batch B]`: messages/s through each Bus with the store on
 * PostgreSQL: OutboxBus (the outbox table is the queue) and JetStreamBus (the outbox relayed to
 * NATS JetStream on 127.0.0.1:4222). N messages go through a chain of three hops; each handler
 * claims its ids in the inbox and enqueues the next hop in one transaction, as a stage does,
 * without a stage's own work, so the figures are the bus's cost per message.
 */
import { parseArgs } from 'node:util';
import { cpuUsage } from 'node:process';
import { loadavg } from 'node:os';
import { ManualClock } from '../src/domain/clock.ts';
import type { Bus } from '../src/bus/bus.ts';
import { claimFresh } from '../src/bus/inbox.ts';
import type { Message } from '../src/bus/message.ts';
import { enqueue } from '../src/bus/outbox.ts';
import { OutboxBus } from '../src/bus/outbox-bus.ts';
import { JetStreamBus } from '../src/bus/jetstream/jetstream-bus.ts';
import type { Store } from '../src/store/store.ts';
import { deleteStream, natsAvailable, testNatsServer, testStreamName } from '../test/support/nats.ts';
import { openTestStore, postgresAvailable } from '../test/support/store.ts';
import { machineSummary } from './machine.ts';

const { values } = parseArgs({ options: { messages: { type: 'string' }, batch: { type: 'string' } } });
const n = Number(values.messages ?? 5000);
const batchSize = Number(values.batch ?? 250);
const hops = 3;
const t0 = new Date('2012-04-02T06:00:00Z');

function subscribeChain(bus: Bus, store: Store): void {
  for (let hop = 0; hop < hops; hop++) {
    bus.subscribe(`bench.hop${hop}`, `hop${hop}`, async (messages: Message[]) => {
      await store.transaction(async (tx) => {
        const fresh = await claimFresh(tx, `hop${hop}`, messages.map((m) => m.id), t0);
        if (hop + 1 === hops) return;
        const next = messages.filter((m) => fresh.has(m.id)).map((m) => ({ ...m, id: `${m.id}>`, topic: `bench.hop${hop + 1}` }));
        await enqueue(tx, next);
      });
    });
  }
}

async function run(label: string, makeBus: (store: Store) => Promise<Bus>, cleanup = async () => {}): Promise<void> {
  const store = await openTestStore('postgres');
  try {
    await store.transaction((tx) => enqueue(tx, Array.from({ length: n }, (_, i) => ({ id: `m${i}`, topic: 'bench.hop0', payload: { i }, availableAt: t0 }))));
    const bus = await makeBus(store);
    subscribeChain(bus, store);
    const cpu = cpuUsage();
    const started = performance.now();
    let delivered = 0;
    for (let got = await bus.pump(); got > 0; got = await bus.pump()) delivered += got;
    const seconds = (performance.now() - started) / 1000;
    const used = cpuUsage(cpu);
    await bus.close();
    if (delivered !== n * hops) throw new Error(`${label}: delivered ${delivered}, expected ${n * hops}`);
    const cpuS = (used.user + used.system) / 1e6;
    console.log(`  ${label.padEnd(26)} ${(delivered / seconds).toFixed(0).padStart(6)} messages/s   (${delivered} in ${seconds.toFixed(2)} s, this process's CPU ${cpuS.toFixed(2)} s)`);
  } finally {
    await store.close();
    await cleanup();
  }
}

if (!(await postgresAvailable())) throw new Error('bench:bus needs PostgreSQL on 127.0.0.1:5432');
console.log(machineSummary());
console.log(`bench:bus  ${n} messages x ${hops} hops, batch ${batchSize}, store PostgreSQL, load average ${loadavg()[0]!.toFixed(1)}`);
const clock = new ManualClock(t0);
await run('OutboxBus', async (store) => new OutboxBus(store, clock, { batchSize }));
if (await natsAvailable()) {
  const stream = testStreamName();
  await run(
    'JetStreamBus',
    (store) => JetStreamBus.open(store, clock, { servers: testNatsServer, stream, ackWaitMs: 30_000 }, { batchSize }),
    () => deleteStream(stream),
  );
} else console.log(`  JetStreamBus: no NATS JetStream on ${testNatsServer}`);
