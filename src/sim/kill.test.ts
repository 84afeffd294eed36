/**
 * A real kill: the main job runs as its own process on PostgreSQL, is killed with SIGKILL while
 * bookings flow, and a restart finishes the work. Nothing is lost (every booking reaches exactly
 * one end) and nothing is applied twice (one record per hop, gapless detainer histories).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { asc, count, countDistinct, eq } from 'drizzle-orm';
import { ManualClock } from '../domain/clock.ts';
import { createPipeline } from '../pipeline/pipeline.ts';
import { verifyAudit } from '../store/audit.ts';
import { openStore } from '../store/open.ts';
import { bookingOutcomes, bookings, cjisResults, detainerEvents, detainers, sibResults, simState } from '../store/schema/index.ts';
import { repoRoot, requireOrSkip } from '../../test/support/env.ts';
import { createTestDatabase, postgresAvailable } from '../../test/support/store.ts';
import { advanceClock } from './driver.ts';

test('SIGKILL of the running main job, then a restart: no booking lost, nothing applied twice', async (t) => {
  const skip = requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable());
  if (skip) return t.skip(skip);
  const { url, drop } = await createTestDatabase();
  const store = await openStore({ url });
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start', '--store', url, '--port', '0', '--people', '200', '--speed', '20000'], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let n = 0;
    for (let i = 0; i < 600 && n < 80; i++) {
      await new Promise((r) => setTimeout(r, 200));
      n = Number((await store.db.select({ n: count() }).from(bookings))[0]!.n);
    }
    child.kill('SIGKILL');
    await exited;
    assert.ok(n >= 80, `the job submitted bookings before the kill (${n})`);

    // Restart and let simulated time run until nothing is pending.
    const [saved] = await store.db.select().from(simState).where(eq(simState.key, 'clock'));
    const clock = new ManualClock(saved ? new Date(saved.value as string) : new Date());
    const pipeline = await createPipeline(store, clock);
    await advanceClock(pipeline.bus, clock);
    await pipeline.close();

    const total = Number((await store.db.select({ n: count() }).from(bookings))[0]!.n);
    for (const table of [bookingOutcomes, sibResults, cjisResults]) {
      const [r] = await store.db.select({ rows: count(), distinct: countDistinct(table.bookingId) }).from(table);
      assert.deepEqual({ rows: Number(r!.rows), distinct: Number(r!.distinct) }, { rows: total, distinct: total });
    }
    for (const d of await store.db.select().from(detainers)) {
      const seqs = (await store.db.select().from(detainerEvents).where(eq(detainerEvents.detainerId, d.id)).orderBy(asc(detainerEvents.seq))).map((e) => e.seq);
      assert.deepEqual(seqs, Array.from({ length: d.version }, (_, i) => i + 1));
    }
    await verifyAudit(store.db);
  } finally {
    await store.close();
    await drop();
  }
});
