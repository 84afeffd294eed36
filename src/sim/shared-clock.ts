/**
 * The main job's simulated time, shared with worker processes through the store. With each tick
 * the main job saves its pace (the simulated time at a real instant, and its speed); a worker's
 * clock runs from the latest pace, so the records it writes and the timers it relays follow the
 * main job's time instead of running ahead of it. No saved pace (no main job): the system clock,
 * as `seccom submit` uses.
 */
import { eq } from 'drizzle-orm';
import type { Clock } from '../domain/clock.ts';
import type { Db } from '../store/db.ts';
import { simState } from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';

const paceKey = 'clock.pace';

interface Pace {
  /** Simulated time (ISO) at the real instant `real` (ms since the epoch). */
  sim: string;
  real: number;
  /** Simulated ms per real ms (0: the main job stopped). */
  speed: number;
}

export async function savePace(db: Db, sim: Date, speed: number): Promise<void> {
  const value: Pace = { sim: sim.toISOString(), real: Date.now(), speed };
  await db.insert(simState).values({ key: paceKey, value }).onConflictDoUpdate({ target: simState.key, set: { value } });
}

async function readPace(db: Db): Promise<Pace | undefined> {
  const [row] = await db.select().from(simState).where(eq(simState.key, paceKey));
  return row?.value as Pace | undefined;
}

export class SharedClock implements Clock {
  #pace: Pace | undefined;
  #timer: NodeJS.Timeout | undefined;

  /** A clock following the saved pace, re-read every `refreshMs`. */
  static async open(store: Store, refreshMs = 1000): Promise<SharedClock> {
    const clock = new SharedClock();
    clock.#pace = await readPace(store.db);
    clock.#timer = setInterval(() => {
      readPace(store.db).then(
        (p) => (clock.#pace = p),
        () => {}, // keep the last pace; the next refresh tries again
      );
    }, refreshMs);
    clock.#timer.unref();
    return clock;
  }

  now(): Date {
    const p = this.#pace;
    return new Date(p ? Date.parse(p.sim) + (Date.now() - p.real) * p.speed : Date.now());
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
