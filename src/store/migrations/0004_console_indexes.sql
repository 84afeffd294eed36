-- Indexes for the console's keyset-paged lists and searches (src/store/queries/), so that no list
-- query scans a whole table: newest bookings overall and per county, search by booking number,
-- name prefix, SID and FIN, the step joins, and the audit viewer's filter by actor.
CREATE INDEX "bookings_submitted_idx" ON "bookings" USING btree ("submitted_at" DESC, "id" DESC);--> statement-breakpoint
CREATE INDEX "bookings_jurisdiction_submitted_idx" ON "bookings" USING btree ("jurisdiction_id", "submitted_at" DESC, "id" DESC);--> statement-breakpoint
CREATE INDEX "bookings_booking_number_idx" ON "bookings" USING btree ("booking_number");--> statement-breakpoint
CREATE INDEX "bookings_family_name_idx" ON "bookings" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sib_results_sid_idx" ON "sib_results" USING btree ("sid");--> statement-breakpoint
CREATE INDEX "ident_results_fin_idx" ON "ident_results" USING btree ("fin");--> statement-breakpoint
CREATE INDEX "iaqs_at_idx" ON "iaqs" USING btree ("at", "id");--> statement-breakpoint
CREATE INDEX "iars_booking_idx" ON "iars" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "jail_responses_booking_idx" ON "jail_responses" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor", "seq");
