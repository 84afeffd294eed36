/**
 * Simulated time for the running main job: it starts where the previous run stopped and runs
 * `speed` times faster than real time, so a 48-hour detainer hold plays out in minutes.
 */
import type { Clock } from '../domain/clock.ts';

export class ScaledClock implements Clock {
  readonly #startReal: number;

  constructor(
    private readonly startSim: Date,
    readonly speed: number,
    private readonly realNow: () => number = () => Date.now(),
  ) {
    this.#startReal = realNow();
  }

  now(): Date {
    return new Date(this.startSim.getTime() + (this.realNow() - this.#startReal) * this.speed);
  }
}
