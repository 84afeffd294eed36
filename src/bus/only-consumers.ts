/**
 * A Bus that lets through the subscriptions of some consumers only: a process that runs some
 * stages of the pipeline on a shared bus while worker processes run the others.
 */
import type { Bus, Handler } from './bus.ts';

export class OnlyConsumers implements Bus {
  /** Every consumer that asked to subscribe, let through or not. */
  readonly offered = new Set<string>();

  constructor(
    private readonly inner: Bus,
    private readonly runsHere: (consumer: string) => boolean,
  ) {}

  subscribe(topic: string, consumer: string, handler: Handler): void {
    this.offered.add(consumer);
    if (this.runsHere(consumer)) this.inner.subscribe(topic, consumer, handler);
  }

  pump(limit?: number): Promise<number> {
    return this.inner.pump(limit);
  }

  nextDue(): Promise<Date | undefined> {
    return this.inner.nextDue();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
