/** Jurisdictions (county jails) and their dated Secure Communities activation history. */
import { boolean, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const jurisdictions = pgTable('jurisdictions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  state: text('state').notNull(),
  /** Originating agency identifier of the jail (9 characters). */
  ori: text('ori').notNull().unique(),
  /** The local rule set the jail answers detainers under (a policy id). */
  rulesetId: text('ruleset_id').notNull(),
});

/** Every change of activation is a new dated row; the row in force at a date decides. */
export const jurisdictionActivations = pgTable(
  'jurisdiction_activations',
  {
    jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    activated: boolean('activated').notNull(),
    /**
     * The jurisdiction asked not to share prints with DHS (opt-out request). Whether the request
     * has effect is the federal opt-out policy's answer (policies/federal.policy, src/pipeline/participation.ts).
     */
    optOutRequested: boolean('opt_out_requested').notNull(),
    note: text('note').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.effectiveFrom] })],
);
