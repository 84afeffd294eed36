import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../server/app.ts';
import { statusRoutes } from '../server/status.ts';
import type { Store } from '../store/store.ts';
import { openTestStore } from '../../test/support/store.ts';
import { bookingIntervalMs } from './bookings.ts';
import { simEpoch } from './demo.ts';
import { LiveSimulation } from './live.ts';

let store: Store;
before(async () => {
  store = await openTestStore('pglite');
});
after(() => store?.close());

test('the main job seeds once, submits bookings as simulated time passes, serves its status, and a restart continues', async () => {
  let real = 0;
  const opts = { seed: 'live', people: 150, speed: 3600, maxPerTick: 500, realNow: () => real };
  const first = await LiveSimulation.open(store, opts);
  assert.equal(first.state.seeded, true);
  assert.deepEqual(first.state.world, { seed: 'live', size: 150, epoch: simEpoch.toISOString() });

  real = 2000; // two simulated hours
  await first.tick();
  const due = Math.floor((2 * 3_600_000) / bookingIntervalMs) + 1;
  assert.equal(first.nextBooking, due);

  const app = await createApp([statusRoutes({ store, clock: first.state.clock, describe: () => ({ nextBooking: first.nextBooking }) })]);
  const json = (await app.inject({ method: 'GET', url: '/api/status' })).json();
  assert.equal(json.counts.bookings, due);
  assert.equal(json.nextBooking, due);
  assert.equal(json.clock, new Date(simEpoch.getTime() + 2 * 3_600_000).toISOString());
  assert.ok(json.counts.sibForwarded > 0 && json.counts.auditEntries > 0);
  const page = await app.inject({ method: 'GET', url: '/status' });
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /fetch\('\/api\/status'\)/);
  await app.close();
  await first.stop();

  real = 0; // a new process: its own real clock starts again, the simulated one resumes
  const again = await LiveSimulation.open(store, { ...opts, seed: 'ignored once seeded' });
  assert.equal(again.state.seeded, false);
  assert.equal(again.state.world.seed, 'live');
  assert.equal(again.nextBooking, due);
  assert.equal(again.state.clock.now().toISOString(), json.clock);
  real = 1000;
  await again.tick();
  assert.equal(again.nextBooking, Math.floor((3 * 3_600_000) / bookingIntervalMs) + 1);
  await again.stop();
});
