/**
 * The transactional outbox (messages written in the same transaction as the records they follow
 * from) and the inbox (message ids each consumer has already applied, for idempotent handlers).
 */
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const outbox = pgTable(
  'outbox',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** Idempotency key: the same logical message always has the same id. */
    id: text('id').notNull().unique(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    /** Not delivered before this time (timers such as the detainer clock). */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull(),
    /** Set once the bus has taken the message on (embedded: once its consumer applied it). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Set when the message failed too often; kept, counted and shown, never dropped. */
    deadAt: timestamp('dead_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.publishedAt, t.availableAt, t.seq)],
);

export const inbox = pgTable(
  'inbox',
  {
    consumer: text('consumer').notNull(),
    messageId: text('message_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.messageId] })],
);
