/** One demo run: a fresh world in a store, N bookings end to end in simulated time, and the totals. */
import { ManualClock } from '../domain/clock.ts';
import { verifyAudit } from '../store/audit.ts';
import type { Store } from '../store/store.ts';
import { pipelineCounts, type PipelineCounts } from '../pipeline/counts.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import { BookingStream } from './bookings.ts';
import { SimDriver, type DriveOptions } from './driver.ts';
import { seedWorld } from './seed.ts';
import { generateWorld } from './world.ts';

/** Simulated start of every run: a Monday in 2012, when some jurisdictions were not yet activated. */
export const simEpoch = new Date('2012-04-02T06:00:00Z');
export const defaultWorldSize = 1000;

export interface DemoResult extends PipelineCounts {
  auditVerified: boolean;
}

export async function runDemo(
  store: Store,
  opts: { bookings: number; seed: string; people?: number; drive?: DriveOptions },
): Promise<DemoResult> {
  const world = generateWorld(opts.seed, opts.people ?? defaultWorldSize, simEpoch);
  await seedWorld(store, world);
  const clock = new ManualClock(simEpoch);
  const pipeline = await createPipeline(store, clock);
  const driver = new SimDriver(pipeline, clock, new BookingStream(world));
  await driver.run(0, opts.bookings, opts.drive);
  await driver.drain();
  await pipeline.close();
  const { notifications, transfers, citizenshipClaims, escalations, ...counts } = await pipelineCounts(store.db);
  const verified = await verifyAudit(store.db);
  // The figures added after the first contract come last, so the original keys keep their order.
  return { ...counts, auditVerified: verified.entries === counts.auditEntries, notifications, transfers, citizenshipClaims, escalations };
}
