/**
 * The Bus carries messages that stages committed to the outbox to the consumer of their topic, at
 * least once and not before they are due. Handlers must be idempotent (claim ids with the inbox in
 * their own transaction): a crash between a handler's commit and the acknowledgement redelivers.
 *
 * Implementations: OutboxBus (embedded: the outbox table is the queue) and JetStreamBus (the outbox
 * is relayed to NATS JetStream). Both pass bus.contract.ts.
 */
import type { Message } from './message.ts';

export type Handler = (messages: Message[]) => Promise<void>;

export interface Bus {
  /** Registers the one consumer of a topic. */
  subscribe(topic: string, consumer: string, handler: Handler): void;
  /**
   * Delivers the messages due at the bus clock's now, in batches, until none is left (or, given a
   * limit, once about that many were delivered); resolves to how many were handed to handlers.
   * Messages whose handler throws are retried and parked as dead after too many failures.
   */
  pump(limit?: number): Promise<number>;
  /** When the next pending message falls due (undefined: nothing pending). */
  nextDue(): Promise<Date | undefined>;
  close(): Promise<void>;
}
