/**
 * The write side of the transactional outbox: a stage enqueues its outgoing messages in the same
 * transaction as its records, so both commit or neither does. A message whose id is already in the
 * outbox is not enqueued twice.
 */
import { and, asc, eq, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import { outbox } from '../store/schema/index.ts';
import type { Message } from './message.ts';

const chunk = 5000;

export async function enqueue(tx: Db, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += chunk) {
    const values = messages.slice(i, i + chunk).map((m) => ({ id: m.id, topic: m.topic, payload: m.payload, availableAt: m.availableAt }));
    await tx.insert(outbox).values(values).onConflictDoNothing({ target: outbox.id });
  }
}

const pending = and(isNull(outbox.publishedAt), isNull(outbox.deadAt));

/** Due, unpublished messages of the given topics (undefined: of every topic), oldest first. */
export async function duePending(db: Db, topics: string[] | undefined, now: Date, limit: number): Promise<Message[]> {
  const found = await db
    .select({ id: outbox.id, topic: outbox.topic, payload: outbox.payload, availableAt: outbox.availableAt })
    .from(outbox)
    .where(and(pending, topics && inArray(outbox.topic, topics), lte(outbox.availableAt, now)))
    .orderBy(asc(outbox.availableAt), asc(outbox.seq))
    .limit(limit);
  return found;
}

export async function markPublished(db: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length) await db.update(outbox).set({ publishedAt: at }).where(inArray(outbox.id, ids));
}

/** Counts a failed delivery; at maxAttempts the message is parked as dead (kept and counted, never dropped). */
export async function markFailed(db: Db, id: string, error: string, at: Date, maxAttempts: number): Promise<void> {
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 2000),
      deadAt: sql`CASE WHEN ${outbox.attempts} + 1 >= ${maxAttempts} THEN ${at.toISOString()}::timestamptz ELSE NULL END`,
    })
    .where(eq(outbox.id, id));
}

/**
 * Records a failed delivery counted elsewhere (JetStream counts deliveries): its attempts so far,
 * and, when `deadAt` is given, parks it as dead.
 */
export async function recordFailure(db: Db, id: string, failure: { error: string; attempts: number; deadAt?: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({ attempts: failure.attempts, lastError: failure.error.slice(0, 2000), deadAt: failure.deadAt ?? null })
    .where(eq(outbox.id, id));
}

/** The earliest time a pending message becomes due, or undefined when nothing is pending. */
export async function nextDue(db: Db, topics: string[]): Promise<Date | undefined> {
  const [row] = await db.select({ at: min(outbox.availableAt) }).from(outbox).where(and(pending, inArray(outbox.topic, topics)));
  return row?.at ?? undefined;
}
