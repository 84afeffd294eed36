/**
 * The main job's simulation: seeds the world into an empty store, then submits the booking stream
 * as simulated time reaches each arrival and pumps the bus, until stopped. A restart continues:
 * the next booking is the count already submitted, and the clock resumes from its saved time.
 */
import { count, eq, like } from 'drizzle-orm';
import type { OutboxBusOptions } from '../bus/outbox-bus.ts';
import type { Clock } from '../domain/clock.ts';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.ts';
import { bookings, simState } from '../store/schema/index.ts';
import type { Store } from '../store/store.ts';
import { BookingStream } from './bookings.ts';
import { simEpoch } from './demo.ts';
import { ScaledClock } from './scaled-clock.ts';
import { savePace } from './shared-clock.ts';
import { readWorldInfo, seedWorld, type WorldInfo } from './seed.ts';
import { generateWorld } from './world.ts';

export interface LiveOptions {
  seed: string;
  people: number;
  /** Simulated seconds per real second. */
  speed: number;
  /** Real time in ms (tests pass their own). */
  realNow?: () => number;
  /** Real milliseconds between two ticks. */
  tickMs?: number;
  /** Bookings submitted per tick at most (messages delivered: eight times that), so each tick stays short and the server responsive. */
  maxPerTick?: number;
  /** Builds the pipeline (default: createPipeline); the console passes one whose human steps wait for people. */
  pipeline?: (store: Store, clock: Clock, busOptions: OutboxBusOptions) => Promise<Pipeline>;
}

export interface LiveState {
  world: WorldInfo;
  /** True when this run created and seeded the world. */
  seeded: boolean;
  clock: Clock & { speed: number };
  pipeline: Pipeline;
}

export class LiveSimulation {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #next = 0;
  #stopped = false;
  lastError: string | undefined;

  private constructor(
    private readonly store: Store,
    readonly state: LiveState,
    private readonly stream: BookingStream,
    private readonly opts: LiveOptions,
  ) {}

  static async open(store: Store, opts: LiveOptions): Promise<LiveSimulation> {
    let info = await readWorldInfo(store);
    const seeded = info === undefined;
    const world = generateWorld(info?.seed ?? opts.seed, info?.size ?? opts.people, info ? new Date(info.epoch) : simEpoch);
    if (!info) {
      await seedWorld(store, world);
      info = (await readWorldInfo(store))!;
    }
    const [saved] = await store.db.select().from(simState).where(eq(simState.key, 'clock'));
    const resumeAt = saved ? new Date(saved.value as string) : world.epoch;
    const clock = new ScaledClock(resumeAt, opts.speed, opts.realNow);
    // Small batches: each transaction holds the embedded database (and the event loop) while it runs.
    const build = opts.pipeline ?? ((s, c, busOptions) => createPipeline(s, c, { busOptions }));
    const pipeline = await build(store, clock, { batchSize: 50 });
    const stream = new BookingStream(world);
    const sim = new LiveSimulation(store, { world: info, seeded, clock, pipeline }, stream, opts);
    const prefix = stream.booking(0).tcn.replace(/\d+$/, '');
    const [done] = await store.db.select({ n: count() }).from(bookings).where(like(bookings.tcn, `${prefix}%`));
    sim.#next = Number(done!.n);
    return sim;
  }

  get nextBooking(): number {
    return this.#next;
  }

  start(): void {
    const tick = async () => {
      try {
        await this.tick();
        this.lastError = undefined;
      } catch (e) {
        // Keep running: the failed work stays in the outbox (or is resubmitted) and is retried.
        this.lastError = (e as Error).message;
      }
      if (!this.#stopped) this.#timer = setTimeout(() => (this.#running = tick()), this.opts.tickMs ?? 250);
    };
    this.#running = tick();
  }

  /** Submits the bookings whose arrival time has come, and delivers what is due. */
  async tick(): Promise<void> {
    const now = this.state.clock.now();
    const wave = [];
    for (let n = this.#next; wave.length < (this.opts.maxPerTick ?? 50) && this.stream.arrivalAt(n) <= now; n++) wave.push(this.stream.booking(n));
    if (wave.length) {
      await this.state.pipeline.submit(wave);
      this.#next += wave.length;
    }
    await this.state.pipeline.bus.pump(8 * (this.opts.maxPerTick ?? 50));
    await this.saveClock();
  }

  /** Saves the simulated time, and its pace for worker processes (speed 0 once stopped). */
  async saveClock(speed = this.state.clock.speed): Promise<void> {
    const now = this.state.clock.now();
    const value = now.toISOString();
    await this.store.db.insert(simState).values({ key: 'clock', value }).onConflictDoUpdate({ target: simState.key, set: { value } });
    await savePace(this.store.db, now, speed);
  }

  /** Stops after the tick in progress, and saves the simulated time. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    await this.state.pipeline.close();
    await this.saveClock(0);
  }
}
