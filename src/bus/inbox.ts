/**
 * The inbox: which message ids a consumer has already applied. A handler claims the ids in its own
 * transaction; only the freshly claimed ones are applied, so a redelivered message changes nothing.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import { inbox } from '../store/schema/index.ts';

export async function claimFresh(tx: Db, consumer: string, ids: string[], at: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const claimed = await tx
    .insert(inbox)
    .values(ids.map((messageId) => ({ consumer, messageId, processedAt: at })))
    .onConflictDoNothing()
    .returning({ id: inbox.messageId });
  return new Set(claimed.map((c) => c.id));
}

/** Whether the consumer has applied the message (for tests and diagnostics). */
export async function wasApplied(db: Db, consumer: string, id: string): Promise<boolean> {
  const r = await db.execute(sql`SELECT 1 FROM inbox WHERE consumer = ${consumer} AND message_id = ${id}`);
  return (r as unknown as { rows: unknown[] }).rows.length > 0;
}
