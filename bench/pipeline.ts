/**
 * `npm run bench:pipeline [-- --bookings N --seed S]`: the demo workload (a fresh in-memory store,
 * a 1,000-person world, N bookings end to end in simulated time) with its figures: total time as
 * `seccom demo` spends it, pipeline throughput in bookings/s, and the booking-to-final-state
 * latency (wall time from a booking's submission to the pump in which its outcome was written;
 * the driver skips simulated waiting, so a 48-hour hold costs only the work done meanwhile).
 */
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import type { Bus } from '../src/bus/bus.ts';
import { ManualClock } from '../src/domain/clock.ts';
import { createPipeline } from '../src/pipeline/pipeline.ts';
import { pipelineCounts } from '../src/pipeline/counts.ts';
import { BookingStream } from '../src/sim/bookings.ts';
import { defaultWorldSize, simEpoch } from '../src/sim/demo.ts';
import { SimDriver } from '../src/sim/driver.ts';
import { seedWorld } from '../src/sim/seed.ts';
import { generateWorld } from '../src/sim/world.ts';
import { verifyAudit } from '../src/store/audit.ts';
import { openStore } from '../src/store/open.ts';
import { bookingOutcomes, bookings } from '../src/store/schema/index.ts';
import { machineSummary } from './machine.ts';

const { values } = parseArgs({ options: { bookings: { type: 'string' }, seed: { type: 'string' } } });
const n = Number(values.bookings ?? 1000);
const seed = values.seed ?? '1';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const store = await openStore({ memory: true });
const tOpen = performance.now();
const world = generateWorld(seed, defaultWorldSize, simEpoch);
await seedWorld(store, world);
const tSeed = performance.now();

const clock = new ManualClock(simEpoch);
const pipeline = await createPipeline(store, clock);
// After each pump, note how far simulated time had got and when (wall time).
const pumps: { sim: number; wall: number }[] = [];
const inner = pipeline.bus;
const bus: Bus = {
  subscribe: (...a) => inner.subscribe(...a),
  nextDue: () => inner.nextDue(),
  close: () => inner.close(),
  async pump(limit) {
    const r = await inner.pump(limit);
    pumps.push({ sim: clock.now().getTime(), wall: performance.now() });
    return r;
  },
};
const submittedAt = new Map<number, number>();
const stream = new BookingStream(world);
const driver = new SimDriver({ ...pipeline, bus }, clock, stream);
let lastWave = 0;
const tRun = performance.now();
await driver.run(0, n, {
  onWave: (upTo) => {
    // The wave was submitted right after the previous pump ended.
    const wall = pumps[pumps.length - 2]?.wall ?? tRun;
    for (let i = lastWave; i < upTo; i++) submittedAt.set(i, wall);
    lastWave = upTo;
  },
});
await driver.drain();
const tDone = performance.now();
const counts = await pipelineCounts(store.db);
const audit = await verifyAudit(store.db);
const tEnd = performance.now();
const cpu = process.cpuUsage(cpu0);

// Latency: each outcome's simulated time → the first pump that had reached it.
const tcnIndex = new Map((await store.db.select({ id: bookings.id, tcn: bookings.tcn }).from(bookings)).map((b) => [b.id, Number(b.tcn.split('-').pop())]));
const latencies: number[] = [];
for (const o of await store.db.select().from(bookingOutcomes).orderBy(asc(bookingOutcomes.at))) {
  const pump = pumps.find((p) => p.sim >= o.at.getTime())!;
  const submitted = submittedAt.get(tcnIndex.get(o.bookingId)!)!;
  latencies.push(Math.max(0, pump.wall - submitted));
}
latencies.sort((a, b) => a - b);
await store.close();

const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(machineSummary());
console.log(`bench:pipeline  ${n} bookings, seed ${seed}, world of ${defaultWorldSize} people, embedded PGlite in memory`);
console.log(`  total (as seccom demo)     ${s(tEnd - t0)} s   (open store ${s(tOpen - t0)} s, seed world ${s(tSeed - tOpen)} s, pipeline ${s(tDone - tRun)} s, verify ${s(tEnd - tDone)} s)`);
console.log(`  CPU time                   ${s((cpu.user + cpu.system) / 1000)} s (user ${s(cpu.user / 1000)} s)`);
console.log(`  throughput                 ${(n / ((tDone - tRun) / 1000)).toFixed(1)} bookings/s through the whole pipeline`);
console.log(`  booking-to-final latency   p50 ${s(percentile(latencies, 50))} s, p99 ${s(percentile(latencies, 99))} s, max ${s(latencies[latencies.length - 1]!)} s (${latencies.length} bookings ended)`);
console.log(`  totals                     ${JSON.stringify(counts)}; audit chain verified: ${audit.entries} entries`);
