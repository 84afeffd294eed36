/**
 * Scale-out for real: the pipeline on PostgreSQL + JetStream with IDENT in two worker processes
 * (`seccom worker --stage ident`) and the other stages here. One worker is killed with SIGKILL as
 * soon as IDENT has applied something; the second half of the bookings is submitted only then, so
 * IDENT always has work left, which the other worker takes over (with anything the dead one held
 * unacknowledged, after the ack wait). No booking is lost (each ends exactly once) and nothing is
 * applied twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, count, countDistinct, eq, isNotNull } from 'drizzle-orm';
import { ManualClock } from '../../domain/clock.ts';
import { createPipeline } from '../../pipeline/pipeline.ts';
import { topics } from '../../pipeline/topics.ts';
import { BookingStream } from '../../sim/bookings.ts';
import { simEpoch } from '../../sim/demo.ts';
import { seedWorld } from '../../sim/seed.ts';
import { savePace } from '../../sim/shared-clock.ts';
import { generateWorld } from '../../sim/world.ts';
import { verifyAudit } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { openStore } from '../../store/open.ts';
import { bookingOutcomes, identResults, inbox, outbox } from '../../store/schema/index.ts';
import { OnlyConsumers } from '../only-consumers.ts';
import { parseBusUrl } from './bus-url.ts';
import { JetStreamBus } from './jetstream-bus.ts';
import { repoRoot, requireOrSkip } from '../../../test/support/env.ts';
import { deleteStream, natsAvailable, testNatsServer, testStreamName } from '../../../test/support/nats.ts';
import { createTestDatabase, postgresAvailable } from '../../../test/support/store.ts';

const bookings = 100;

function worker(storeUrl: string, busUrl: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--stage', 'ident', '--batch', '4', '--store', storeUrl, '--bus', busUrl], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      if (text.includes('seccom worker: stages ident')) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${text}`)));
  });
  ready.catch(() => {}); // awaited by the test; a worker killed in cleanup is no unhandled rejection
  return { child, output: () => text, ready };
}

async function n(q: Promise<{ n: number }[]>): Promise<number> {
  return Number((await q)[0]!.n);
}

/** IDENT requests enqueued, and how many the IDENT stage applied. */
async function identProgress(db: Db): Promise<{ asked: number; applied: number }> {
  return {
    asked: await n(db.select({ n: count() }).from(outbox).where(eq(outbox.topic, topics.identSearch))),
    applied: await n(db.select({ n: count() }).from(inbox).where(eq(inbox.consumer, 'ident'))),
  };
}

test('two IDENT worker processes, one killed mid-run: every booking ends once, nothing applied twice', async (t) => {
  if (requireOrSkip(`NATS JetStream on ${testNatsServer}`, await natsAvailable())) return t.skip('no NATS');
  if (requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable())) return t.skip('no PostgreSQL');
  const database = await createTestDatabase();
  const stream = testStreamName();
  const busUrl = `nats://${testNatsServer}?stream=${stream}&ackWait=2`;
  // The workers start (slowly: several seconds on a busy machine) while this process seeds the world.
  const workers = [worker(database.url, busUrl), worker(database.url, busUrl)];
  const store = await openStore({ url: database.url });
  // Closed in `finally` whatever fails: an open NATS connection would keep this file running until the runner's timeout.
  let closeOnFailure: (() => Promise<void>) | undefined;
  try {
    const world = generateWorld('1', 200, simEpoch);
    const arrivals = new BookingStream(world);
    const clock = new ManualClock(arrivals.arrivalAt(bookings - 1));
    // The workers follow this clock through the store (until it is saved, they run on the system clock, with nothing to do).
    await savePace(store.db, clock.now(), 0);
    await seedWorld(store, world);
    const bus = await JetStreamBus.open(store, clock, parseBusUrl(busUrl));
    closeOnFailure = () => bus.close();
    const pipeline = await createPipeline(store, clock, { bus: new OnlyConsumers(bus, (stage) => stage !== 'ident') });
    closeOnFailure = () => pipeline.close();
    await Promise.all(workers.map((w) => w.ready));
    // Two waves: how fast IDENT drains the first must not decide whether the kill comes mid-run.
    const wave = (from: number, to: number) => pipeline.submit(Array.from({ length: to - from }, (_, i) => arrivals.booking(from + i)));
    await wave(0, bookings / 2);

    let killedWith: { asked: number; applied: number } | undefined;
    const deadline = Date.now() + 120_000; // a guard against a hang, not a speed test
    for (;;) {
      assert.ok(Date.now() < deadline, `the pipeline finished in time (IDENT ${JSON.stringify(await identProgress(store.db))})`);
      await pipeline.bus.pump();
      const ident = await identProgress(store.db);
      if (!killedWith && ident.applied > 0) {
        workers[0]!.child.kill('SIGKILL');
        killedWith = ident;
        await wave(bookings / 2, bookings);
        continue;
      }
      if (ident.applied < ident.asked) {
        await sleep(100);
        continue;
      }
      // IDENT is done with what it was given: let simulated time run through the timers here.
      const due = await pipeline.bus.nextDue();
      if (!due) break;
      if (due > clock.now()) clock.set(due.getTime() + 3_600_000);
      await savePace(store.db, clock.now(), 0);
    }
    await pipeline.close();
    closeOnFailure = undefined;
    const asked = (await identProgress(store.db)).asked;
    assert.ok(killedWith && killedWith.applied < asked, `a worker was killed while IDENT had work left (${JSON.stringify(killedWith)} of ${asked})`);

    const survivor = workers[1]!;
    survivor.child.kill('SIGTERM');
    await once(survivor.child, 'exit');
    const handled = Number(/stopped after (\d+) messages/.exec(survivor.output())?.[1] ?? 0);
    assert.ok(handled > 0, `the surviving worker handled messages:\n${survivor.output()}`);

    const ident = await identProgress(store.db);
    assert.ok(ident.asked > 0);
    assert.equal(ident.applied, ident.asked, 'each IDENT request applied once');
    assert.equal(await n(store.db.select({ n: count() }).from(identResults)), ident.asked);
    const [ends] = await store.db.select({ rows: count(), distinct: countDistinct(bookingOutcomes.bookingId) }).from(bookingOutcomes);
    assert.deepEqual({ rows: Number(ends!.rows), distinct: Number(ends!.distinct) }, { rows: bookings, distinct: bookings });
    assert.equal(await n(store.db.select({ n: count() }).from(outbox).where(and(isNotNull(outbox.deadAt)))), 0, 'no dead message');
    await verifyAudit(store.db);
  } finally {
    await closeOnFailure?.();
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await store.close();
    await database.drop();
    await deleteStream(stream);
  }
});
