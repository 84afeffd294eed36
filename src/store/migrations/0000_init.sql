CREATE TABLE "person_prints" (
	"person_id" text PRIMARY KEY NOT NULL,
	"templates" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" text PRIMARY KEY NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"dob" date NOT NULL,
	"sex" text NOT NULL,
	"pob" text NOT NULL,
	"citizenship" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "convictions" (
	"id" text PRIMARY KEY NOT NULL,
	"fbi_number" text NOT NULL,
	"offense" text NOT NULL,
	"ncic" text NOT NULL,
	"level" smallint NOT NULL,
	"felony" boolean NOT NULL,
	"aggravated" boolean NOT NULL,
	"max_months" integer NOT NULL,
	"convicted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criminal_subjects" (
	"fbi_number" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"dob" date NOT NULL,
	"sex" text NOT NULL,
	"templates" jsonb NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encounters" (
	"id" text PRIMARY KEY NOT NULL,
	"fin" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"place" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "immigration_subjects" (
	"fin" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"a_number" text,
	"status" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"dob" date NOT NULL,
	"sex" text NOT NULL,
	"pob" text NOT NULL,
	"prior_removal_order" boolean NOT NULL,
	"templates" jsonb NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jurisdiction_activations" (
	"jurisdiction_id" text NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"activated" boolean NOT NULL,
	"opt_out_requested" boolean NOT NULL,
	"opt_out_honoured" boolean NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "jurisdiction_activations_jurisdiction_id_effective_from_pk" PRIMARY KEY("jurisdiction_id","effective_from")
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"ori" text NOT NULL,
	"ruleset_id" text NOT NULL,
	CONSTRAINT "jurisdictions_ori_unique" UNIQUE("ori")
);
--> statement-breakpoint
CREATE TABLE "arrest_charges" (
	"booking_id" text NOT NULL,
	"seq" smallint NOT NULL,
	"offense" text NOT NULL,
	"ncic" text NOT NULL,
	"level" smallint NOT NULL,
	"felony" boolean NOT NULL,
	CONSTRAINT "arrest_charges_booking_id_seq_pk" PRIMARY KEY("booking_id","seq")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" text PRIMARY KEY NOT NULL,
	"tcn" text NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"ori" text NOT NULL,
	"booking_number" text NOT NULL,
	"tot" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"dob" date NOT NULL,
	"sex" text NOT NULL,
	"pob" text NOT NULL,
	"arrested_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"prints" jsonb NOT NULL,
	"release_due_at" timestamp with time zone NOT NULL,
	"sim_person_id" text,
	CONSTRAINT "bookings_tcn_unique" UNIQUE("tcn")
);
--> statement-breakpoint
CREATE TABLE "booking_outcomes" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cjis_results" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"srf" text NOT NULL,
	"fbi_number" text NOT NULL,
	"score" real NOT NULL,
	"newly_enrolled" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detainer_events" (
	"detainer_id" text NOT NULL,
	"seq" integer NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "detainer_events_detainer_id_seq_pk" PRIMARY KEY("detainer_id","seq")
);
--> statement-breakpoint
CREATE TABLE "detainers" (
	"id" text PRIMARY KEY NOT NULL,
	"booking_id" text NOT NULL,
	"form" text NOT NULL,
	"state" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "detainers_booking_id_unique" UNIQUE("booking_id")
);
--> statement-breakpoint
CREATE TABLE "iaqs" (
	"id" text PRIMARY KEY NOT NULL,
	"booking_id" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "iaqs_booking_id_unique" UNIQUE("booking_id")
);
--> statement-breakpoint
CREATE TABLE "iars" (
	"id" text PRIMARY KEY NOT NULL,
	"iaq_id" text NOT NULL,
	"booking_id" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text NOT NULL,
	"analyst" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "iars_iaq_id_unique" UNIQUE("iaq_id")
);
--> statement-breakpoint
CREATE TABLE "ice_decisions" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"level" smallint,
	"priority" smallint,
	"reason" text NOT NULL,
	"officer" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ident_results" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"fin" text,
	"score" real NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jail_responses" (
	"detainer_id" text PRIMARY KEY NOT NULL,
	"booking_id" text NOT NULL,
	"decision" text NOT NULL,
	"ruleset_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sib_results" (
	"booking_id" text PRIMARY KEY NOT NULL,
	"sid" text NOT NULL,
	"forwarded_to_dhs" boolean NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox" (
	"consumer" text NOT NULL,
	"message_id" text NOT NULL,
	"processed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inbox_consumer_message_id_pk" PRIMARY KEY("consumer","message_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"dead_at" timestamp with time zone,
	CONSTRAINT "outbox_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "sim_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_prints" ADD CONSTRAINT "person_prints_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "convictions" ADD CONSTRAINT "convictions_fbi_number_criminal_subjects_fbi_number_fk" FOREIGN KEY ("fbi_number") REFERENCES "public"."criminal_subjects"("fbi_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encounters" ADD CONSTRAINT "encounters_fin_immigration_subjects_fin_fk" FOREIGN KEY ("fin") REFERENCES "public"."immigration_subjects"("fin") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jurisdiction_activations" ADD CONSTRAINT "jurisdiction_activations_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrest_charges" ADD CONSTRAINT "arrest_charges_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_outcomes" ADD CONSTRAINT "booking_outcomes_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cjis_results" ADD CONSTRAINT "cjis_results_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detainer_events" ADD CONSTRAINT "detainer_events_detainer_id_detainers_id_fk" FOREIGN KEY ("detainer_id") REFERENCES "public"."detainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detainers" ADD CONSTRAINT "detainers_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iaqs" ADD CONSTRAINT "iaqs_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iars" ADD CONSTRAINT "iars_iaq_id_iaqs_id_fk" FOREIGN KEY ("iaq_id") REFERENCES "public"."iaqs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iars" ADD CONSTRAINT "iars_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ice_decisions" ADD CONSTRAINT "ice_decisions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ident_results" ADD CONSTRAINT "ident_results_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jail_responses" ADD CONSTRAINT "jail_responses_detainer_id_detainers_id_fk" FOREIGN KEY ("detainer_id") REFERENCES "public"."detainers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jail_responses" ADD CONSTRAINT "jail_responses_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sib_results" ADD CONSTRAINT "sib_results_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "convictions_fbi_idx" ON "convictions" USING btree ("fbi_number");--> statement-breakpoint
CREATE INDEX "encounters_fin_idx" ON "encounters" USING btree ("fin");--> statement-breakpoint
CREATE INDEX "bookings_jurisdiction_idx" ON "bookings" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "booking_outcomes_outcome_idx" ON "booking_outcomes" USING btree ("outcome");--> statement-breakpoint
CREATE INDEX "detainers_state_idx" ON "detainers" USING btree ("state");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("published_at","available_at","seq");