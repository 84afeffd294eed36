/** Small durable key/value state of the running simulation (its clock, its next booking), so a restart continues. */
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';

export const simState = pgTable('sim_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
