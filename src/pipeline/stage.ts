/**
 * A stage: consumes a batch of messages and, in one transaction, claims their ids in the inbox,
 * writes its records (audited) and enqueues its outgoing messages. Redelivered messages are
 * skipped, so a crash at any point loses nothing and applies nothing twice.
 */
import type { Handler } from '../bus/bus.ts';
import { claimFresh } from '../bus/inbox.ts';
import type { Message } from '../bus/message.ts';
import { enqueue } from '../bus/outbox.ts';
import type { Clock } from '../domain/clock.ts';
import type { WriteContext } from '../store/audited.ts';
import type { Db } from '../store/db.ts';
import type { Store } from '../store/store.ts';

export interface StageContext extends WriteContext {
  /** Runs fn once the stage's transaction has committed (e.g. adding an enrolment to a search gallery). */
  afterCommit(fn: () => void): void;
  /** Runs fn if the stage's transaction fails (e.g. taking back what it showed a search gallery meanwhile). */
  afterRollback(fn: () => void): void;
}

export interface Stage {
  /** Consumer name (inbox) and audit actor `stage:<name>`. */
  readonly name: string;
  readonly topics: readonly string[];
  handle(tx: Db, messages: Message[], ctx: StageContext): Promise<Message[]>;
}

export function stageHandler(store: Store, clock: Clock, stage: Stage): Handler {
  return async (messages) => {
    const committed: (() => void)[] = [];
    const rolledBack: (() => void)[] = [];
    try {
      await store.transaction(async (tx) => {
        const at = clock.now();
        const fresh = await claimFresh(tx, stage.name, messages.map((m) => m.id), at);
        const todo = messages.filter((m) => fresh.has(m.id));
        if (todo.length === 0) return;
        const ctx: StageContext = { actor: `stage:${stage.name}`, at, afterCommit: (fn) => committed.push(fn), afterRollback: (fn) => rolledBack.push(fn) };
        const out = await stage.handle(tx, todo, ctx);
        await enqueue(tx, out);
      });
    } catch (e) {
      for (const fn of rolledBack) fn();
      throw e;
    }
    for (const fn of committed) fn();
  };
}

/** A message whose id is derived from the topic and the record it is about, so it is enqueued once. */
export function message<T>(topic: string, about: string, payload: T, availableAt: Date): Message<T> {
  return { id: `${topic}:${about}`, topic, payload, availableAt };
}
