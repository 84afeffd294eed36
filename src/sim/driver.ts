/**
 * Runs synthetic bookings through the pipeline in simulated time (a ManualClock): bookings arrive
 * in waves; between waves, and after the last one, the clock jumps from one due timer to the next
 * (release times, detainer clocks, ICE arrivals), so 48-hour holds take no real time.
 */
import type { Bus } from '../bus/bus.ts';
import type { ManualClock } from '../domain/clock.ts';
import type { Pipeline } from '../pipeline/pipeline.ts';
import type { BookingStream } from './bookings.ts';

export interface DriveOptions {
  /** Bookings submitted together (one intake transaction). */
  waveSize?: number;
  /** Called after each wave's pump with the bookings submitted so far. */
  onWave?: (submitted: number) => void | Promise<void>;
}

/**
 * Moves the clock through the timers due up to `until` (all of them when undefined), delivering
 * as it goes. The clock moves in steps of at most `step` past the next due timer, so timers close
 * together are handled in one batch (stages take timer effects at each message's own due time).
 */
export async function advanceClock(bus: Bus, clock: ManualClock, until?: Date, step = 3_600_000): Promise<void> {
  await bus.pump();
  for (let due = await bus.nextDue(); due && (!until || due <= until); due = await bus.nextDue()) {
    const next = new Date(Math.min(due.getTime() + step, until?.getTime() ?? Infinity));
    if (next > clock.now()) clock.set(next);
    await bus.pump();
  }
  if (until && until > clock.now()) clock.set(until);
}

export class SimDriver {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly clock: ManualClock,
    private readonly stream: BookingStream,
  ) {}

  advanceTo(until?: Date): Promise<void> {
    return advanceClock(this.pipeline.bus, this.clock, until);
  }

  /** Submits bookings [from, to) wave by wave, delivering everything due as simulated time passes. */
  async run(from: number, to: number, opts: DriveOptions = {}): Promise<void> {
    const waveSize = opts.waveSize ?? 50;
    for (let start = from; start < to; start += waveSize) {
      const end = Math.min(to, start + waveSize);
      await this.advanceTo(this.stream.arrivalAt(end - 1));
      const wave = [];
      for (let n = start; n < end; n++) wave.push(this.stream.booking(n));
      await this.pipeline.submit(wave);
      await this.pipeline.bus.pump();
      await opts.onWave?.(end);
    }
  }

  /** Lets simulated time run until no message is pending. */
  drain(): Promise<void> {
    return this.advanceTo();
  }
}
